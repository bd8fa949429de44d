using System.CommandLine;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace GovSite.PublicSite.StaticExport;

/// <summary>`govsite publish-static --site CODE --out DIR [--incremental] [--push TARGET]`.</summary>
public static class PublishStaticCommand
{
    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "网站标识码（the site's code）", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "输出目录（供 nginx 或 CDN 使用）（output directory）", Required = true };
        var incremental = new Option<bool>("--incremental")
        {
            Description = "只重新生成上次导出后有变动的文章所影响的页面（无清单时做完整导出）（only pages affected since the last export）",
        };
        var scheme = new Option<string?>("--scheme")
        {
            Description = "页面和订阅源中绝对地址使用的协议（https 或 http；默认取 GOVSITE_EXPORT_SCHEME，未设置时为 https），域名为网站主域名（scheme of absolute addresses: https or http）",
        };
        var push = new Option<string?>("--push")
        {
            Description = "导出后用 rsync（经 SSH）把有变动的文件推送到外网服务器，如 deploy@www1:/var/www/site 或本机目录"
                          + "（push changed files to a target with rsync over SSH, or to a local directory）",
        };
        var pushSsh = new Option<string>("--push-ssh")
        {
            Description = "推送使用的 SSH 命令（默认 ssh -o BatchMode=yes，不询问口令）（the SSH command rsync uses）",
            DefaultValueFactory = _ => "ssh -o BatchMode=yes",
        };
        var command = new Command("publish-static", "把网站导出为静态文件：页面、订阅源、站点地图、附件和样式，并生成文件清单（export a site as static files）")
        {
            site, output, incremental, scheme, push, pushSsh,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(output)!.FullName;
            var exported = await RunAsync(parse.GetValue(site)!, dir, parse.GetValue(incremental), parse.GetValue(scheme), ct);
            return exported != 0 || parse.GetValue(push) is not { } target ? exported : await StaticPush.RunAsync(dir, target, parse.GetValue(pushSsh)!, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string code, string dir, bool incremental, string? scheme, CancellationToken ct)
    {
        // The exporter writes every page in code (PageRenderer), so the app is not started: no
        // middleware, routing or MVC is built, only the asset table. That is half the command's time
        // on a small site. An address the renderer does not know starts the whole app then.
        Environment.SetEnvironmentVariable("GOVSITE_QUIET", "true");
        await using var app = GovSiteApp.Create([], background: false);
        PublicSiteSetup.MapAssets(app);
        var started = false;
        var renderer = app.Services.GetRequiredService<PageRenderer>();
        renderer.StartPipeline = async () =>
        {
            GovSiteApp.ConfigurePipeline(app);
            await app.StartAsync(ct);
            started = true;
        };
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            // The schema check the app's start-up would make (StartupWork).
            await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovSiteDb>(), ct);
            var info = scope.ServiceProvider.GetRequiredService<SiteDirectory>().FindByCode(code);
            if (info is null)
            {
                AnsiConsole.MarkupLine($"[red]网站标识码 {Markup.Escape(code)} 不存在[/]");
                return 2;
            }
            if (info.MainHost is null)
            {
                AnsiConsole.MarkupLine($"[red]网站 {Markup.Escape(info.Name)} 没有主域名，无法导出[/]");
                return 2;
            }
            var exporter = scope.ServiceProvider.GetRequiredService<StaticExporter>();
            var options = app.Services.GetRequiredService<StaticExportOptions>();
            var exportScheme = scheme is null ? options.Scheme : StaticExportOptions.SchemeFrom(scheme);
            ExportReport report;
            if (incremental && ExportManifest.Read(dir) is { } manifest)
            {
                await using var session = renderer.For(info, exportScheme, allArticles: false);
                var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
                var changed = await db.Articles.AsNoTracking().IgnoreQueryFilters()
                    .Where(a => a.SiteId == info.Id && a.UpdatedAt > manifest.GeneratedAt).Select(a => a.Id).ToListAsync(ct);
                report = await exporter.ExportArticlesAsync(info, dir, session, changed, ct);
                AnsiConsole.MarkupLine($"上次导出后变动的文章：{changed.Count} 篇");
            }
            else
            {
                await using var session = renderer.For(info, exportScheme, allArticles: true);
                if (AnsiConsole.Profile.Capabilities.Interactive)
                {
                    // A full export of a large site takes seconds to minutes: show how far it is.
                    report = await AnsiConsole.Progress().StartAsync(async progress =>
                    {
                        var bar = progress.AddTask($"导出 {Markup.Escape(info.Name)}");
                        exporter.Progress = (done, total) =>
                        {
                            bar.MaxValue = total;
                            bar.Value = done;
                        };
                        var result = await exporter.ExportAllAsync(info, dir, session, ct);
                        bar.Value = bar.MaxValue;
                        return result;
                    });
                }
                else
                {
                    report = await exporter.ExportAllAsync(info, dir, session, ct);
                }
            }
            // A plain line (Spectre wraps at 80 columns when piped): bench/public.sh reads it.
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"已导出 {info.Name}：渲染 {report.Rendered} 个文件，写入 {report.Written} 个，删除 {report.Deleted} 个，" +
                $"用时 {report.Elapsed.TotalSeconds:0.00} 秒（{report.Rendered / Math.Max(report.Elapsed.TotalSeconds, 0.001):0} 个/秒）→ {dir}"));
            return 0;
        }
        catch (IOException ex) when (DiskSpace.IsFull(ex))
        {
            // Every file is written to a temporary name and renamed: what nginx serves is the
            // previous export's files (or this run's, whole), never a cut-off one.
            AnsiConsole.MarkupLine($"[red]磁盘空间不足，导出未完成：{Markup.Escape(dir)} 所在磁盘已满。已有的导出文件未被破坏，清理空间后请重新导出。[/]");
            return 1;
        }
        finally
        {
            if (started)
            {
                await app.StopAsync(CancellationToken.None);
            }
        }
    }
}
