using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Sites;
using GovSite.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <summary>
/// The supervision bench (bench/supervision.sh): a spot-check round over a region of farm sites,
/// sampled, queued and checked through the platform's own job queue and check runs (the checker
/// with loopback limits, as check-region uses), then every sheet scored; and rescoring 10,000
/// sites from stored evidence.
/// </summary>
public static class SupervisionBench
{
    public static Command RoundCommand()
    {
        var from = new Option<string>("--from") { Required = true, Description = "File with one farm site URL a line" };
        var data = new Option<string>("--data") { Required = true, Description = "Empty data directory for the bench's database" };
        var parallel = new Option<int>("--parallel") { DefaultValueFactory = _ => 8 };
        var ratio = new Option<double>("--ratio") { DefaultValueFactory = _ => 1.0 };
        var command = new Command("spot-check-round", "A spot-check round over farm sites: sample, check every site through the job queue, score") { from, data, parallel, ratio };
        command.SetAction(async (parse, ct) =>
        {
            var urls = File.ReadAllLines(parse.GetValue(from)!).Where(l => l.Length > 0).ToList();
            await using var app = await StartAsync(parse.GetValue(data)!, ct);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                await RegionAsync(scope.ServiceProvider, ct);
                var registry = scope.ServiceProvider.GetRequiredService<MonitoredSiteRegistry>();
                for (var i = 0; i < urls.Count; i++)
                {
                    var added = await registry.AddAsync(new MonitoredSiteInput { Url = urls[i], Name = $"农场{i:0000}局", RegionCode = "420100" }, ct);
                    if (!added.Succeeded)
                    {
                        throw new InvalidOperationException(string.Join("; ", added.Errors.All.SelectMany(e => e.Value)));
                    }
                }
                // Farm sites link only to themselves; nothing goes off the machine.
                await scope.ServiceProvider.GetRequiredService<GovSiteDb>().MonitoredSites.ExecuteUpdateAsync(s => s.SetProperty(m => m.CheckExternalLinks, false), ct);
            }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int roundId, sampled;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var (result, sample) = await scope.ServiceProvider.GetRequiredService<SpotChecks>().OpenAsync(new SpotCheckInput
                {
                    Region = "420100", Quarter = "2026Q4", Ratio = parse.GetValue(ratio), Seed = 20261206,
                }, ct);
                roundId = result.Value!.Id;
                sampled = sample.Count;
            }
            var sampling = watch.Elapsed.TotalSeconds;
            var checkedSites = await RunChecksAsync(app.Services, parse.GetValue(parallel), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            await using var last = app.Services.CreateAsyncScope();
            last.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var db = last.ServiceProvider.GetRequiredService<GovSiteDb>();
            var verdicts = await db.Assessments.Where(a => a.RoundId == roundId).GroupBy(a => a.Verdict ?? "none").Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ROUND_SITES={urls.Count}\nROUND_SAMPLED={sampled}\nROUND_CHECKED={checkedSites}\nROUND_SAMPLING_SECONDS={sampling:F2}\n" +
                $"ROUND_SECONDS={seconds:F1}\nROUND_CPU_SECONDS={cpuSeconds:F1}\nROUND_SITES_PER_HOUR={sampled / seconds * 3600:F0}\n" +
                $"ROUND_PEAK_RSS_MB={BenchProcess.PeakRssMb():F0}\nROUND_VERDICTS=\"{string.Join(' ', verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key}:{v.Count}"))}\""));
            return 0;
        });
        return command;
    }

    public static Command ScoreCommand()
    {
        var data = new Option<string>("--data") { Required = true, Description = "Empty data directory for the bench's database" };
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 10_000 };
        var command = new Command("score-sheets", "Store evidence for many sites, then rescore every sheet from it") { data, sites };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(sites);
            await using var app = await StartAsync(parse.GetValue(data)!, ct);
            var generate = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
                await RegionAsync(scope.ServiceProvider, ct);
                var region = await db.Regions.FirstAsync(r => r.Code == "420100", ct);
                var table = await scope.ServiceProvider.GetRequiredService<IndicatorTables>().CurrentAsync(ct);
                var random = new Random(20261206);
                var codes = new[] { "column_stale", "column_empty", "broken_link", "slow_page", "missing_footer_item", "missing_meta_tag", "message_answered_late", "service_guide_incomplete" };
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var start = 0; start < count; start += 500)
                {
                    var batch = Enumerable.Range(start, Math.Min(500, count - start)).ToList();
                    var monitored = batch.Select(i => new MonitoredSite
                    {
                        Url = $"https://s{i:00000}.bench.gov.cn/", Name = $"网站{i:00000}", RegionId = region.Id, CreatedAt = DateTime.UtcNow,
                    }).ToList();
                    db.MonitoredSites.AddRange(monitored);
                    await db.SaveChangesAsync(ct);
                    var runs = monitored.Select(m =>
                    {
                        var findings = Enumerable.Range(0, random.Next(0, 40)).Select(_ => new Finding(codes[random.Next(codes.Length)], "deduction", m.Url + "p", "x")).ToList();
                        var report = new SiteReport
                        {
                            Url = m.Url, Kind = random.Next(5) == 0 ? "portal" : "department", Findings = findings,
                            Vetoes = random.Next(10) == 0 ? [new Veto(VetoCodes.ColumnsStale, "x", [m.Url])] : [],
                            BrokenLinks = [.. findings.Where(f => f.Code == "broken_link").Select(f => new BrokenLink(f.Url!, m.Url, 404, null))],
                            Bonus = ["accessibility"],
                        };
                        var run = new CheckRun { MonitoredSiteId = m.Id, StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, AsOf = new DateOnly(2026, 11, 20) };
                        CheckSiteJob.Fill(run, report);
                        return run;
                    }).ToList();
                    db.CheckRuns.AddRange(runs);
                    await db.SaveChangesAsync(ct);
                    var sheets = runs.Select(run => new Assessment
                    {
                        MonitoredSiteId = run.MonitoredSiteId, RegionId = region.Id, Period = "2026Q4", IndicatorTableId = table.Id, CheckRunId = run.Id,
                        Stratum = "City/Department", Status = AssessmentStatus.Checked, CreatedAt = DateTime.UtcNow,
                    }).ToList();
                    db.Assessments.AddRange(sheets);
                    await db.SaveChangesAsync(ct);
                    // One sheet in five has an inspector's review, one in ten an entry.
                    db.AssessmentReviews.AddRange(sheets.Where((_, i) => i % 5 == 0).Select(a => new AssessmentReview
                    {
                        AssessmentId = a.Id, EvidenceKey = "finding:0", Upheld = false, Comment = "复核推翻", By = "bench", At = DateTime.UtcNow,
                    }));
                    db.AssessmentEntries.AddRange(sheets.Where((_, i) => i % 10 == 0).Select(a => new AssessmentEntry
                    {
                        AssessmentId = a.Id, IndicatorCode = "D4", Points = 2, Comment = "未解读", By = "bench", At = DateTime.UtcNow,
                    }));
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            var generated = generate.Elapsed.TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using var rescore = app.Services.CreateAsyncScope();
            rescore.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var (sheetsScored, _) = await rescore.ServiceProvider.GetRequiredService<Assessments>().RecomputeAllAsync(null, ct);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SCORE_SHEETS={sheetsScored}\nSCORE_GENERATE_SECONDS={generated:F1}\nSCORE_SECONDS={seconds:F2}\nSCORE_CPU_SECONDS={cpuSeconds:F2}\n" +
                $"SCORE_SHEETS_PER_SECOND={sheetsScored / seconds:F0}\nSCORE_PEAK_RSS_MB={BenchProcess.PeakRssMb():F0}"));
            return 0;
        });
        return command;
    }

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(string data, CancellationToken ct)
    {
        Directory.CreateDirectory(data);
        Environment.SetEnvironmentVariable("GOVSITE_QUIET", "true");
        var app = GovSiteApp.Create(["--GOVSITE_DATA", Path.GetFullPath(data), "--GOVSITE_NO_DEMO", "true", "--GOVSITE_NO_WORKERS", "true"], background: false);
        await app.StartAsync(ct);
        return app;
    }

    private static async Task RegionAsync(IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<RegistryService>();
        var db = services.GetRequiredService<GovSiteDb>();
        if (!await db.Regions.AnyAsync(r => r.Code == "420100", ct))
        {
            await registry.SaveRegionAsync(null, new RegionInput { Code = "420100", Name = "测试市", Level = RegionLevel.City }, ct);
        }
    }

    /// <summary>
    /// The queue's monitoring.check jobs, run as the platform's worker runs them (lease, handle in a
    /// scope with system access, complete), <paramref name="parallel"/> at a time; the handler gets
    /// the loopback-limited checker in place of the internet-polite one.
    /// </summary>
    private static async Task<int> RunChecksAsync(IServiceProvider services, int parallel, CancellationToken ct)
    {
        using var handler = Fetcher.DefaultHandler();
        var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
        // The farm's pages are dated for CheckFarm.AsOf: the check runs "on" that day (noon, China time), as check-region does,
        // or every farm site's homepage would be stale by the time the bench runs.
        var farmDay = new FixedClock(new DateTimeOffset(CheckFarm.AsOf.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        var owner = $"bench:{Environment.ProcessId}";
        var done = 0;
        var running = new List<Task>();
        while (true)
        {
            running.RemoveAll(t => t.IsCompleted);
            List<Job> jobs;
            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                jobs = await scope.ServiceProvider.GetRequiredService<JobQueue>().LeaseAsync(owner, [MonitoringJobTypes.Check], parallel - running.Count, ct);
            }
            if (jobs.Count == 0 && running.Count == 0)
            {
                return done;
            }
            running.AddRange(jobs.Select(job => Task.Run(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var provider = new WithChecker(scope.ServiceProvider, checker, farmDay);
                await ActivatorUtilities.CreateInstance<CheckSiteJob>(provider).HandleAsync(job, ct);
                await scope.ServiceProvider.GetRequiredService<JobQueue>().CompleteAsync(job, ct);
                var n = Interlocked.Increment(ref done);
                if (n % 50 == 0)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} sites checked"));
                }
            }, ct)));
            if (running.Count >= parallel || jobs.Count == 0)
            {
                await Task.WhenAny(running);
            }
        }
    }

    private sealed class WithChecker(IServiceProvider inner, ISiteChecker checker, TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(ISiteChecker) ? checker : serviceType == typeof(TimeProvider) ? clock
            : serviceType == typeof(IServiceProvider) ? this : inner.GetService(serviceType);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
