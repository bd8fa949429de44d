using System.CommandLine;
using System.Globalization;
using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;

namespace GovSite.Bench;

/// <summary>
/// The monitoring bench (bench/monitoring.sh): `farm-serve` serves the test farm plus one big site
/// on loopback; `check-farm` runs the checker on a farm site and prints its rate, the broken links
/// it found and its peak memory.
/// </summary>
public static class CheckFarm
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static Command ServeCommand()
    {
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5222 };
        var pages = new Option<int>("--pages") { Description = "Article pages of the big site /f/big/", DefaultValueFactory = _ => 2000 };
        var region = new Option<int>("--region") { Description = "Also serve this many region sites /f/r0000/ …", DefaultValueFactory = _ => 0 };
        var regionPages = new Option<int>("--region-pages") { Description = "Pages of each region site", DefaultValueFactory = _ => 200 };
        var command = new Command("farm-serve", "Serve the monitoring test farm and a big site on 127.0.0.1 until stopped") { port, pages, region, regionPages };
        command.SetAction(async (parse, ct) =>
        {
            var sites = FarmCatalogue.Sites();
            sites.Add(FarmCatalogue.Big(parse.GetValue(pages)));
            sites.AddRange(FarmCatalogue.Region(parse.GetValue(region), parse.GetValue(regionPages)));
            await using var farm = await FarmServer.StartAsync(sites, AsOf, parse.GetValue(port));
            await WarmUpAsync(farm, ct);
            Console.WriteLine($"farm ready at {farm.Origin}/f/big/ ({parse.GetValue(pages)} article pages)");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Stopped by the script.
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Serves every page of the small farm sites once, so the farm's own JIT warm-up is not paid
    /// by whichever tool happens to run first against it.
    /// </summary>
    private static async Task WarmUpAsync(FarmServer farm, CancellationToken ct)
    {
        using var http = new HttpClient();
        var paths = farm.Sites.Values.Where(s => s.Slug != "big" && !s.Unreachable).SelectMany(s =>
            new[] { s.Root }.Concat(Enumerable.Range(0, s.Columns.Count).SelectMany(c =>
                Enumerable.Range(0, s.Columns[c].Items).Select(i => s.ItemPath(c, i)).Append(s.ColumnPath(c))))).ToList();
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (path, token) =>
        {
            using var response = await http.GetAsync(farm.Origin + path, token);
            await response.Content.ReadAsByteArrayAsync(token);
        });
    }

    public static Command CheckCommand()
    {
        var url = new Option<string>("--url") { Required = true };
        var maxPages = new Option<int>("--max-pages") { DefaultValueFactory = _ => 200_000 };
        var brokenOut = new Option<string?>("--broken-out") { Description = "Write the broken URLs, one a line" };
        var phases = new Option<bool>("--phases") { Description = "Print each phase's start time to stderr (where the time goes)" };
        var warmUp = new Option<string?>("--warm-up")
        {
            Description = "Check this (small) site first in the same process, untimed: the rate of a warm process, as in the platform's long-lived server",
        };
        var command = new Command("check-farm", "Check one farm site at full speed (no politeness delay) and report the rate") { url, maxPages, brokenOut, phases, warmUp };
        command.SetAction(async (parse, ct) =>
        {
            using var handler = Fetcher.DefaultHandler();
            var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
            if (parse.GetValue(warmUp) is { } first)
            {
                await checker.CheckAsync(first, new CheckOptions(AsOf, AvailabilityProbes: 1), null, ct);
            }
            var report = await checker.CheckAsync(parse.GetValue(url)!, new CheckOptions(AsOf, parse.GetValue(maxPages), AvailabilityProbes: 1),
                parse.GetValue(phases) ? new PhaseClock() : null, ct);
            var stats = report.Stats!;
            if (parse.GetValue(brokenOut) is { } file)
            {
                await File.WriteAllLinesAsync(file, report.BrokenLinks.Select(b => b.Url).Order(StringComparer.Ordinal), ct);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CHECKER_PAGES={stats.PagesFetched}\nCHECKER_URLS={stats.LinksChecked}\nCHECKER_SECONDS={stats.Seconds:F2}\n" +
                $"CHECKER_PAGES_PER_S={stats.PagesFetched / stats.Seconds:F0}\nCHECKER_URLS_PER_S={stats.LinksChecked / stats.Seconds:F0}\n" +
                $"CHECKER_BROKEN={report.BrokenLinks.Count}\nCHECKER_PEAK_RSS_MB={BenchProcess.PeakRssMb():F0}\nCHECKER_VERDICT={report.Verdict}"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A region in one run: every URL of a file checked, <c>--parallel</c> at a time, through the
    /// command line's own runner; prints the rate, the CPU it took and the peak memory.
    /// </summary>
    public static Command RegionCommand()
    {
        var from = new Option<string>("--from") { Required = true, Description = "File with one site URL a line" };
        var parallel = new Option<int>("--parallel") { DefaultValueFactory = _ => 8 };
        var maxPages = new Option<int>("--max-pages") { DefaultValueFactory = _ => 2000 };
        var output = new Option<string?>("--out") { Description = "Write the JSON report here" };
        var command = new Command("check-region", "Check every site of a list in one run and report sites per hour, CPU and peak memory") { from, parallel, maxPages, output };
        command.SetAction(async (parse, ct) =>
        {
            var urls = File.ReadAllLines(parse.GetValue(from)!).Where(l => l.Length > 0).ToList();
            using var handler = Fetcher.DefaultHandler();
            var checker = new SiteChecker(handler, CrawlLimits.Loopback, TimeProvider.System);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var report = await GovSite.Monitoring.CheckCommand.RunAsync(checker, urls, new CheckOptions(AsOf, parse.GetValue(maxPages), AvailabilityProbes: 1), ct, parse.GetValue(parallel));
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(report, CheckReport.Json), ct);
            }
            var pagesFetched = report.Sites.Sum(s => s.Stats?.PagesFetched ?? 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"REGION_SITES={report.Sites.Count}\nREGION_PAGES={pagesFetched}\nREGION_SECONDS={seconds:F1}\nREGION_CPU_SECONDS={cpuSeconds:F1}\n" +
                $"REGION_SITES_PER_HOUR={report.Sites.Count / seconds * 3600:F0}\nREGION_SITES_PER_CPU_HOUR={report.Sites.Count / cpuSeconds * 3600:F0}\n" +
                $"REGION_PEAK_RSS_MB={BenchProcess.PeakRssMb():F0}\nREGION_PASS={report.Sites.Count(s => s.Verdict == "pass")}\nREGION_FAIL={report.Sites.Count(s => s.Verdict == "fail")}\n" +
                $"REGION_ERROR={report.Sites.Count(s => s.Verdict == "error")}"));
            return 0;
        });
        return command;
    }

    private sealed class PhaseClock : IProgress<string>
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

        public void Report(string value) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_watch.Elapsed.TotalSeconds,7:F3} s  {value}"));
    }
}
