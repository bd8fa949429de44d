using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace GovSite.Monitoring;

/// <summary>
/// `govsite check URL… [--as-of] [--format] [--out] [--max-pages]`: judges sites from the
/// command line. It needs no database: the checker is stateless. Exit code 0 whether sites pass
/// or fail; non-zero only for bad arguments.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("URL") { Description = "要检查的网站首页地址（可多个）", Arity = ArgumentArity.OneOrMore };
        var asOf = new Option<string?>("--as-of") { Description = "判断更新是否及时的基准日期（YYYY-MM-DD），默认今天" };
        var format = new Option<string>("--format") { Description = "报告格式：json 或 text", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var output = new Option<FileInfo?>("--out") { Description = "报告写入的文件（默认输出到标准输出）" };
        var maxPages = new Option<int>("--max-pages") { Description = "每个网站最多抓取的页面数", DefaultValueFactory = _ => 2000 };
        maxPages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-pages 须为正整数");
            }
        });
        var command = new Command("check", "按政府网站检查指标检查网站（单项否决、扣分、栏目更新、错链等）") { urls, asOf, format, output, maxPages };
        command.Validators.Add(result =>
        {
            if (result.GetValue(asOf) is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--as-of 须为 YYYY-MM-DD 格式的日期：{d}");
            }
            foreach (var u in result.GetValue(urls) ?? [])
            {
                if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    result.AddError($"不是有效的 http(s) 网址：{u}");
                }
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var date = parse.GetValue(asOf) is { } text
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            using var handler = Fetcher.DefaultHandler();
            var checker = new SiteChecker(handler, CrawlLimits.Default, TimeProvider.System);
            var report = await RunAsync(checker, parse.GetValue(urls)!, new CheckOptions(date, parse.GetValue(maxPages)), ct);
            var rendered = parse.GetValue(format) == "text" ? RenderText(report) : JsonSerializer.Serialize(report, CheckReport.Json);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, rendered + "\n", new UTF8Encoding(false), ct);
            }
            else
            {
                await Console.Out.WriteLineAsync(rendered);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Checks the sites one after another, with progress on standard error.</summary>
    public static async Task<CheckReport> RunAsync(ISiteChecker checker, IReadOnlyList<string> urls, CheckOptions options, CancellationToken ct)
    {
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var sites = new List<SiteReport>();
        foreach (var url in urls)
        {
            var progress = new Progress<string>(m => stderr.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var site = await checker.CheckAsync(url, options, progress, ct);
            stderr.MarkupLine(site.Verdict == "pass"
                ? $"[green]合格[/] {Markup.Escape(site.Name ?? url)}  得分 {site.Score}"
                : $"[red]不合格[/] {Markup.Escape(site.Name ?? url)}  {Markup.Escape(string.Join("、", site.Vetoes.Select(v => v.Code)))}");
            sites.Add(site);
        }
        return new CheckReport(options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sites);
    }

    public static string RenderText(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("检查基准日期：").Append(report.AsOf).Append('\n');
        foreach (var s in report.Sites)
        {
            sb.Append('\n').Append(s.Name ?? s.Url).Append("  ").Append(s.Url).Append('\n');
            sb.Append("  网站标识码：").Append(s.IdentifierCode ?? "未发现").Append('\n');
            sb.Append("  结论：").Append(s.Verdict == "pass" ? "合格" : "不合格");
            if (s.Score is { } score)
            {
                sb.Append("  得分：").Append(score.ToString(CultureInfo.InvariantCulture));
            }
            if (s.Kind is not null)
            {
                sb.Append("  类型：").Append(s.Kind == "portal" ? "门户网站" : "部门网站");
            }
            if (s.Bonus.Count > 0)
            {
                sb.Append("  加分项：").Append(string.Join("、", s.Bonus));
            }
            sb.Append('\n');
            foreach (var v in s.Vetoes)
            {
                sb.Append("  [单项否决] ").Append(v.Code).Append('：').Append(v.Detail).Append('\n');
            }
            foreach (var c in s.Columns)
            {
                sb.Append("  栏目 ").Append(c.Name).Append('（').Append(c.Type).Append("）最新 ").Append(c.Latest ?? "—")
                    .Append('，').Append(c.Items).Append(" 条").Append(c.Stale ? "，未按时更新" : "").Append(c.Empty ? "，空栏目" : "").Append('\n');
            }
            foreach (var f in s.Findings.Where(f => f.Severity != "veto"))
            {
                sb.Append("  [").Append(f.Severity == "deduction" ? "扣分" : "提示").Append("] ").Append(f.Code).Append('：').Append(f.Detail)
                    .Append(f.Url is null ? "" : "  " + f.Url).Append('\n');
            }
            sb.Append("  错链 ").Append(s.BrokenLinks.Count).Append(" 个").Append('\n');
        }
        return sb.ToString();
    }
}
