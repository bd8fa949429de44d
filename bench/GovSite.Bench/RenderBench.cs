using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GovSite.Accounts;
using GovSite.PublicSite.StaticExport;
using GovSite.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <summary>
/// `render-pages`: renders a site's article pages in this process, one at a time, several passes,
/// and reports CPU per page for each pass. The static export's cost without the file system and
/// without waiting for a core: CPU time of one thread is steadier than wall time on a shared machine.
/// </summary>
public static class RenderBench
{
    /// <summary>GovSite on a bench database as `govsite publish-static` builds it: no background services.</summary>
    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(string data, CancellationToken ct)
    {
        Environment.SetEnvironmentVariable("GOVSITE_DATA", Path.GetFullPath(data));
        Environment.SetEnvironmentVariable("GOVSITE_NO_DEMO", "true");
        Environment.SetEnvironmentVariable("GOVSITE_QUIET", "true");
        var app = GovSiteApp.Build([], background: false);
        await app.StartAsync(ct);
        return app;
    }

    public static Command Command()
    {
        var data = new Option<string>("--data") { Required = true };
        var site = new Option<string>("--site") { Required = true };
        var passes = new Option<int>("--passes") { DefaultValueFactory = _ => 3 };
        var pages = new Option<int>("--pages") { DefaultValueFactory = _ => 2000 };
        var command = new Command("render-pages", "CPU per rendered article page, in-process (see bench/public.sh)") { data, site, passes, pages };
        command.SetAction(async (parse, ct) =>
        {
            var app = await StartAsync(parse.GetValue(data)!, ct);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var info = scope.ServiceProvider.GetRequiredService<SiteDirectory>().FindByCode(parse.GetValue(site)!)!;
            var renderer = app.Services.GetRequiredService<PageRenderer>();
            await using var session = renderer.For(info, "https", allArticles: true);
            var fetch = session.Fetch;
            var db = scope.ServiceProvider.GetRequiredService<GovSite.Data.GovSiteDb>();
            var ids = db.Articles.Where(a => a.SiteId == info.Id).OrderBy(a => a.Id).Select(a => a.Id).Take(parse.GetValue(pages)).ToList();
            for (var pass = 1; pass <= parse.GetValue(passes); pass++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                long bytes = 0;
                foreach (var id in ids)
                {
                    bytes += (await fetch($"/articles/{id}", ct))!.Length;
                }
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pass {pass}: {ids.Count} pages, CPU {used.TotalMilliseconds / ids.Count:F3} ms/page, wall {wall.Elapsed.TotalMilliseconds / ids.Count:F3} ms/page, {bytes / ids.Count} bytes/page"));
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// `export-warm`: full exports of one site by one GovSite process, each into a fresh folder:
    /// the first is what `govsite publish-static` does in a new process; the later ones are what a
    /// running GovSite does when a theme is published (the JIT has done its work).
    /// </summary>
    public static Command ExportCommand()
    {
        var data = new Option<string>("--data") { Required = true };
        var site = new Option<string>("--site") { Required = true };
        var output = new Option<string>("--out") { Required = true };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 3 };
        var command = new Command("export-warm", "Full static exports in one process, first and later (see bench/public.sh)") { data, site, output, runs };
        command.SetAction(async (parse, ct) =>
        {
            var app = await StartAsync(parse.GetValue(data)!, ct);
            var info = app.Services.GetRequiredService<SiteDirectory>().FindByCode(parse.GetValue(site)!)!;
            var root = Path.GetFullPath(parse.GetValue(output)!);
            for (var run = 1; run <= parse.GetValue(runs); run++)
            {
                var dir = Path.Combine(root, $"run{run}");
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
                await using var scope = app.Services.CreateAsyncScope();
                await using var session = app.Services.GetRequiredService<PageRenderer>().For(info, "https", allArticles: true);
                var report = await scope.ServiceProvider.GetRequiredService<StaticExporter>().ExportAllAsync(info, dir, session, ct);
                var pages = Directory.EnumerateFiles(dir, "index.html", SearchOption.AllDirectories).Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"export {run}: {pages} pages, {report.Rendered} files in {report.Elapsed.TotalSeconds:F2} s = {pages / report.Elapsed.TotalSeconds:F0} pages/s"));
            }
            // Deleted after the last run, not between runs: ext4 here creates files slowly for a
            // while after a mass delete, which would slow the next run whoever deleted.
            for (var run = 1; run <= parse.GetValue(runs); run++)
            {
                Directory.Delete(Path.Combine(root, $"run{run}"), recursive: true);
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
