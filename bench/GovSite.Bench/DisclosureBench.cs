using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.Sites;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GovSite.Bench;

/// <summary>
/// The disclosure benches (bench/disclosure.sh): the 政府信息公开目录 page over a million entries,
/// asked through HTTP as a visitor asks it (every URL once, so the page cache never answers), and
/// the annual disclosure report computed and exported to xlsx for a thousand sites of a hundred
/// requests each.
/// </summary>
public static class DisclosureBench
{
    private static readonly string[] Subjects =
        ["综合政务", "国民经济管理", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管",
         "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
         "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他"];

    private static readonly string[] Genres = ["规章", "规范性文件", "通知", "公告", "意见", "办法", "规划", "报告", "批复", "函"];

    private static readonly string[] Topics =
        ["政务服务", "营商环境", "城乡居民医疗保险", "义务教育入学", "老旧小区改造", "农村人居环境整治", "安全生产", "防汛抗旱", "就业创业补贴", "养老服务",
         "食品安全", "生态环境保护", "乡村振兴", "数字政府建设", "政府网站集约化", "行政审批制度改革", "住房公积金", "交通运输", "文化旅游", "消防安全"];

    private static readonly string[] Forms = ["关于印发{0}实施方案的通知", "关于进一步加强{0}工作的意见", "关于做好{0}有关工作的通知", "{0}管理办法", "关于{0}的公告", "关于{0}情况的报告"];

