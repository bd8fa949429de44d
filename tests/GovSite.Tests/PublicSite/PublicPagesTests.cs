using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using GovSite.Publishing;
using GovSite.Sites;

namespace GovSite.Tests.PublicSite;

public class PublicPagesTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument doc, string name) =>
        doc.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

    [Theory]
    [InlineData(PublicSiteFixture.Host)]
    [InlineData(PublicSiteFixture.ChineseHost)]
    [InlineData("WWW.TESTA.GOV.CN")]
    public async Task The_site_answers_on_each_of_its_domains(string host)
    {
        using var client = site.ClientForHost(HostName.ToAscii(host));
        var doc = await GetPageAsync(client, "/");
        doc.QuerySelector(".site-name")!.TextContent.ShouldBe("测试甲市人民政府");
        Meta(doc, "SiteIDCode").ShouldBe(PublicSiteFixture.Code);
    }

    [Fact]
    public async Task The_site_answers_under_its_code_path_and_links_keep_the_prefix()
    {
        using var client = site.CreateClient();
        var doc = await GetPageAsync(client, $"/sites/{PublicSiteFixture.Code}/");
        Meta(doc, "SiteName").ShouldBe("测试甲市人民政府");
        Meta(doc, "SiteDomain").ShouldBe(PublicSiteFixture.Host);
        var navLinks = doc.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")).ToList();
        navLinks.ShouldAllBe(href => href!.StartsWith($"/sites/{PublicSiteFixture.Code}/"));
    }

    [Fact]
    public async Task An_unknown_host_shows_the_platform_index()
    {
        using var client = site.ClientForHost("localhost");
        var doc = await GetPageAsync(client, "/");
        doc.QuerySelector("h1")!.TextContent.ShouldContain("GovSite");
        doc.QuerySelectorAll(".site-list a").Select(a => a.GetAttribute("href")).ShouldContain($"/sites/{PublicSiteFixture.Code}/");
    }

    [Fact]
    public async Task Every_page_carries_the_national_footer()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        foreach (var path in new[] { "/", $"/columns/{site.NewsColumnId}", $"/articles/{site.PolicyId}" })
        {
            var doc = await GetPageAsync(client, path);
            var footer = doc.QuerySelector("footer")!;
            var text = footer.TextContent;
            text.ShouldContain("党政机关网站标识");
            // The entry opens GovSite's own form with the page's address; the national platform stays beside it.
            footer.QuerySelector("a.jiucuo-own")!.TextContent.ShouldBe("我为政府网站找错");
            footer.QuerySelector("a.jiucuo-own")!.GetAttribute("href")!.ShouldBe(
                $"/error-reports/new?url={Uri.EscapeDataString($"http://{PublicSiteFixture.Host}{path}")}");
            footer.QuerySelector("a.jiucuo-national")!.GetAttribute("href")!.ShouldContain($"site_code={PublicSiteFixture.Code}");
            text.ShouldContain($"网站标识码：{PublicSiteFixture.Code}");
            text.ShouldContain("测ICP备00000001号");
            text.ShouldContain("测公网安备 00000000000001号");
            text.ShouldContain("主办单位：测试甲市人民政府办公室");
            text.ShouldContain("联系方式：电话 0000-12345678");
        }
    }

    [Fact]
    public async Task A_column_page_lists_newest_first_with_column_meta_and_pages()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var doc = await GetPageAsync(client, $"/columns/{site.NewsColumnId}");
        Meta(doc, "ColumnName").ShouldBe("要闻动态");
        Meta(doc, "ColumnType").ShouldBe(StandardColumns.Label(ColumnType.News));
        Meta(doc, "SiteIDCode").ShouldBe(PublicSiteFixture.Code);
        var titles = doc.QuerySelectorAll(".article-list a").Select(a => a.TextContent).ToList();
        titles.Count.ShouldBe(GovSite.PublicSite.SiteContent.PageSize);
        titles[0].ShouldBe("测试甲市召开第25次工作推进会");
        titles.ShouldNotContain("尚未到发布时间的稿件");
        doc.QuerySelector(".pager")!.TextContent.ShouldContain("共 25 条");

        var second = await GetPageAsync(client, $"/columns/{site.NewsColumnId}/page/2");
        second.QuerySelectorAll(".article-list a").Select(a => a.TextContent).ShouldBe(
            Enumerable.Range(1, 5).Reverse().Select(i => $"测试甲市召开第{i}次工作推进会"));
        (await client.GetAsync($"/columns/{site.NewsColumnId}/page/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_article_page_carries_the_article_meta_tags()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var doc = await GetPageAsync(client, $"/articles/{site.NewestNewsId}");
        Meta(doc, "ArticleTitle").ShouldBe("测试甲市召开第25次工作推进会");
        Meta(doc, "PubDate").ShouldBe("2026-10-26 09:00");
        Meta(doc, "ContentSource").ShouldBe("测试甲市人民政府办公室");
        Meta(doc, "Keywords").ShouldNotBeNullOrEmpty();
        Meta(doc, "Description").ShouldBe("会议听取了第25阶段工作汇报。");
        Meta(doc, "Url").ShouldBe($"http://{PublicSiteFixture.Host}/articles/{site.NewestNewsId}");
        doc.QuerySelector(".article-info")!.TextContent.ShouldContain("2026-10-26 09:00");
    }

    [Fact]
    public async Task A_policy_document_shows_its_metadata_and_links_to_its_interpretation_both_ways()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var doc = await GetPageAsync(client, $"/articles/{site.PolicyId}");
        var table = doc.QuerySelector("table.policy-meta")!;
        var cells = table.QuerySelectorAll("th").ToDictionary(th => th.TextContent, th => th.NextElementSibling!.TextContent);
        cells["索引号"].ShouldBe("330100/2026-00001");
        cells["发文机关"].ShouldBe("测试甲市人民政府");
        cells["文号"].ShouldBe("测政发〔2026〕1号");
        cells["成文日期"].ShouldBe("2026-09-28");
        cells["发布日期"].ShouldBe("2026-10-08");
        cells["主题分类"].ShouldBe("综合政务");
        cells["有效性"].ShouldBe("有效");
        doc.QuerySelector("#related-interpretations")!.ParentElement!.QuerySelector("a")!.GetAttribute("href")
            .ShouldBe($"/articles/{site.InterpretationId}");

        var interpretation = await GetPageAsync(client, $"/articles/{site.InterpretationId}");
        interpretation.QuerySelector("#related-policy")!.ParentElement!.QuerySelector("a")!.GetAttribute("href")
            .ShouldBe($"/articles/{site.PolicyId}");
    }

    [Fact]
    public async Task Scheduled_and_unknown_articles_are_not_found()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        (await client.GetAsync($"/articles/{site.ScheduledId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/articles/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await client.GetAsync("/columns/999999");
        notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await notFound.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Fact]
    public async Task Sitemap_lists_the_home_columns_and_published_articles()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var response = await client.GetAsync("/sitemap.xml");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = xml.Descendants(ns + "loc").Select(l => l.Value).ToList();
        locs.ShouldContain($"http://{PublicSiteFixture.Host}/");
        locs.ShouldContain($"http://{PublicSiteFixture.Host}/columns/{site.NewsColumnId}");
        locs.ShouldContain($"http://{PublicSiteFixture.Host}/articles/{site.PolicyId}");
        locs.ShouldNotContain($"http://{PublicSiteFixture.Host}/articles/{site.ScheduledId}");
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var text = await client.GetStringAsync("/robots.txt");
        text.ShouldContain($"Sitemap: http://{PublicSiteFixture.Host}/sitemap.xml");
        text.ShouldContain("Disallow: /admin");
    }

    [Fact]
    public async Task Each_column_has_an_rss_2_feed_of_its_newest_articles()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var response = await client.GetAsync($"/columns/{site.NewsColumnId}/rss.xml");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/rss+xml");
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        rss.Root!.Attribute("version")!.Value.ShouldBe("2.0");
        var channel = rss.Root.Element("channel")!;
        channel.Element("title")!.Value.ShouldBe("要闻动态 - 测试甲市人民政府");
        var items = channel.Elements("item").ToList();
        items.Count.ShouldBe(25);
        items[0].Element("title")!.Value.ShouldBe("测试甲市召开第25次工作推进会");
        // The 25th meeting was published 2026-10-26 09:00 China time; the feed says so in RFC 822 at +0800.
        items[0].Element("pubDate")!.Value.ShouldBe("Mon, 26 Oct 2026 09:00:00 +0800");
    }

    [Fact]
    public async Task Publication_times_use_the_national_format()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var doc = await GetPageAsync(client, "/");
        var dates = doc.QuerySelectorAll(".article-list time").Select(t => t.TextContent).ToList();
        dates.ShouldNotBeEmpty();
        dates.ShouldAllBe(d => System.Text.RegularExpressions.Regex.IsMatch(d, @"^\d{4}-\d{2}-\d{2}$"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Cached_pages_are_served_compressed_to_clients_that_accept_it(string encoding)
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var plain = await client.GetStringAsync($"/articles/{site.PolicyId}");
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{site.PolicyId}");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await client.SendAsync(request);
            response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
            await using var raw = await response.Content.ReadAsStreamAsync();
            await using Stream decoded = encoding == "br"
                ? new System.IO.Compression.BrotliStream(raw, System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress);
            (await new StreamReader(decoded).ReadToEndAsync()).ShouldBe(plain);
        }
        // A client that asks for nothing still gets plain bytes from the same cache.
        (await client.GetStringAsync($"/articles/{site.PolicyId}")).ShouldBe(plain);
    }
}
