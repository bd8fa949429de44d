using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using GovSite.Calendar;
using GovSite.Interaction;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Bench;

/// <summary>
/// Issue 6: the overdue state of a million messages, and message submissions over HTTP at a fixed
/// rate against a running GovSite (bench/interaction.sh starts one).
/// </summary>
public static class InteractionBench
{
    public static Command Overdue()
    {
        var countOption = new Option<int>("--messages") { Description = "Number of messages", DefaultValueFactory = _ => 1_000_000 };
        var databaseOption = new Option<bool>("--database") { Description = "Also store them in a fresh SQLite database and time the overdue list from it" };
        var command = new Command("interaction-overdue", "Compute the deadline state of many messages with the working-day calendar") { countOption, databaseOption };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(countOption);
            var calendar = CalendarService.ShippedOnly();
            var options = new InteractionOptions();
            var random = new Random(6);
            var statuses = Enum.GetValues<MessageStatus>();
            // Messages received over 2025–2026 (across both Spring Festivals and National Days), due 7 working days later.
            var status = new MessageStatus[count];
            var due = new DateOnly[count];
            var first = new DateOnly(2025, 1, 1);
            for (var i = 0; i < count; i++)
            {
                status[i] = statuses[random.Next(statuses.Length)];
                due[i] = calendar.AddWorkingDays(first.AddDays(random.Next(700)), random.Next(10) == 0 ? 15 : 7);
            }
            var today = new DateOnly(2026, 10, 9);
            var counts = new int[4];
            // Warm-up pass, then the measured ones.
            Run();
            var times = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                Array.Clear(counts);
                var watch = Stopwatch.StartNew();
                Run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Deadline state of {count:N0} messages (today {today:yyyy-MM-dd}): median {times[2]:F0} ms, best {times[0]:F0} ms, worst {times[^1]:F0} ms; " +
                $"on track {counts[0]:N0}, due soon {counts[1]:N0}, overdue {counts[2]:N0}, escalated {counts[3]:N0}; goal < 2000 ms: {(times[2] < 2000 ? "met" : "NOT met")}"));
            var met = times[2] < 2000;
            if (parse.GetValue(databaseOption))
            {
                met &= await FromDatabaseAsync(status, due, today, options, ct);
            }
            return met ? 0 : 1;

            void Run()
            {
                for (var i = 0; i < count; i++)
                {
                    counts[(int)Deadlines.StateOf(calendar, status[i], due[i], today, options)]++;
                }
            }
        });
        return command;
    }

    /// <summary>
    /// The same messages in GovSite's real schema (SQLite): the overdue count through its index,
    /// and every open message's state loaded through EF and computed.
    /// </summary>
    private static async Task<bool> FromDatabaseAsync(MessageStatus[] status, DateOnly[] due, DateOnly today, InteractionOptions options, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("govsite-overdue-");
        try
        {
            var dataOptions = new GovSite.Data.DataOptions { DataDirectory = dir.FullName };
            var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<GovSite.Data.GovSiteDb>();
            GovSite.Data.DataSetup.Configure(builder, dataOptions);
            var access = new GovSite.Accounts.SiteAccess();
            access.BecomeSystem();
            await using var db = new GovSite.Data.GovSiteDb(builder.Options, access);
            await GovSite.Data.DataSetup.MigrateAsync(db, ct);
            var load = Stopwatch.StartNew();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            await Exec("PRAGMA synchronous=OFF;");
            await using (var tx = connection.BeginTransaction())
            {
                var now = DateTime.UtcNow;
                await Exec("INSERT INTO \"Regions\" (\"Id\",\"Code\",\"Name\",\"Level\") VALUES (1,'990000','基准','Province')", tx);
                await Exec($"INSERT INTO \"Sites\" (\"Id\",\"Code\",\"Name\",\"Type\",\"Level\",\"Status\",\"RegionId\",\"CreatedAt\",\"UpdatedAt\") VALUES (1,'9900000001','基准网站','Portal','Province','Online',1,'{now:yyyy-MM-dd HH:mm:ss}','{now:yyyy-MM-dd HH:mm:ss}')", tx);
                await Exec("INSERT INTO \"MessageChannels\" (\"Id\",\"SiteId\",\"Kind\",\"Name\",\"IsOpen\",\"SortOrder\") VALUES (1,1,'Consultation','咨询',1,10)", tx);
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO \"Messages\" (\"Id\",\"SiteId\",\"HandlingSiteId\",\"ChannelId\",\"Ticket\",\"QueryCodeHash\",\"Name\",\"Phone\",\"Subject\",\"Text\",\"AllowPublic\",\"ContentHash\",\"Status\",\"ReceivedAt\",\"DueDate\",\"Extended\",\"ReplyIsBoilerplate\",\"BoilerplateMatches\",\"UpdatedAt\") " +
                    "VALUES ($id,1,1,1,$ticket,'h','基准','13800000000','基准留言','基准留言内容',0,$id,$status,$received,$due,0,0,0,$received)";
                var pId = insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
                var pTicket = insert.Parameters.Add("$ticket", Microsoft.Data.Sqlite.SqliteType.Text);
                var pStatus = insert.Parameters.Add("$status", Microsoft.Data.Sqlite.SqliteType.Text);
                var pReceived = insert.Parameters.Add("$received", Microsoft.Data.Sqlite.SqliteType.Text);
                var pDue = insert.Parameters.Add("$due", Microsoft.Data.Sqlite.SqliteType.Text);
                insert.Prepare();
                var names = Enum.GetNames<MessageStatus>();
                for (var i = 0; i < status.Length; i++)
                {
                    pId.Value = i + 1;
                    pTicket.Value = (i + 1).ToString("D14", CultureInfo.InvariantCulture);
                    pStatus.Value = names[(int)status[i]];
                    pReceived.Value = now;
                    pDue.Value = due[i];
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored {status.Length:N0} messages in SQLite in {load.Elapsed.TotalSeconds:F1} s"));

            var open = new[] { MessageStatus.Received, MessageStatus.Handling, MessageStatus.Transferred, MessageStatus.Replied };
            var expected = new int[4];
            var shipped = CalendarService.ShippedOnly();
            for (var i = 0; i < status.Length; i++)
            {
                expected[(int)Deadlines.StateOf(shipped, status[i], due[i], today, options)]++;
            }
            var times = new List<double>();
            var counts = new int[4];
            for (var round = 0; round < 4; round++)
            {
                var watch = Stopwatch.StartNew();
                // The calendar turns "working days" into due-date boundaries; the database sorts every message by them.
                var (escalatedBefore, dueSoonUntil) = Deadlines.Boundaries(CalendarService.ShippedOnly(), today, options);
                // Open statuses written out, so they become constants and the (Status, DueDate) index serves each range.
                var openMessages = db.Messages.AsNoTracking().Where(m => m.Status == MessageStatus.Received || m.Status == MessageStatus.Handling
                    || m.Status == MessageStatus.Transferred || m.Status == MessageStatus.Replied);
                var total = await db.Messages.CountAsync(ct);
                counts[3] = await openMessages.CountAsync(m => m.DueDate < escalatedBefore, ct);
                counts[2] = await openMessages.CountAsync(m => m.DueDate >= escalatedBefore && m.DueDate < today, ct);
                counts[1] = await openMessages.CountAsync(m => m.DueDate >= today && m.DueDate <= dueSoonUntil, ct);
                counts[0] = total - counts[1] - counts[2] - counts[3];
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (!counts.SequenceEqual(expected))
            {
                Console.WriteLine($"mismatch: database {string.Join(",", counts)}, calendar {string.Join(",", expected)}");
                return false;
            }
            var ms = times.Skip(1).Order().ElementAt(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"From SQLite, index range counts over all {status.Length:N0} messages: {ms:F0} ms (median of 3 after a warm-up); " +
                $"on track {counts[0]:N0}, due soon {counts[1]:N0}, overdue {counts[2]:N0}, escalated {counts[3]:N0} (same as computed in memory); " +
                $"goal < 2000 ms: {(ms < 2000 ? "met" : "NOT met")}"));
            return ms < 2000;

            async Task Exec(string sql, System.Data.Common.DbTransaction? tx = null)
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(ct);
                }
                using var c = connection.CreateCommand();
                c.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction?)tx;
                c.CommandText = sql;
                await c.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    public static Command Submit()
    {
        var urlOption = new Option<string>("--url") { Description = "GovSite base URL", DefaultValueFactory = _ => "http://127.0.0.1:5201" };
        var siteOption = new Option<string>("--site") { Description = "网站标识码 of a site with open channels", DefaultValueFactory = _ => "9900000001" };
        var rateOption = new Option<double>("--rate") { Description = "Submissions per second", DefaultValueFactory = _ => 5 };
        var secondsOption = new Option<int>("--seconds") { Description = "How long to submit", DefaultValueFactory = _ => 180 };
        var command = new Command("interaction-submit", "POST messages at a fixed rate and count errors") { urlOption, siteOption, rateOption, secondsOption };
        command.SetAction(async (parse, ct) =>
        {
            var rate = parse.GetValue(rateOption);
            var seconds = parse.GetValue(secondsOption);
            var total = (int)Math.Round(rate * seconds);
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(urlOption)!), Timeout = TimeSpan.FromSeconds(30) };
            var path = $"/api/v1/sites/{parse.GetValue(siteOption)}/messages";
            var latencies = new double[total];
            var failures = 0;
            var samples = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var runId = Guid.NewGuid().ToString("N")[..8];
            var clock = Stopwatch.StartNew();
            var tasks = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                // Open loop: each request starts on its schedule whether or not earlier ones have finished.
                var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }
                var n = i;
                tasks.Add(Task.Run(async () =>
                {
                    var started = clock.Elapsed;
                    try
                    {
                        var response = await http.PostAsJsonAsync(path, new
                        {
                            channel = "consultation",
                            name = "压力测试",
                            // A different phone per message: the per-phone limit is tested elsewhere.
                            phone = "13" + (100_000_000 + n).ToString(CultureInfo.InvariantCulture)[..9],
                            subject = $"压测留言 {runId}-{n}",
                            text = $"这是第 {n} 条压测留言（批次 {runId}），用于检验留言提交在持续负载下不出错。",
                            isPublic = n % 2 == 0,
                        }, ct);
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            Interlocked.Increment(ref failures);
                            if (samples.Count < 5)
                            {
                                samples.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failures);
                        samples.Enqueue(e.Message);
                    }
                    latencies[n] = (clock.Elapsed - started).TotalMilliseconds;
                }, ct));
            }
            await Task.WhenAll(tasks);
            var elapsed = clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Submitted {total:N0} messages in {elapsed:F1} s ({total / elapsed:F2}/s = {total / elapsed * 3600:N0}/hour), errors {failures}, " +
                $"latency p50 {latencies[total / 2]:F1} ms, p99 {latencies[(int)(total * 0.99)]:F1} ms, max {latencies[^1]:F1} ms"));
            foreach (var s in samples)
            {
                Console.WriteLine("  " + s);
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }
}