    public static Command CatalogueCommand()
    {
        var items = new Option<int>("--items") { DefaultValueFactory = _ => 1_000_000 };
        var data = new Option<string>("--data") { Required = true, Description = "Data directory (reused when it already holds the entries)" };
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5231 };
        var requests = new Option<int>("--requests") { DefaultValueFactory = _ => 200 };
        var searches = new Option<bool>("--searches")
        {
            DefaultValueFactory = _ => true,
            Description = "Index the entries at start and time the searches (false: pages and lists only, the index left as it is)",
        };
        var command = new Command("disclosure-catalogue", "The 政府信息公开目录 page over many entries, uncached, through HTTP") { items, data, port, requests, searches };
        command.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(data)!);
            var count = parse.GetValue(items);
            var database = Path.Combine(dir, "govsite.db");
            if (!File.Exists(database))
            {
                var watch = Stopwatch.StartNew();
                await SiteGenerator.RunAsync(new GenerateOptions(100, dir), ct: ct);
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Inserting catalogue entries", maxValue: count);
                    await InsertEntriesAsync(dir, count, n => task.Value = n, ct);
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} catalogue entries on 99 department sites in {watch.Elapsed.TotalSeconds:F1} s (before indexing); database {new FileInfo(database).Length / 1048576.0:F0} MB"));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reused {dir}: database {new FileInfo(database).Length / 1048576.0:F0} MB"));
            }
            var url = $"http://127.0.0.1:{parse.GetValue(port)}";
            // The catalogue's search reads the search index: the start-up catch-up indexes the generated
            // entries once (minutes at a million; a reused database starts at once).
            var withSearches = parse.GetValue(searches);
            await using var app = GovSiteApp.Build(["--GOVSITE_DATA", dir, "--GOVSITE_NO_DEMO", "true", "--GOVSITE_NO_WORKERS", "true",
                "--GOVSITE_QUIET", "true", "--Search:CatchUpOnStart", withSearches ? "true" : "false", "--urls", url, "--Logging:LogLevel:Default", "Warning"]);
            var starting = Stopwatch.StartNew();
            await AnsiConsole.Status().StartAsync("Starting GovSite (the search index catches up with new entries)", _ => app.StartAsync(ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started (search index caught up) in {starting.Elapsed.TotalSeconds:F1} s; database {new FileInfo(database).Length / 1048576.0:F0} MB"));
            var samples = await SamplesAsync(database, ct);
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            var n = parse.GetValue(requests);
            var nonce = 0;
            async Task<(double P50, double P95, double Max, string Total)> TimeAsync(string host, Func<int, string> query)
            {
                var times = new List<double>();
                var total = "";
                var api = query(0).StartsWith('/');
                for (var i = 0; i < n + 5; i++)
                {
                    var path = api ? $"{query(i)}&r={++nonce}" : $"/disclosure/catalogue?{query(i)}&r={++nonce}";
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Host = host;
                    var watch = Stopwatch.StartNew();
                    using var response = await http.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode}");
                    }
                    if (i >= 5)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    var found = System.Text.RegularExpressions.Regex.Match(body, api ? "\"total\":(\\d+)" : @"共\s*([\d,]+)\s*条");
                    total = found.Success ? found.Groups[1].Value : "?";
                }
                times.Sort();
                return (times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1], total);
            }
            var cases = new (string Name, string Host, Func<int, string> Query)[]
            {
                ("portal, all entries, pages 1–50", SiteGenerator.MainHost(1), i => $"page={i % 50 + 1}"),
                ("department, all entries, pages 1–50", SiteGenerator.MainHost(7), i => $"page={i % 50 + 1}"),
                ("portal, deep pages 400–500 (the last served)", SiteGenerator.MainHost(1), i => $"page={400 + i % 101}"),
                ("department, deep pages 400–500", SiteGenerator.MainHost(7), i => $"page={400 + i % 101}"),
                ("portal, one 主题分类, deep pages 400–500", SiteGenerator.MainHost(1), i => $"subject={Uri.EscapeDataString(Subjects[i % Subjects.Length])}&page={400 + i % 101}"),
                ("portal, one 主题分类", SiteGenerator.MainHost(1), i => $"subject={Uri.EscapeDataString(Subjects[i % Subjects.Length])}&page={i % 7 + 1}"),
                ("portal, one 体裁", SiteGenerator.MainHost(1), i => $"genre={Uri.EscapeDataString(Genres[i % Genres.Length])}&page={i % 7 + 1}"),
                ("portal, one organ", SiteGenerator.MainHost(1), i => $"organ={Uri.EscapeDataString(OrganName(2 + i % 99))}"),
                ("portal, 主题分类 and 体裁", SiteGenerator.MainHost(1), i => $"subject={Uri.EscapeDataString(Subjects[i % Subjects.Length])}&genre={Uri.EscapeDataString(Genres[i % Genres.Length])}"),
                ("portal, search a title word", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString(Topics[i % Topics.Length])}"),
                ("portal, search a 文号", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString($"{BenchText.CountyName(0)}政办发〔{2016 + i % 10}〕{i % 400 + 1}号")}"),
                ("portal, search a 文号 as 2019年12号", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString($"政办发{2016 + i % 10}年{i % 400 + 1}号")}"),
                ("portal, search a 文号 without issuer 〔2019〕12号", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString($"〔{2016 + i % 10}〕{i % 400 + 1}号")}"),
                ("portal, search a 文号 without issuer 2019年12号", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString($"{2016 + i % 10}年{i % 400 + 1}号")}"),
                ("portal, search an 索引号", SiteGenerator.MainHost(1), i => $"q={Uri.EscapeDataString(samples.IndexNumbers[i % samples.IndexNumbers.Count])}"),
                ("department, search a title word", SiteGenerator.MainHost(7), i => $"q={Uri.EscapeDataString(Topics[i % Topics.Length])}"),
                ("API, portal, pages 1–50", SiteGenerator.MainHost(1), i => $"/api/v1/sites/{samples.PortalCode}/disclosure/catalogue?page={i % 50 + 1}"),
                ("API, portal, 主题分类, 体裁 or organ, pages 1–5", SiteGenerator.MainHost(1), i => $"/api/v1/sites/{samples.PortalCode}/disclosure/catalogue?" + (i % 3) switch
                {
                    0 => $"subject={Uri.EscapeDataString(Subjects[i % Subjects.Length])}",
                    1 => $"genre={Uri.EscapeDataString(Genres[i % Genres.Length])}",
                    _ => $"organ={Uri.EscapeDataString(OrganName(2 + i % 99))}",
                } + $"&page={i % 5 + 1}"),
                ("API, portal, all three lists", SiteGenerator.MainHost(1), i => $"/api/v1/sites/{samples.PortalCode}/disclosure/catalogue?subject={Uri.EscapeDataString(Subjects[i % Subjects.Length])}&genre={Uri.EscapeDataString(Genres[i % Genres.Length])}&organ={Uri.EscapeDataString(OrganName(2 + i % 99))}"),
                ("API, portal, deep pages 400–500", SiteGenerator.MainHost(1), i => $"/api/v1/sites/{samples.PortalCode}/disclosure/catalogue?page={400 + i % 101}"),
            };
            Console.WriteLine();
            Console.WriteLine("| catalogue page, uncached | entries | p50 ms | p95 ms | max ms |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var (name, host, query) in cases.Where(c => withSearches || !c.Name.Contains("search", StringComparison.Ordinal)))
            {
                var (p50, p95, max, total) = await TimeAsync(host, query);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {total} | {p50:F1} | {p95:F1} | {max:F1} |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS {BenchProcess.PeakRssMb():F0} MB (generator, server and client in one process)"));
            await app.StopAsync(ct);
            return 0;
        });
        return command;
    }

    private sealed record Samples(string PortalCode, List<string> IndexNumbers);

    /// <summary>The portal's code and 索引号 of entries spread over the catalogue, for the searches.</summary>
    private static async Task<Samples> SamplesAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Code\" FROM \"Sites\" WHERE \"Id\" = 1";
        var portal = (string)(await command.ExecuteScalarAsync(ct))!;
        command.CommandText = "SELECT max(\"Id\") FROM \"Articles\"";
        var highest = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var numbers = new List<string>();
        // Primary-key lookups spread over the ids: no scan of a million rows.
        command.CommandText = "SELECT \"IndexNumber\" FROM \"Articles\" WHERE \"Id\" = $id AND \"IndexNumber\" IS NOT NULL AND \"Disclosure\" = 'Proactive'";
        var id = command.Parameters.Add(new SqliteParameter("$id", 0L));
        for (var k = 1; k <= 400 && numbers.Count < 200; k++)
        {
            id.Value = highest * k / 401;
            if (await command.ExecuteScalarAsync(ct) is string number)
            {
                numbers.Add(number);
            }
        }
        return new Samples(portal, numbers);
    }

    /// <summary>The host unit of generated site n, which is what the catalogue calls its organ when an entry names none.</summary>
    private static string OrganName(int n)
    {
        var i = n - 2;
        var department = BenchText.Departments[i % BenchText.Departments.Length];
        return i < BenchText.Departments.Length ? BenchText.CountyName(0) + department : $"{BenchText.CountyName(0)}{department}第{i / BenchText.Departments.Length + 1}分局";
    }

    private static async Task InsertEntriesAsync(string dir, int count, Action<int> progressed, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "govsite.db")}");
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var columns = new Dictionary<long, long>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT \"SiteId\", min(\"Id\") FROM \"Columns\" GROUP BY \"SiteId\"";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }
        var random = new Random(20261206);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 50_000)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            string[] names = ["SiteId", "ColumnId", "Title", "Body", "Status", "PublishedAt", "CreatedAt", "UpdatedAt", "IndexNumber", "Issuer",
                "DocNumber", "WrittenDate", "SubjectCategory", "GenreClass", "Validity", "Disclosure"];
            insert.CommandText = $"INSERT INTO \"Articles\" ({string.Join(", ", names.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
            var p = names.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            for (var k = start; k < Math.Min(count, start + 50_000); k++)
            {
                var site = 2 + random.Next(99);
                var year = 2016 + random.Next(10);
                var published = new DateTime(year, 1, 1, 1, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(365 * 24 * 60));
                var topic = Topics[random.Next(Topics.Length)];
                var genre = Genres[random.Next(Genres.Length)];
                var withNumber = genre is "规章" or "规范性文件" or "通知" or "意见" or "办法" || random.Next(3) == 0;
                p[0].Value = site;
                p[1].Value = columns[site];
                p[2].Value = string.Format(CultureInfo.InvariantCulture, Forms[random.Next(Forms.Length)], topic);
                // One in four cites a 文号 in its text: what a 文号 search finds beside the 文号 fields.
                p[3].Value = random.Next(4) == 0
                    ? $"<p>根据〔{2016 + random.Next(10)}〕{random.Next(400) + 1}号文件精神，结合本地实际，做好{topic}相关工作。</p>"
                    : "";
                p[4].Value = "Published";
                p[5].Value = published;
                p[6].Value = now;
                p[7].Value = now;
                p[8].Value = $"99010100{site:00}/{year}-{k:0000000}";
                p[9].Value = random.Next(4) == 0 ? DBNull.Value : OrganName(site);
                p[10].Value = withNumber ? $"{BenchText.CountyName(0)}政办发〔{year}〕{random.Next(400) + 1}号" : DBNull.Value;
                p[11].Value = DateOnly.FromDateTime(published.AddDays(-random.Next(1, 30)));
                p[12].Value = Subjects[random.Next(Subjects.Length)];
                p[13].Value = genre;
                p[14].Value = random.Next(10) == 0 ? "Repealed" : "Valid";
                p[15].Value = random.Next(20) == 0 ? "OnRequest" : "Proactive";
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            progressed(Math.Min(count, start + 50_000));
        }
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    public static Command ReportCommand()
    {
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 1000 };
        var perSite = new Option<int>("--requests") { DefaultValueFactory = _ => 100 };
        var data = new Option<string>("--data") { Required = true, Description = "Empty data directory" };
        var command = new Command("disclosure-report", "The annual disclosure report of many sites, computed and exported to xlsx") { sites, perSite, data };
        command.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(data)!);
            var siteCount = parse.GetValue(sites);
            var requestsPerSite = parse.GetValue(perSite);
            var generate = Stopwatch.StartNew();
            await SiteGenerator.RunAsync(new GenerateOptions(siteCount, dir, Content: false), ct: ct);
            await using var app = GovSiteApp.Create(["--GOVSITE_DATA", dir, "--GOVSITE_NO_DEMO", "true", "--GOVSITE_NO_WORKERS", "true",
                "--Logging:LogLevel:Default", "Warning"], background: false);
            await app.StartAsync(ct);
            const int year = 2025;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var random = new Random(20261206);
                var kinds = Enum.GetValues<ApplicantKind>();
                var answers = Enum.GetValues<AnswerType>();
                for (var site = 1; site <= siteCount; site++)
                {
                    for (var k = 0; k < requestsPerSite; k++)
                    {
                        // A request of the year (or carried over from the last weeks of the year before),
                        // most answered, some still open at the year's end, a few closed unanswered.
                        var received = new DateOnly(year, 1, 1).AddDays(random.Next(-30, 365));
                        var outcome = random.Next(20);
                        var answered = outcome < 17 ? received.AddDays(random.Next(3, 35)) : (DateOnly?)null;
                        var type = answered is null ? (AnswerType?)null : answers[random.Next(answers.Length)];
                        db.InformationRequests.Add(new InformationRequest
                        {
                            SiteId = site,
                            Number = string.Create(CultureInfo.InvariantCulture, $"YSQ{site:00000}{k:0000}"),
                            QueryCodeHash = "bench",
                            ApplicantKind = kinds[random.Next(kinds.Length)],
                            Name = "申请人",
                            IdNumber = "110101199001011237",
                            ApplicantKey = string.Create(CultureInfo.InvariantCulture, $"bench-{random.Next(5000)}"),
                            Phone = "13800000000",
                            Description = "申请公开本机关2025年度部门预算执行情况",
                            ReceivedOn = received,
                            RecordedAt = received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                            Status = answered is not null ? RequestStatus.Answered : outcome == 19 ? RequestStatus.Closed : RequestStatus.Handling,
                            DueDate = received.AddDays(28),
                            AnswerType = type,
                            AnswerGround = type switch
                            {
                                AnswerType.Refused => Enum.GetNames<RefusalGround>()[random.Next(8)],
                                AnswerType.Unavailable => Enum.GetNames<UnavailableReason>()[random.Next(3)],
                                AnswerType.NotProcessed => Enum.GetNames<NotProcessedGround>()[random.Next(4)],
                                _ => null,
                            },
                            AnsweredOn = answered,
                            AnsweredOnTime = answered is null ? null : answered <= received.AddDays(28),
                            ClosedOn = outcome == 19 ? received.AddDays(12) : null,
                            CloseReason = outcome == 19 ? CloseReason.NoCorrection : null,
                        });
                    }
                    if (site % 50 == 0)
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                    }
                }
                await db.SaveChangesAsync(ct);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {siteCount:N0} sites with {requestsPerSite} requests each ({siteCount * requestsPerSite:N0}) in {generate.Elapsed.TotalSeconds:F1} s"));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long bytes = 0;
            var failedChecks = 0;
            var computeSeconds = 0.0;
            for (var site = 1; site <= siteCount; site++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
                var computeStart = watch.Elapsed.TotalSeconds;
                var content = await reports.ContentAsync(site, year, draftAllowed: true, ct)
                    ?? throw new InvalidOperationException($"site {site}: no report");
                computeSeconds += watch.Elapsed.TotalSeconds - computeStart;
                failedChecks += content.Figures.Check().Count;
                bytes += ReportDocument.Xlsx(content).Length;
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"annual disclosure reports of {siteCount:N0} sites for {year}: computed and exported to xlsx in {seconds:F1} s " +
                $"({seconds / siteCount * 1000:F1} ms a site; computing {computeSeconds:F1} s, xlsx {seconds - computeSeconds:F1} s), CPU {cpuSeconds:F1} s, " +
                $"{bytes / 1048576.0:F1} MB of xlsx, arithmetic checks failed: {failedChecks}, peak RSS {BenchProcess.PeakRssMb():F0} MB"));
            await app.StopAsync(ct);
            return 0;
        });
        return command;
    }
}
