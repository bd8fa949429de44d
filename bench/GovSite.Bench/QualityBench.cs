using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Quality;
using GovSite.Rules;
using GovSite.Sites;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <summary>
/// The quality gate at scale (issue 3): a near-duplicate index of many library items built in
/// SQLite with the same signatures the app computes, lookups through <see cref="NearDuplicates"/>,
/// then the whole <see cref="QualityGate"/> on a 20,000-character article with 100,000 sensitive
/// terms loaded, against that same database (so the gate's near-duplicate step searches it too).
/// </summary>
public static class QualityBench
{
    public static Command Command()
    {
        var data = new Option<string>("--data") { Description = "Empty data directory for the benchmark database", Required = true };
        var items = new Option<int>("--items") { Description = "Library items in the near-duplicate index", DefaultValueFactory = _ => 1_000_000 };
        var terms = new Option<int>("--terms") { Description = "Sensitive terms loaded", DefaultValueFactory = _ => 100_000 };
        var runs = new Option<int>("--runs") { Description = "Timed gate runs", DefaultValueFactory = _ => 200 };
        var lookups = new Option<int>("--lookups") { Description = "Timed near-duplicate lookups per kind", DefaultValueFactory = _ => 500 };
        var seeds = new Option<string>("--seeds") { Description = "Seed corpus directory", DefaultValueFactory = _ => "/work/shared/corpus/seeds" };
        var command = new Command("quality", "Near-duplicate index and lookups, then the whole quality gate (see bench/quality.sh)")
            { data, items, terms, runs, lookups, seeds };
        command.SetAction(async (parse, ct) =>
        {
            await RunAsync(Path.GetFullPath(parse.GetValue(data)!), parse.GetValue(items), parse.GetValue(terms), parse.GetValue(runs),
                parse.GetValue(lookups), parse.GetValue(seeds)!, ct);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string dir, int itemCount, int termCount, int runs, int lookups, string seedDir, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        if (File.Exists(Path.Combine(dir, "govsite.db")))
        {
            throw new InvalidOperationException($"{dir} already holds a govsite.db; the quality bench writes fresh databases only.");
        }
        var dataOptions = new DataOptions { DataDirectory = dir };
        var services = new ServiceCollection();
        services.AddSingleton(dataOptions);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SiteAccess>();
        services.AddDbContext<GovSiteDb>(o => DataSetup.Configure(o, dataOptions));
        services.AddSingleton<SiteDirectory>();
        services.AddSingleton(new JobQueueOptions());
        services.AddScoped<JobQueue>();
        services.AddSingleton(new QualityOptions());
        services.AddSingleton<QualityCache>();
        services.AddScoped<QualityLists>();
        services.AddScoped<NearDuplicates>();
        services.AddScoped<QualityLinks>();
        services.AddScoped<QualityGate>();
        await using var provider = services.BuildServiceProvider();

        var seeds = Directory.GetFiles(seedDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var sentences = seeds.SelectMany(s => s.Split(['。', '\n', '！', '？'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length >= 12).Distinct().ToArray();

        int siteId;
        using (var scope = Scope(provider))
        {
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            await DataSetup.MigrateAsync(db, ct);
            var region = new Region { Code = "990100", Name = BenchText.ProvinceName, Level = RegionLevel.Province };
            db.Regions.Add(region);
            await db.SaveChangesAsync(ct);
            // A registry's worth of organisation names in the serious-error dictionary.
            for (var city = 0; city < 10; city++)
            {
                foreach (var department in BenchText.Departments)
                {
                    db.Organisations.Add(new Organisation { Name = BenchText.CityName(city) + department, RegionId = region.Id });
                }
            }
            var site = new Site
            {
                Code = "9901000001", Name = "质量基准测试网站", Type = SiteType.Portal, Level = SiteLevel.Province, Status = SiteStatus.Online,
                RegionId = region.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Domains = [new SiteDomain { Host = "bench.quality.gov.cn", IsMain = true }],
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync(ct);
            siteId = site.Id;
        }

        // 1. The near-duplicate index.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Building the near-duplicate index of {itemCount:N0} items…"));
        var build = Stopwatch.StartNew();
        var before = new FileInfo(Path.Combine(dir, "govsite.db")).Length;
        await BuildIndexAsync(dir, siteId, itemCount, sentences, ct);
        build.Stop();
        var after = new FileInfo(Path.Combine(dir, "govsite.db")).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Indexed {itemCount:N0} items in {build.Elapsed.TotalSeconds:F0} s ({itemCount / build.Elapsed.TotalSeconds:F0} items/s); index {(after - before) / 1048576.0:F0} MB ({NearDuplicates.Hashes} MinHash values, {NearDuplicates.Bands} bands per item)"));

        var random = new Random(42);
        var twinTimes = new List<double>();
        var strangerTimes = new List<double>();
        var found = 0;
        var twinPercents = new List<int>();
        using (var scope = Scope(provider))
        {
            var twins = scope.ServiceProvider.GetRequiredService<NearDuplicates>();
            var now = DateTime.UtcNow;
            for (var i = 0; i < lookups + 20; i++)
            {
                // Only items from the last year can be found: the index spans two.
                var id = random.Next(1, itemCount + 1);
                while (ItemDate(id, now) < now.AddDays(-360))
                {
                    id = random.Next(1, itemCount + 1);
                }
                var twin = Twin(ItemText(id, sentences), random);
                var w = Stopwatch.StartNew();
                var matches = await twins.FindAsync(twin, QualitySettings.DefaultNearDuplicatePercent, now, ct: ct);
                w.Stop();
                var stranger = ItemText(itemCount + 1 + i, sentences);
                var s = Stopwatch.StartNew();
                await twins.FindAsync(stranger, QualitySettings.DefaultNearDuplicatePercent, now, ct: ct);
                s.Stop();
                if (i < 20)
                {
                    continue; // warm-up
                }
                twinTimes.Add(w.Elapsed.TotalMilliseconds);
                strangerTimes.Add(s.Elapsed.TotalMilliseconds);
                if (matches.FirstOrDefault(m => m.ItemId == id) is { } hit)
                {
                    found++;
                    twinPercents.Add(hit.Percent);
                }
            }
        }
        Console.WriteLine("| near-duplicate lookup | lookups | p50 | p95 |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Row("a twin of an indexed item (names and dates changed)", twinTimes));
        Console.WriteLine(Row("an unrelated text", strangerTimes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Twins found: {found} of {twinTimes.Count} ({100.0 * found / twinTimes.Count:F1}%), median estimated similarity {Percentile(twinPercents.Select(p => (double)p).ToList(), 50):F0}%"));

        // 2. The whole gate with 100,000 sensitive terms.
        var sensitive = Terms(termCount);
        using (var scope = Scope(provider))
        {
            var lists = scope.ServiceProvider.GetRequiredService<QualityLists>();
            var list = await lists.CreateAsync(null, QualityListKind.SensitiveWords, "基准敏感词", QualitySeverity.Block, ct);
            var saved = await lists.ChangeTermsAsync(list.Value!.Id, QualityLists.TermChange.Replace, string.Join('\n', sensitive), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {saved.Value!.TermCount:N0} sensitive terms"));
        }
        var article = Article(seeds, sensitive);
        var plain = HtmlSanitiser.ToPlainText(HtmlSanitiser.Sanitise(article));
        var gateTimes = new List<double>();
        IReadOnlyList<QualityFinding> findings = [];
        var cold = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        // Warm-up long enough for tiered compilation to reach its optimised code, as on a server
        // that has been checking articles for a while.
        const int WarmUp = 60;
        for (var i = 0; i < runs + WarmUp; i++)
        {
            if (i == WarmUp)
            {
                process.Refresh();
                cpuBefore = process.TotalProcessorTime;
            }
            using var scope = Scope(provider);
            var gate = scope.ServiceProvider.GetRequiredService<QualityGate>();
            var w = Stopwatch.StartNew();
            findings = await gate.CheckAsync(new QualityInput(siteId, "关于切实加强政府网站内容建设的通知", article), ct);
            w.Stop();
            if (i == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"First gate call (builds and caches the 100,000-term matcher): {cold.Elapsed.TotalMilliseconds:F0} ms"));
            }
            if (i >= WarmUp)
            {
                gateTimes.Add(w.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| quality gate, {plain.Length:N0}-character article, {termCount:N0} terms, {itemCount:N0} indexed items | runs | median | p95 |"));
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        process.Refresh();
        var cpuPerRun = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / gateTimes.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| whole gate (all seven checks) | {gateTimes.Count} | {Percentile(gateTimes, 50):F1} ms | {Percentile(gateTimes, 95):F1} ms |"));
        // On a loaded machine wall time stretches with the run queue; the process's CPU time per call does not.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Process CPU time per gate call (all threads, GC included): {cpuPerRun:F1} ms"));
        Console.WriteLine("Findings per code: " + string.Join(", ", findings.GroupBy(f => f.Code).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("Findings: " + string.Join("; ", findings.Take(20).Select(f => $"{f.Code}:{f.Excerpt}")));

        // Where the time goes: the gate's steps one by one, on the same article.
        var matcher = new TermMatcher(sensitive);
        var organisations = Enumerable.Range(0, 10).SelectMany(c => BenchText.Departments.Select(d => BenchText.CityName(c) + d)).ToList();
        var dictionary = new SeriousErrors(organisations);
        string sanitised = "";
        var steps = new (string Name, Action Step)[]
        {
            ("sanitise (AngleSharp)", () => sanitised = HtmlSanitiser.Sanitise(article)),
            ("plain text (AngleSharp)", () => HtmlSanitiser.ToPlainText(sanitised)),
            ("images and links (AngleSharp)", () => BodyElements.Locate(sanitised)),
            ("100,000-term matcher", () => matcher.FindLongest(plain)),
            ("serious errors (defaults + 360 organisations)", () => dictionary.Find(plain)),
            ("MinHash sketch", () => NearDuplicates.Sketch(plain)),
        };
        var asyncSteps = new (string Name, Func<IServiceProvider, Task> Step)[]
        {
            ("site settings query", sp => sp.GetRequiredService<GovSiteDb>().QualitySettings.AsNoTracking().FirstOrDefaultAsync(q => q.SiteId == siteId, ct)),
            ("links: internal and external (database)", sp => sp.GetRequiredService<QualityLinks>().FindBrokenAsync(siteId, BodyElements.Locate(HtmlSanitiser.Sanitise(article)), ct)),
            ("near-duplicate lookup of the article", sp => sp.GetRequiredService<NearDuplicates>().FindAsync(plain, 70, DateTime.UtcNow, ct: ct)),
        };
        Console.WriteLine("| gate step | median |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, step) in asyncSteps)
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                using var scope = Scope(provider);
                var w = Stopwatch.StartNew();
                await step(scope.ServiceProvider);
                times.Add(w.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(times, 50):F2} ms |"));
        }
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, step) in steps)
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var w = Stopwatch.StartNew();
                step();
                times.Add(w.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(times, 50):F2} ms |"));
        }
    }

    private static IServiceScope Scope(IServiceProvider provider)
    {
        var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        return scope;
    }

    private static string Row(string kind, List<double> times) => string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {times.Count} | {Percentile(times, 50):F1} ms | {Percentile(times, 95):F1} ms |");

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Items spread over two years, so the one-year window leaves about half of them.</summary>
    private static DateTime ItemDate(int id, DateTime now) => now.AddDays(-(id * 7919L % 730));

    /// <summary>An item's text, the same for the same id: 8–20 sentences of real policy text in a random mix.</summary>
    private static string ItemText(int id, string[] sentences)
    {
        var random = new Random(id);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{2015 + random.Next(11)}年{1 + random.Next(12)}月{1 + random.Next(28)}日，");
        var count = random.Next(8, 21);
        for (var i = 0; i < count; i++)
        {
            sb.Append(sentences[random.Next(sentences.Length)]).Append('。');
        }
        return sb.ToString();
    }

    /// <summary>Names and dates changed: digits replaced and three short spans rewritten.</summary>
    private static string Twin(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = (char)('0' + random.Next(10));
            }
        }
        for (var n = 0; n < 3; n++)
        {
            var at = random.Next(chars.Length - 3);
            for (var k = 0; k < 3; k++)
            {
                chars[at + k] = (char)random.Next(0x4E00, 0x9FA5);
            }
        }
        return new string(chars);
    }

    private static List<string> Terms(int count)
    {
        // Ordinary ideographs, 2–6 long: the automaton walks real text, as with a real list.
        var random = new Random(7);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < count)
        {
            var chars = new char[random.Next(2, 7)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0x4E00, 0x9FA5);
            }
            set.Add(new string(chars));
        }
        return [.. set];
    }

    /// <summary>20,000 characters of seed text in paragraphs, with images, links, a sensitive term and a misspelt organ.</summary>
    private static string Article(string[] seeds, List<string> sensitive)
    {
        var text = string.Concat(seeds).Replace("\r", "", StringComparison.Ordinal);
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sb = new StringBuilder();
        var length = 0;
        var n = 0;
        foreach (var p in paragraphs.Concat(paragraphs))
        {
            if (length >= 20_000)
            {
                break;
            }
            var piece = p.Length > 20_000 - length ? p[..(20_000 - length)] : p;
            sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(piece));
            switch (n++ % 25)
            {
                case 3:
                    sb.Append("<img src=\"/files/photo").Append(n).Append(".jpg\">");
                    break;
                case 7:
                    sb.Append("<a href=\"/articles/").Append(n).Append("\">相关文章</a>");
                    break;
                case 11:
                    sb.Append("<a href=\"https://www.gov.cn/zhengce/").Append(n).Append(".htm\">国务院文件</a>");
                    break;
            }
            sb.Append("</p>");
            length += piece.Length;
        }
        sb.Append("<p>").Append(sensitive[4242]).Append("，国务院办工厅。</p>");
        return sb.ToString();
    }

    private static async Task BuildIndexAsync(string dir, int siteId, int items, string[] sentences, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "govsite.db")}");
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var now = DateTime.UtcNow;
        const int Batch = 20_000;
        for (var first = 1; first <= items; first += Batch)
        {
            var last = Math.Min(items, first + Batch - 1);
            var sketches = new MinHashSketch?[last - first + 1];
            // The signatures as the app computes them, on every core; the writes stay on one connection.
            Parallel.For(first, last + 1, new ParallelOptions { CancellationToken = ct }, id =>
                sketches[id - first] = NearDuplicates.Sketch(ItemText(id, sentences)));
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var entry = connection.CreateCommand();
            entry.Transaction = tx;
            entry.CommandText = """INSERT INTO "NearDuplicateEntries" ("ItemId", "SiteId", "Title", "DateUtc", "Signature") VALUES ($id, $site, $title, $date, $sig)""";
            var pId = entry.Parameters.Add("$id", SqliteType.Integer);
            entry.Parameters.AddWithValue("$site", siteId);
            var pTitle = entry.Parameters.Add("$title", SqliteType.Text);
            var pDate = entry.Parameters.Add("$date", SqliteType.Text);
            var pSig = entry.Parameters.Add("$sig", SqliteType.Blob);
            await using var band = connection.CreateCommand();
            band.Transaction = tx;
            band.CommandText = """INSERT OR IGNORE INTO "NearDuplicateBands" ("Hash", "ItemId") VALUES ($hash, $id)""";
            var bHash = band.Parameters.Add("$hash", SqliteType.Integer);
            var bId = band.Parameters.Add("$id", SqliteType.Integer);
            for (var id = first; id <= last; id++)
            {
                if (sketches[id - first] is not { } sketch)
                {
                    continue;
                }
                pId.Value = id;
                pTitle.Value = string.Create(CultureInfo.InvariantCulture, $"资料库条目 {id}");
                // The format EF writes for DateTime on SQLite, so the app's date filter reads it.
                pDate.Value = ItemDate(id, now).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                pSig.Value = sketch.SignatureBytes();
                await entry.ExecuteNonQueryAsync(ct);
                bId.Value = id;
                foreach (var hash in sketch.BandHashes)
                {
                    bHash.Value = hash;
                    await band.ExecuteNonQueryAsync(ct);
                }
            }
            await tx.CommitAsync(ct);
            if (last % 100_000 == 0 || last == items)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {last:N0} items"));
            }
        }
    }
}
