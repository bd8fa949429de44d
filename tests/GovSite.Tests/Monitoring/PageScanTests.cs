using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;

namespace GovSite.Tests.Monitoring;

/// <summary>The crawl's single-pass scan must read what the full parse reads, or the fast path loses findings.</summary>
public sealed class PageScanTests
{
    private static readonly Uri Base = new("http://127.0.0.1/f/s00/c0/a1.html");

    [Fact]
    public void The_scan_reads_the_same_title_text_links_and_meta_as_the_parser_on_every_kind_of_farm_page()
    {
        var renderer = new FarmRenderer(FarmFixture.AsOf);
        var pages = 0;
        foreach (var site in FarmCatalogue.Sites().Where(s => !s.Unreachable).Take(12))
        {
            var paths = new List<string> { site.Root };
            for (var c = 0; c < site.Columns.Count; c++)
            {
                paths.Add(site.ColumnPath(c));
                paths.AddRange(Enumerable.Range(0, Math.Min(3, site.Columns[c].Items)).Select(i => site.ItemPath(c, i)));
            }
            foreach (var path in paths)
            {
                var html = renderer.Render(site, path).Html!;
                var reader = new PageReader(html, new Uri("http://127.0.0.1" + path));
                var scan = PageScan.Read(html);
                scan.Title.ShouldBe(reader.Title, path);
                scan.Texts.ShouldBe(reader.TextNodes(withChrome: true), path);
                scan.Links.ShouldBe(reader.RawLinks().ToList(), path);
                scan.AltTexts.ShouldBe(reader.AltTexts(), path);
                PageReader.BaseOf(reader.Url, scan.BaseHref).ShouldBe(reader.BaseUrl, path);
                foreach (var meta in new[] { "SiteName", "SiteIDCode", "ColumnName", "ArticleTitle", "PubDate" })
                {
                    scan.HasMeta(meta).ShouldBe(reader.HasMeta(meta), $"{path} {meta}");
                }
                pages++;
            }
        }
        pages.ShouldBeGreaterThan(300);
    }

    [Fact]
    public void Scripts_styles_comments_and_templates_give_no_text_and_attributes_are_decoded()
    {
        const string html = """
            <!DOCTYPE html><html><head><title> 通知 &amp; 公告 </title>
            <meta name="pubdate" content="2026-11-03 09:00"><link rel="stylesheet" href="/s.css"><link rel="canonical" href="/x">
            <script>var s = "<a href='/in-script'>中华人民共和囯</a>";</script><style>p > a { color: red }</style></head>
            <body><!-- <a href="/commented">注释</a> --><p>中华人民&nbsp;共和国 a < b</p>
            <a href="list.html?a=1&amp;b=2" >列表</a><a href='/q'>单引号</a><a href=/bare>无引号</a><img src="/i.png" alt="图">
            <noscript><a href="/ns">无脚本</a>不显示</noscript><template><a href="/tpl">模板</a>模板文字</template>
            <iframe src="https://www.gov.cn/"></iframe><textarea>文本框内容</textarea></body></html>
            """;
        var scan = PageScan.Read(html);
        var reader = new PageReader(html, Base);
        scan.Title.ShouldBe("通知 & 公告");
        scan.HasMeta("PubDate").ShouldBeTrue();
        scan.HasMeta("ArticleTitle").ShouldBeFalse();
        scan.Links.ShouldBe(["/s.css", "list.html?a=1&b=2", "/q", "/bare", "/i.png", "/ns", "https://www.gov.cn/"]);
        scan.Links.ShouldBe(reader.RawLinks().ToList());
        scan.Texts.ShouldBe(["中华人民\u00a0共和国 a < b", "列表", "单引号", "无引号", "文本框内容"]);
        scan.Texts.ShouldBe(reader.TextNodes(withChrome: true));
    }
}
