using System.Text;
using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace GovSite.Tests.Monitoring;

/// <summary>
/// The checker reads whatever the internet serves. Every page reader is fed mutated and hostile
/// pages, and whole hostile sites are checked end to end: nothing may throw.
/// </summary>
public sealed class CheckerFuzzTests(ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private static readonly Uri Base = new("http://127.0.0.1/site/col/index.html");

    // Hand-written hostile pages: each is one of the shapes the issue lists.
    private static readonly string[] Hostile =
    [
        "",
        "<",
        "<a href=\"/x\"><img src=\"/i.png\"></a><span>2026-11-03</span>",
        "<ul><li><a href=\"/a.html\"></a>2026-11-03</li><li><a href=\"/b.html\"><i class=\"icon\"></i></a>[11-03]</li></ul>",
        "<table><tr><td><a href=\"1.html\">未闭合的表格<td>2026-11-03<tr><td>",
        "<frameset><frame src=\"top.html\"><frameset><frame name=\"main\" src=\"main.html\"></frameset></frameset>",
        "<iframe src=\"a.html\"><iframe src=\"b.html\"></iframe></iframe>",
        "<script>document.write('<a href=\"/nav1.html\">首页</a>');location.href='/index2.html';</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=\">",
        "<meta http-equiv=\"refresh\" content=\"0; URL='http://[::1'\">",
        "<a href=\"http://a b c/\">坏地址</a><a href=\"http://%zz/\">坏编码</a><a href=\"//\">双斜线</a><a href=\"http://127.0.0.1:99999/\">端口</a>",
        "<script type=\"text/xml\"><datastore><recordset><record><![CDATA[<li><a href=\"/art/2026/11/3/art_1_2.html\">标题",
        "<script type=\"text/xml\"><datastore><recordset><record><![CDATA[]]></record></recordset></datastore></script>",
        "<script>createPageHTML(999999999999, -1, \"\", \"\");</script><script>var countPage = 5; var currentPage = 4;</script>",
        "<dl><dt>事项名称</dt><dd></dd><dt>申请条件</dt></dl>【事项名称】【】【",
        "<ul class=\"tab\"><li>申请条件</li><li>办理材料</li></ul>",
        "<ul class=\"tab\"><li><a href=\"#\">申请条件</a></li><li><a href=\"#nope\">办理材料</a></li></ul><div><div></div></div>",
        "来信时间：2026-13-45 回复时间：9999-99-99 状态：",
        "<table><tr><th>来信时间</th><th>状态</th></tr><tr><td>2026-01-01</td></tr><tr></tr></table>",
        "<div>" + string.Concat(Enumerable.Repeat("<div>", 3000)) + "中华人民共合国" + "</div>",
        string.Concat(Enumerable.Repeat("<li><a href=\"/x.html\">中华人民共和国国务院办公厅关于某事的通知</a><span>2026-11-03</span></li>", 3000)),
        "\0\0\0<a href=\"\0\">\uD800</a>\uDFFF<p>\uFFFE</p>",
        "<a href=\"javascript:void(0)\" onclick=\"location='x'\">链接</a><a href=\"mailto:a@b\">信</a><a href=\"data:text/html,<script>\">数据</a>",
        "<form><textarea></textarea></form><form><input><input></form>",
        "<html><head><title>" + new string('标', 100_000) + "</title></head></html>",
        "<time datetime=\"\">x</time><time datetime=\"2026-02-30\">y</time><time datetime=\"9\">z</time>",
        "<nav><a href=\"/c/\">通知公告</a></nav><div class=\"list\">暂无信息</div>",
        "<!-- <a href=\"/c.html\"> --><![CDATA[ <a href=\"/d.html\"> ]]><?xml version=\"1.0\"?>",
    ];

    private static IEnumerable<string> Seeds()
    {
        var renderer = new FarmRenderer(FarmFixture.AsOf);
        foreach (var site in FarmCatalogue.Sites().Where(s => !s.Unreachable).Take(8))
        {
            yield return renderer.Render(site, site.Root).Html!;
            for (var c = 0; c < Math.Min(4, site.Columns.Count); c++)
            {
                yield return renderer.Render(site, site.ColumnPath(c)).Html!;
                if (site.Columns[c].Items > 0)
                {
                    yield return renderer.Render(site, site.ItemPath(c, 0)).Html!;
                }
            }
        }
        foreach (var page in Hostile)
        {
            yield return page;
        }
    }

    private static readonly string[] Splices =
    [
        "<a>", "<a href=>", "<a href=\"\">", "</a>", "<img>", "</table>", "<tr>", "<td>", "<li>", "</ul>", "<frame src=x>", "<script>", "</script>",
        "<!--", "-->", "<![CDATA[", "]]>", "<datastore>", "<record><![CDATA[", "&#0;", "&#xD800;", "&", "\0", "\uD800", "\r\n", "：", "【", "】",
        "2026-11-03", "2026年2月30日", "[13-45]", "t20261103_1.html", "来信时间：", "回复内容", "已回复", "办理中", "事项名称：", "暂无信息",
        "<noscript>", "<template>", "<textarea>", "<style>", "\"", "'", "<", ">", "/", "中华人民共合国", "市场监督管理领域",
        "<base href=\"/sub/\">", "<base href=\"javascript:x\">", "<base href=\"http://[::1\">", "<img alt=\"全国人民代标大会\">", "<iframe src=list.htm>",
        "<a href=\"javascript:goPage(2)\">下一页</a>", "<form method=get action=\"http://x:99999/\"><input type=hidden name=page value=1>", "<b>1</b><a href=p2>2</a>",
        "<strong>2025年</strong>", "11月03日", "共 0 条", "<div class=yqlj>友情链接：", "<ul class=\"datastore\"></ul>",
    ];

    private static string Mutate(string page, Random random)
    {
        var s = page;
        var steps = random.Next(1, 5);
        for (var k = 0; k < steps; k++)
        {
            var at = s.Length == 0 ? 0 : random.Next(s.Length + 1);
            switch (random.Next(6))
            {
                case 0: // truncate
                    s = s[..at];
                    break;
                case 1: // delete a span
                    var len = Math.Min(s.Length - at, random.Next(1, 200));
                    s = s.Remove(at, Math.Max(0, len));
                    break;
                case 2: // insert hostile markup
                    s = s.Insert(at, Splices[random.Next(Splices.Length)]);
                    break;
                case 3: // duplicate a span
                    var from = s.Length == 0 ? 0 : random.Next(s.Length);
                    var piece = s.Substring(from, Math.Min(s.Length - from, random.Next(1, 500)));
                    s = s.Insert(at, piece);
                    break;
                case 4: // random characters, including surrogates and controls
                    var sb = new StringBuilder();
                    for (var i = random.Next(1, 20); i > 0; i--)
                    {
                        sb.Append((char)random.Next(0, 0xFFFF));
                    }
                    s = s.Insert(at, sb.ToString());
                    break;
                default: // swap halves
                    s = s[at..] + s[..at];
                    break;
            }
        }
        return s;
    }

    /// <summary>Everything the checker asks of a page, as the phases ask it.</summary>
    private static void ReadEverything(string html, Uri url)
    {
        var page = new PageReader(html, url);
        _ = page.Title;
        _ = page.Meta("SiteName");
        _ = page.Links().Count();
        _ = page.Forward();
        _ = page.ColumnLinks();
        _ = page.NavigationLinks();
        _ = page.NamedLinks();
        _ = page.AltTexts();
        _ = page.FrameSources();
        _ = page.LeadsOn();
        _ = page.HasEmptyDataStore();
        _ = page.SubColumnLinks();
        _ = page.ListItems(AsOf);
        _ = page.ListItems(AsOf, 4);
        _ = page.NextPage();
        _ = page.MarkupDates().Count();
        _ = page.PublishedOn(AsOf);
        _ = page.OwnText(new HashSet<string>(["首页"]), "通知公告");
        _ = page.SaysNothing();
        _ = page.HasWritingForm();
        _ = page.Footer();
        _ = page.ScriptSources().Count();
        var present = ServiceGuides.Present(page);
        _ = ServiceGuides.IsGuide(page, present);
        _ = Messages.Read(page, AsOf);
        _ = Messages.Rows(page, AsOf);
        var scan = PageScan.Read(html);
        _ = PageReader.BaseOf(url, scan.BaseHref);
        foreach (var text in scan.Texts.Concat(scan.AltTexts).Take(200))
        {
            _ = GovSite.Rules.SeriousErrors.Default.Find(text);
            _ = DateFinder.InText(text, AsOf).Count();
            _ = LabelledText.Split(text);
        }
        foreach (var link in scan.Links.Take(200))
        {
            if (PageReader.Resolve(url, link) is { } u)
            {
                _ = DateFinder.FromUrl(u);
            }
        }
    }

    [Fact]
    public void Ten_thousand_mutated_and_hostile_pages_are_read_without_an_exception()
    {
        var random = new Random(20261120);
        var seeds = Seeds().ToList();
        var failures = new List<string>();
        var pages = 0;
        foreach (var seed in seeds)
        {
            ReadOrNote(seed);
        }
        while (pages < 10_000)
        {
            ReadOrNote(Mutate(seeds[random.Next(seeds.Count)], random));
        }
        output.WriteLine($"{pages} pages read, {failures.Count} failures");
        failures.ShouldBeEmpty();

        void ReadOrNote(string html)
        {
            pages++;
            try
            {
                ReadEverything(html, Base);
            }
            catch (Exception ex)
            {
                if (failures.Count < 10)
                {
                    failures.Add($"{ex.GetType().Name}: {ex.Message} in {html[..Math.Min(300, html.Length)]}");
                }
            }
        }
    }

    [Fact]
    public void Bytes_in_any_encoding_with_or_without_a_declaration_decode()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        const string text = "<html><body><a href=\"/c/\">通知公告</a> 中华人民共和国 2026年11月3日</body></html>";
        Fetcher.EncodingOf(null, gbk.GetBytes(text)).GetString(gbk.GetBytes(text)).ShouldBe(text);
        Fetcher.EncodingOf("gb2312", gbk.GetBytes(text)).GetString(gbk.GetBytes(text)).ShouldBe(text);
        var declared = "<meta charset=\"gbk\">" + text;
        Fetcher.EncodingOf(null, gbk.GetBytes(declared)).GetString(gbk.GetBytes(declared)).ShouldBe(declared);
        Fetcher.EncodingOf(null, Encoding.UTF8.GetBytes(text)).ShouldBe(Encoding.UTF8);
        Fetcher.EncodingOf("no-such-charset", Encoding.UTF8.GetBytes(text)).ShouldBe(Encoding.UTF8);
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            _ = Fetcher.EncodingOf(i % 3 == 0 ? null : "utf-8", bytes).GetString(bytes);
        }
    }

    [Fact]
    public async Task Hostile_sites_each_get_a_report_and_none_ends_the_run()
    {
        await using var server = await HostileServer.StartAsync();
        using var handler = Fetcher.DefaultHandler();
        var checker = new SiteChecker(handler, CrawlLimits.Loopback with { Timeout = TimeSpan.FromSeconds(3) }, TimeProvider.System);
        var urls = HostileServer.Sites.Select(s => $"{server.Origin}/{s}/").ToList();
        var report = await CheckCommand.RunAsync(checker, urls, new CheckOptions(AsOf, MaxPages: 200, AvailabilityProbes: 1), default);
        report.Sites.Count.ShouldBe(urls.Count);
        foreach (var site in report.Sites)
        {
            output.WriteLine($"{site.Url} {site.Verdict} {string.Join(",", site.Vetoes.Select(v => v.Code))} {string.Join(";", site.Findings.Where(f => f.Severity == "notice").Select(f => f.Detail))}");
            site.Verdict.ShouldBeOneOf("pass", "fail", "error");
        }
        // GBK without any declaration reads as Chinese: the site's name and its columns come through.
        var gbk = report.Sites.Single(s => s.Url.EndsWith("/gbk/", StringComparison.Ordinal));
        gbk.Name.ShouldBe("无声明编码县人民政府");
        gbk.Columns.ShouldContain(c => c.Name == "通知公告" && c.Items == 2);
        // A homepage that forwards by script, and one in frames, are read through to their content.
        report.Sites.Single(s => s.Url.EndsWith("/forward/", StringComparison.Ordinal)).Columns.ShouldContain(c => c.Name == "通知公告");
        report.Sites.Single(s => s.Url.EndsWith("/frames/", StringComparison.Ordinal)).Columns.ShouldContain(c => c.Name == "通知公告");
        report.Sites.Single(s => s.Url.EndsWith("/loop/", StringComparison.Ordinal)).Vetoes.ShouldContain(v => v.Code == "site_unreachable");
    }

    /// <summary>Sites that do what real servers sometimes do: loop, send nothing, send too much, send GBK silently.</summary>
    private sealed class HostileServer : IAsyncDisposable
    {
        public static readonly string[] Sites = ["loop", "zero", "giant", "gbk", "forward", "frames", "binary", "deep", "badlinks", "slowcolumn"];
        private readonly WebApplication _app;

        public string Origin { get; }

        private HostileServer(WebApplication app, string origin) => (_app, Origin) = (app, origin);

        private const string Footer = "<div class=\"footer\">主办单位：某局 网站标识码：4400000001 粤ICP备12345678号 粤公网安备 44000002000001号 联系电话：020-12345678</div>";

        private static string List(string prefix) =>
            $"<html><head><title>通知公告</title></head><body><ul class=\"list\"><li><a href=\"{prefix}a1.html\">关于做好年度工作的通知</a><span>2026-11-18</span></li>"
            + $"<li><a href=\"{prefix}a2.html\">关于开展安全检查的通知</a><span>2026-11-10</span></li></ul>{Footer}</body></html>";

        public static async Task<HostileServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var gbk = Encoding.GetEncoding("GB18030");
            app.Run(async context =>
            {
                var path = context.Request.Path.Value ?? "/";
                var response = context.Response;
                switch (path)
                {
                    case "/loop/":
                    case "/loop/again":
                        response.Redirect(path == "/loop/" ? "/loop/again" : "/loop/");
                        return;
                    case "/zero/":
                        response.ContentType = "text/html";
                        return;
                    case "/giant/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync("<html><body><div class=\"nav\"><a href=\"/giant/c/\">通知公告</a></div>");
                        var row = "<li><a href=\"/giant/c/x.html\">中华人民共和国国务院办公厅关于一件事的通知</a><span>2026-11-18</span></li>";
                        for (var i = 0; i < 60_000; i++)
                        {
                            await response.WriteAsync(row);
                        }
                        return;
                    case "/gbk/":
                        response.ContentType = "text/html";
                        await response.Body.WriteAsync(gbk.GetBytes(
                            "<html><head><title>无声明编码县人民政府</title></head><body><div class=\"nav\"><a href=\"/gbk/c/\">通知公告</a></div>"
                            + "<ul><li><a href=\"/gbk/c/a1.html\">关于做好年度工作的通知</a><span>2026-11-18</span></li></ul>" + Footer + "</body></html>"));
                        return;
                    case "/gbk/c/":
                        response.ContentType = "text/html";
                        await response.Body.WriteAsync(gbk.GetBytes(List("/gbk/c/")));
                        return;
                    case "/forward/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync("<html><head><script>window.location.href = '/forward/index/';</script></head><body></body></html>");
                        return;
                    case "/forward/index/":
                    case "/frames/main.html":
                        var prefix = path.StartsWith("/forward", StringComparison.Ordinal) ? "/forward" : "/frames";
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync($"<html><head><title>转向县人民政府</title></head><body><div class=\"nav\"><a href=\"{prefix}/c/\">通知公告</a></div>"
                            + $"<ul><li><a href=\"{prefix}/c/a1.html\">关于做好年度工作的通知</a><span>2026-11-18</span></li></ul>{Footer}</body></html>");
                        return;
                    case "/frames/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync("<html><frameset rows=\"80,*\"><frame src=\"/frames/top.html\"><frame name=\"main\" src=\"/frames/main.html\"></frameset></html>");
                        return;
                    case "/binary/":
                        response.ContentType = "text/html";
                        var bytes = new byte[50_000];
                        new Random(3).NextBytes(bytes);
                        await response.Body.WriteAsync(bytes);
                        return;
                    case "/deep/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync(string.Concat(Enumerable.Repeat("<div><table><tr><td>", 20_000)) + "<a href=\"/deep/c/\">通知公告</a>");
                        return;
                    case "/badlinks/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync("<html><body><div class=\"nav\"><a href=\"/badlinks/c/\">通知公告</a><a href=\"http://[::1/\">坏</a><a href=\"http://127.0.0.1:1/\">关</a>"
                            + "<a href=\"https://service.weibo.com/share/share.php?url=x\">分享</a></div><ul><li><a href=\"/badlinks/c/a1.html\"></a><span>2026-11-18</span></li></ul></body></html>");
                        return;
                    case "/slowcolumn/":
                        response.ContentType = "text/html; charset=utf-8";
                        await response.WriteAsync("<html><body><div class=\"nav\"><a href=\"/slowcolumn/c/\">通知公告</a></div></body></html>");
                        return;
                    case "/slowcolumn/c/":
                        await Task.Delay(5000, context.RequestAborted);
                        return;
                }
                if (path.EndsWith("/c/", StringComparison.Ordinal))
                {
                    response.ContentType = "text/html; charset=utf-8";
                    await response.WriteAsync(List(path));
                    return;
                }
                response.StatusCode = path.EndsWith(".html", StringComparison.Ordinal) ? 200 : 404;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<html><body><p>正文 2026-11-18</p></body></html>");
            });
            await app.StartAsync();
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return new HostileServer(app, origin);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
