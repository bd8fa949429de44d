using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using GovSite.Accounts;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.Sites;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Bench;

/// <summary>
/// Both annual reports of issue 20 for a region of many sites (bench/reports.sh): every site's
/// 政府网站工作年度报表 computed from the platform's data (articles by column type, visits, and
/// the other features' figures) and exported to xlsx, PDFs for a sample (each is a Chromium
/// print, about a second, the same for every site), and each region's 政府网站监管年度报表
/// computed and exported to xlsx and PDF.
/// </summary>
public static class AnnualReportsBench
{
    public static Command Command()
    {
        var sites = new Option<int>("--sites") { DefaultValueFactory = _ => 1000 };
        var pdfs = new Option<int>("--pdfs") { DefaultValueFactory = _ => 20, Description = "Sites whose report is also printed to PDF" };
        var data = new Option<string>("--data") { Required = true, Description = "Empty data directory" };
        var command = new Command("annual-reports", "Both annual reports for many sites: computed and exported to xlsx (and PDF for a sample)")
        {
            sites, pdfs, data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(data)!);
            var siteCount = parse.GetValue(sites);
            var pdfCount = parse.GetValue(pdfs);
            var generate = Stopwatch.StartNew();
            var generated = await SiteGenerator.RunAsync(new GenerateOptions(siteCount, dir), ct: ct);
            await using var app = GovSiteApp.Create(["--GOVSITE_DATA", dir, "--GOVSITE_NO_DEMO", "true", "--GOVSITE_NO_WORKERS", "true",
                "--GOVSITE_QUIET", "true", "--Logging:LogLevel:Default", "Warning"], background: false);
            await app.StartAsync(ct);
            var year = DateTime.UtcNow.Year - 1;
            long visitRows = 0;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var random = new Random(20261206);
                var ids = await db.Sites.IgnoreQueryFilters().Select(s => s.Id).ToListAsync(ct);
                // A year of daily visit figures per site (weekdays busier than weekends), as the
                // counting endpoint's flush leaves them.
                foreach (var chunk in ids.Chunk(50))
                {
                    foreach (var id in chunk)
                    {
                        var scale = random.Next(200, 20000);
                        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
                        {
                            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                            var visitors = (long)(scale * (weekend ? 0.35 : 1) * (0.8 + random.NextDouble() * 0.4));
                            db.SiteVisitDays.Add(new SiteVisitDay { SiteId = id, Day = day, Visitors = visitors, Views = visitors * random.Next(2, 6) });
                            visitRows++;
                        }
                    }
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {generated.Sites:N0} sites in {generated.Regions} regions with {generated.Articles:N0} articles and {visitRows:N0} daily visit rows in {generate.Elapsed.TotalSeconds:F1} s"));

            var encoder = HtmlEncoder.Default;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            double computeSeconds = 0, xlsxSeconds = 0, pdfSeconds = 0;
            long xlsxBytes = 0, pdfBytes = 0;
            var printed = 0;
            var lines = 0;
            var siteInfos = app.Services.GetRequiredService<SiteDirectory>();
            List<int> siteIds;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                siteIds = await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Sites.IgnoreQueryFilters().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            }
            var pdf = app.Services.GetRequiredService<AnnualReportPdf>();
            foreach (var id in siteIds)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
                var site = siteInfos.FindById(id) ?? throw new InvalidOperationException($"site {id} not in the directory");
                var step = Stopwatch.StartNew();
                var view = await reports.GetAsync(site, year, ct) ?? throw new InvalidOperationException($"site {id}: no report for {year}");
                computeSeconds += step.Elapsed.TotalSeconds;
                lines += view.Lines.Count();
                step.Restart();
                xlsxBytes += AnnualReportXlsx.Write(view).Length;
                xlsxSeconds += step.Elapsed.TotalSeconds;
                if (printed < pdfCount)
                {
                    step.Restart();
                    pdfBytes += (await pdf.PrintAsync(AnnualReportHtml.Document(view, encoder), ct) ?? throw new InvalidOperationException("no Chromium")).Length;
                    pdfSeconds += step.Elapsed.TotalSeconds;
                    printed++;
                }
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"政府网站工作年度报表 of {siteIds.Count:N0} sites for {year}: {seconds:F1} s in all ({(computeSeconds + xlsxSeconds) / siteIds.Count * 1000:F1} ms a site computed and in xlsx): " +
                $"computing {computeSeconds:F1} s, xlsx {xlsxSeconds:F1} s ({xlsxBytes / 1048576.0:F1} MB), {lines / Math.Max(siteIds.Count, 1)} lines a report; " +
                $"PDF of {printed}: {pdfSeconds:F1} s ({pdfSeconds / Math.Max(printed, 1):F2} s each, {pdfBytes / 1048576.0:F1} MB); CPU {cpuSeconds:F1} s"));

            watch.Restart();
            List<Region> regions;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                regions = await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
            }
            double supervisionCompute = 0, supervisionXlsx = 0, supervisionPdf = 0;
            foreach (var region in regions)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                var reports = scope.ServiceProvider.GetRequiredService<SupervisionReportService>();
                var step = Stopwatch.StartNew();
                var view = await reports.GetAsync(region, year, ct) ?? throw new InvalidOperationException($"region {region.Code}: no report");
                supervisionCompute += step.Elapsed.TotalSeconds;
                step.Restart();
                xlsxBytes += SupervisionReportsApi.Xlsx(view).Length;
                supervisionXlsx += step.Elapsed.TotalSeconds;
                step.Restart();
                _ = await pdf.PrintAsync(SupervisionReportsApi.Html(view, encoder), ct) ?? throw new InvalidOperationException("no Chromium");
                supervisionPdf += step.Elapsed.TotalSeconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"政府网站监管年度报表 of {regions.Count} regions ({siteIds.Count:N0} sites): computing {supervisionCompute:F2} s, xlsx {supervisionXlsx:F2} s, PDF {supervisionPdf:F2} s; " +
                $"peak RSS {BenchProcess.PeakRssMb():F0} MB; database {new FileInfo(Path.Combine(dir, "govsite.db")).Length / 1048576.0:F0} MB"));
            await app.StopAsync(ct);
            return 0;
        });
        return command;
    }
}
