using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.PublicSite.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

/// <summary>
/// RSS 2.0 of a 专题 and of one 主题分类's policy documents: valid (read back with System.Xml),
/// absolute links, permanent guids, RFC 822 dates in China time, typed titles escaped; only what
/// is published, due and 主动公开 on that site; announced by the pages they stand for; cached and
/// dropped when an article changes, like the column feeds.
/// </summary>
public partial class TopicAndThemeFeedsTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    private const string Origin = $"http://{PublicSiteFixture.Host}";

    private static async Task<XDocument> FeedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/rss+xml");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        var feed = await XDocument.LoadAsync(reader, LoadOptions.None, default);
        feed.Root!.Name.LocalName.ShouldBe("rss");
        feed.Root.Attribute("version")!.Value.ShouldBe("2.0");
        return feed;
    }

    private static List<XElement> Items(XDocument feed) => [.. feed.Root!.Element("channel")!.Elements("item")];

    private Task<int> PublishAsync(int columnId, string title, DateTime publishedChina, string? subject = null, string? docNumber = null) =>
        site.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null, new ArticleInput
        {
            Publish = true, ColumnId = columnId, Title = title, Body = $"<p>{title}的正文。</p>", PublishedAt = publishedChina,
            SubjectCategory = subject, DocNumber = docNumber, Issuer = docNumber is null ? null : "测试甲市人民政府",
        })).Value!.Id);

    private Task MarkAsync(int articleId, DisclosureMode mode) => site.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
        .Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Disclosure, mode)));

    /// <summary>Every entry is well formed: absolute link that opens, the link as permanent guid, an RFC 822 date at +0800.</summary>
    private static async Task CheckEntriesAsync(HttpClient client, List<XElement> items)
    {
        foreach (var item in items)
        {
            var link = item.Element("link")!.Value;
            link.ShouldStartWith(Origin + "/articles/");
            var guid = item.Element("guid")!;
            guid.Value.ShouldBe(link);
            guid.Attribute("isPermaLink")!.Value.ShouldBe("true");
            item.Element("description")!.Value.ShouldNotBeNullOrWhiteSpace();
            Rfc822China().IsMatch(item.Element("pubDate")!.Value).ShouldBeTrue(item.Element("pubDate")!.Value);
            (await client.GetAsync(new Uri(link).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK, link);
        }
    }

    private static DateTimeOffset PubDate(XElement item) =>
        DateTimeOffset.ParseExact(item.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_topic_has_a_valid_feed_of_its_columns_disclosed_articles_announced_on_its_page_and_refreshed_on_publication()
    {
        var topic = (await site.AsSystemAsync(sp => sp.GetRequiredService<TopicService>().OpenAsync(site.Site.Id,
            new TopicInput { Name = "优化营商环境 <专题> & 行动", Summary = "专题摘要", ColumnNames = "工作动态\n政策解读" }))).Value!;
        var columns = await site.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns.AsNoTracking()
            .Where(c => c.ParentId == topic.ColumnId).ToDictionaryAsync(c => c.Name, c => c.Id));
        var first = await PublishAsync(columns["工作动态"], "营商环境 <第一期> & 进展", new DateTime(2026, 11, 2, 9, 30, 0));
        var second = await PublishAsync(columns["政策解读"], "一图读懂营商环境新举措", new DateTime(2026, 11, 3, 15, 0, 0));
        var onRequest = await PublishAsync(columns["工作动态"], "依申请公开的营商环境材料", new DateTime(2026, 11, 4, 9, 0, 0));
        await MarkAsync(onRequest, DisclosureMode.OnRequest);
        var outside = await PublishAsync(site.NewsColumnId, "不属于专题的要闻", new DateTime(2026, 11, 5, 9, 0, 0));

        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/topics/{topic.Id}/rss.xml";
        var feed = await FeedAsync(client, path);
        var raw = await client.GetStringAsync(path);
        raw.ShouldContain("营商环境 &lt;第一期&gt; &amp; 进展");
        var channel = feed.Root!.Element("channel")!;
        channel.Element("title")!.Value.ShouldBe("优化营商环境 <专题> & 行动 - 测试甲市人民政府");
        channel.Element("link")!.Value.ShouldBe($"{Origin}/topics/{topic.Id}");
        var items = Items(feed);
        items.Select(i => i.Element("link")!.Value).ShouldBe([$"{Origin}/articles/{second}", $"{Origin}/articles/{first}"]);
        items[1].Element("title")!.Value.ShouldBe("营商环境 <第一期> & 进展");
        // 2026-11-02 09:30 in China is the time the editor gave.
        PubDate(items[1]).ShouldBe(new DateTimeOffset(2026, 11, 2, 9, 30, 0, ChinaTime.Offset));
        items.Select(i => i.Element("link")!.Value).ShouldNotContain($"{Origin}/articles/{onRequest}");
        items.Select(i => i.Element("link")!.Value).ShouldNotContain($"{Origin}/articles/{outside}");
        await CheckEntriesAsync(client, items);

        var page = await client.GetStringAsync($"/topics/{topic.Id}");
        page.ShouldContain($"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"优化营商环境 &lt;专题&gt; &amp; 行动（RSS）\" href=\"/topics/{topic.Id}/rss.xml\">");
        page.ShouldContain($"href=\"/account/subscribe?kind=Topic&amp;target={topic.Id}\"");

        // Cached, then dropped when an article of the topic is published; a draft never shows.
        (await client.GetStringAsync(path)).ShouldBe(raw);
        await site.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null, new ArticleInput
        {
            ColumnId = columns["工作动态"], Title = "营商环境草稿", Body = "<p>草稿。</p>",
        })).Value!.Id);
        var third = await PublishAsync(columns["政策解读"], "营商环境第三期", new DateTime(2026, 11, 6, 8, 0, 0));
        var after = Items(await FeedAsync(client, path));
        after[0].Element("link")!.Value.ShouldBe($"{Origin}/articles/{third}");
        after.Select(i => i.Element("title")!.Value).ShouldNotContain("营商环境草稿");

        (await client.GetAsync("/topics/999999/rss.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_policy_theme_has_a_valid_feed_of_the_sites_disclosed_documents_announced_on_its_catalogue_listing()
    {
        const string theme = "综合政务";
        var escaped = Uri.EscapeDataString(theme);
        var titled = await PublishAsync(site.PolicyColumnId, "关于<政务公开>&政务服务的通知", new DateTime(2026, 11, 10, 10, 0, 0), theme, "测政发〔2026〕9号");
        var onRequest = await PublishAsync(site.PolicyColumnId, "依申请公开的综合政务文件", new DateTime(2026, 11, 11, 10, 0, 0), theme, "测政发〔2026〕10号");
        await MarkAsync(onRequest, DisclosureMode.OnRequest);
        var otherTheme = await PublishAsync(site.PolicyColumnId, "科技教育类文件", new DateTime(2026, 11, 12, 10, 0, 0), "科技、教育", "测政发〔2026〕11号");
        var scheduled = await site.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null, new ArticleInput
        {
            Publish = true, ColumnId = site.PolicyColumnId, Title = "尚未发布的综合政务文件", Body = "<p>定时。</p>", PublishedAt = DateTime.UtcNow.AddDays(10),
            SubjectCategory = theme, DocNumber = "测政发〔2026〕12号", Issuer = "测试甲市人民政府",
        })).Value!.Id);

        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var path = $"/disclosure/subjects/{escaped}/rss.xml";
        var feed = await FeedAsync(client, path);
        (await client.GetStringAsync(path)).ShouldContain("关于&lt;政务公开&gt;&amp;政务服务的通知");
        var channel = feed.Root!.Element("channel")!;
        channel.Element("title")!.Value.ShouldBe("政策文件：综合政务 - 测试甲市人民政府");
        channel.Element("link")!.Value.ShouldBe($"{Origin}/disclosure/catalogue?subject={escaped}");
        var items = Items(feed);
        var links = items.Select(i => i.Element("link")!.Value).ToList();
        links.ShouldBe([$"{Origin}/articles/{titled}", $"{Origin}/articles/{site.PolicyId}"]);
        links.ShouldNotContain($"{Origin}/articles/{onRequest}");
        links.ShouldNotContain($"{Origin}/articles/{otherTheme}");
        links.ShouldNotContain($"{Origin}/articles/{scheduled}");
        items[0].Element("title")!.Value.ShouldBe("关于<政务公开>&政务服务的通知");
        items[0].Element("category")!.Value.ShouldBe(theme);
        PubDate(items[0]).ShouldBe(new DateTimeOffset(2026, 11, 10, 10, 0, 0, ChinaTime.Offset));
        await CheckEntriesAsync(client, items);

        // The theme's listing in the 政府信息公开目录 announces it and links to e-mail/SMS subscription.
        var listing = await client.GetStringAsync($"/disclosure/catalogue?subject={escaped}");
        listing.ShouldContain($"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"政策文件：综合政务（RSS）\" href=\"/disclosure/subjects/{escaped}/rss.xml\">");
        listing.ShouldContain($"href=\"/account/subscribe?kind=PolicyTheme&amp;target={escaped}\"");
        (await client.GetStringAsync("/disclosure/catalogue")).ShouldNotContain("rel=\"alternate\" type=\"application/rss+xml\"");

        // A theme of the taxonomy the site has nothing in yet: an empty, valid feed. A made-up one: none.
        Items(await FeedAsync(client, $"/disclosure/subjects/{Uri.EscapeDataString("国防")}/rss.xml")).ShouldBeEmpty();
        (await client.GetAsync($"/disclosure/subjects/{Uri.EscapeDataString("<不存在的主题>")}/rss.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Cached; a document reclassified out of the theme leaves it.
        var moved = await site.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, titled, new ArticleInput
        {
            Publish = true, ColumnId = site.PolicyColumnId, Title = "关于<政务公开>&政务服务的通知", Body = "<p>正文。</p>",
            PublishedAt = new DateTime(2026, 11, 10, 10, 0, 0), SubjectCategory = "科技、教育", DocNumber = "测政发〔2026〕9号", Issuer = "测试甲市人民政府",
        })).Succeeded);
        moved.ShouldBeTrue();
        Items(await FeedAsync(client, path)).Select(i => i.Element("link")!.Value).ShouldBe([$"{Origin}/articles/{site.PolicyId}"]);
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0800$")]
    private static partial Regex Rfc822China();
}
