using System.CommandLine;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace GovSite.Visits;

/// <summary>`govsite visits-import --site CODE FILE`: an exported site's access log into its visitor figures.</summary>
public static class VisitsImportCommand
{
    public static Command Create(Func<CancellationToken, Task<AsyncServiceScope>> open)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "nginx 或 CDN 访问日志（combined 格式），可多次导入不同日期的日志（an nginx or CDN access log, combined format）" };
        var site = new Option<string>("--site") { Description = "网站标识码（the site's code）", Required = true };
        var command = new Command("visits-import", "从访问日志导入静态导出网站的访问量（不保存 IP 地址）（import visits of an exported site from access logs, no IP addresses kept）") { file, site };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var code = parse.GetValue(site)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]文件不存在：{Markup.Escape(path.FullName)}[/]");
                return 2;
            }
            await using var scope = await open(ct);
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var found = await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                AnsiConsole.MarkupLine($"[red]网站标识码 {Markup.Escape(code)} 不存在[/]");
                return 2;
            }
            var hosts = await db.SiteDomains.AsNoTracking().Where(d => d.SiteId == found.Id).Select(d => d.Host).ToArrayAsync(ct);
            AccessLogReport report = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"导入 {Markup.Escape(found.Name)} 的访问日志", maxValue: Math.Max(path.Length, 1));
                    using var reader = new StreamReader(path.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    report = await AccessLogImport.ImportAsync(db, found.Id, hosts, reader, done => task.Value = Math.Min(done, task.MaxValue), ct);
                    task.Value = task.MaxValue;
                });
            AnsiConsole.MarkupLine($"[green]已计入 {report.Counted} 次页面访问[/]，共 {report.Lines} 行；"
                + $"{report.Skipped} 行不是页面访问（资源文件、机器人、非 GET 或未成功）" + (report.Malformed > 0 ? $"；[yellow]{report.Malformed} 行格式无法识别，已跳过[/]" : ""));
            return 0;
        });
        return command;
    }
}
