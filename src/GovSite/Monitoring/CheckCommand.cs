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
        var urls = new Argument<string[]>("URL") { Description = "要检查的网站首页地址（可多个）（homepage addresses to check）", Arity = ArgumentArity.ZeroOrMore };
        var from = new Option<FileInfo?>("--from") { Description = "从文件读取要检查的网址，每行一个（# 开头的行为注释）（read addresses from a file, one per line）" };
        var parallel = new Option<int>("--parallel") { Description = "同时检查的网站数（1–64），默认 4（sites checked at once）", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel 须为 1 到 64 之间的整数");
            }
        });
        var asOf = new Option<string?>("--as-of") { Description = "判断更新是否及时的基准日期（YYYY-MM-DD），默认今天（the date freshness is judged on）" };
        var format = new Option<string>("--format") { Description = "报告格式：json 或 text（report format）", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var output = new Option<FileInfo?>("--out") { Description = "报告写入的文件（默认输出到标准输出）（report file; default standard output）" };
        var maxPages = new Option<int>("--max-pages") { Description = "每个网站最多抓取的页面数（pages fetched per site at most）", DefaultValueFactory = _ => 2000 };
        maxPages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-pages 须为正整数");
            }
        });
        var command = new Command("check", "按政府网站检查指标检查网站（单项否决、扣分、栏目更新、错链等）（check sites against the national indicators）") { urls, from, parallel, asOf, format, output, maxPages };
        command.Validators.Add(result =>
        {
            if (result.GetValue(asOf) is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--as-of 须为 YYYY-MM-DD 格式的日期：{d}");
            }
            var file = result.GetValue(from);
            if (file is not null && !file.Exists)
            {
                result.AddError($"--from 指定的文件不存在：{file.FullName}");
            }
            if ((result.GetValue(urls) ?? []).Length == 0 && file is null)
            {
                result.AddError("请给出至少一个网址，或用 --from 指定网址列表文件");
            }
            foreach (var u in (result.GetValue(urls) ?? []).Concat(file is { Exists: true } ? ReadUrls(file) : []))
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
            var list = (parse.GetValue(urls) ?? []).Concat(parse.GetValue(from) is { } f ? ReadUrls(f) : []).ToList();
            var report = await RunAsync(checker, list, new CheckOptions(date, parse.GetValue(maxPages)), ct, parse.GetValue(parallel));
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

    private static IEnumerable<string> ReadUrls(FileInfo file) =>
        File.ReadLines(file.FullName).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>
    /// Checks the sites, <paramref name="parallel"/> at a time, with a line of progress per site on
    /// standard error; the report lists them in the order given. Each site is judged on its own: one
    /// whose check fails gets the verdict "error" and the others go on.
    /// </summary>
    public static async Task<CheckReport> RunAsync(ISiteChecker checker, IReadOnlyList<string> urls, CheckOptions options, CancellationToken ct, int parallel = 1)
    {
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var sites = new SiteReport[urls.Count];
        var done = 0;
        var gate = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = ct },
            async (i, token) =>
            {
                var url = urls[i];
                var progress = parallel == 1 ? new Progress<string>(m => stderr.MarkupLine($"[grey]{Markup.Escape(m)}[/]")) : null;
                SiteReport site;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    site = await checker.CheckAsync(url, options, progress, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    site = SiteChecker.ErrorReport(new Uri(url), ex, null, watch.Elapsed);
                }
                sites[i] = site;
                lock (gate)
                {
                    done++;
                    var counter = urls.Count > 1 ? $"[grey][[{done}/{urls.Count}]][/] " : "";
                    stderr.MarkupLine(site.Verdict switch
                    {
                        "pass" => $"{counter}[green]合格[/] {Markup.Escape(site.Name ?? url)}  得分 {site.Score}",
                        "error" => $"{counter}[yellow]检查出错[/] {Markup.Escape(url)}  {Markup.Escape(site.Findings.FirstOrDefault()?.Detail ?? "")}",
                        _ => $"{counter}[red]不合格[/] {Markup.Escape(site.Name ?? url)}  {Markup.Escape(string.Join("、", site.Vetoes.Select(v => v.Code)))}",
                    });
                }
            });
        return new CheckReport(options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [.. sites]);
    }

    public static string RenderText(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("检查基准日期：").Append(report.AsOf).Append('\n');
        foreach (var s in report.Sites)
        {
            sb.Append('\n').Append(s.Name ?? s.Url).Append("  ").Append(s.Url).Append('\n');
            sb.Append("  网站标识码：").Append(s.IdentifierCode ?? "未发现").Append('\n');
            sb.Append("  结论：").Append(s.Verdict switch { "pass" => "合格", "error" => "检查出错", _ => "不合格" });
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
