using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using GovSite.Data;
using GovSite.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>The RSS 2.0 feed of a site's service items: new and changed guides, with department and address, found from the catalogue page.</summary>
public class ServiceFeedTests(ServicesFactory app) : IClassFixture<ServicesFactory>
{
    private async Task<XDocument> FeedAsync(string code)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/sites/{code}/services/rss.xml");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/rss+xml");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return await XDocument.LoadAsync(reader, LoadOptions.None, default);
    }

    private static List<XElement> Items(XDocument feed) => [.. feed.Root!.Element("channel")!.Elements("item")];

    [Fact]
    public async Task The_feed_is_rss_2_lists_the_sites_items_with_department_and_link_and_follows_a_change()
    {
        var first = await app.PublishedAsync(ServicesFactory.CompleteGuide("F001", "临时救助申请"));
        await app.PublishedAsync(ServicesFactory.CompleteGuide("F002", "特困人员认定"));

        var feed = await FeedAsync(ServicesFactory.DepartmentCode);
        feed.Root!.Name.LocalName.ShouldBe("rss");
        feed.Root.Attribute("version")!.Value.ShouldBe("2.0");
        var channel = feed.Root.Element("channel")!;
        channel.Element("title")!.Value.ShouldBe("办事服务 - 测试服务市民政局");
        channel.Element("link")!.Value.ShouldBe($"http://localhost/sites/{ServicesFactory.DepartmentCode}/services");
        channel.Element("description")!.Value.ShouldNotBeNullOrWhiteSpace();
        var items = Items(feed);
        items.Select(i => i.Element("title")!.Value).Take(2).ShouldBe(["特困人员认定", "临时救助申请"]);
        var item = items.Single(i => i.Element("title")!.Value == "临时救助申请");
        item.Element("link")!.Value.ShouldBe($"http://localhost/sites/{ServicesFactory.DepartmentCode}/services/F001");
        item.Element("category")!.Value.ShouldBe("测试服务市民政局");
        item.Element("description")!.Value.ShouldContain("办理机构：测试服务市民政局");
        item.Element("guid")!.Value.ShouldNotBeNullOrWhiteSpace();
        // RFC 822 in China time, as every feed of a site writes it (SiteFeeds.Rss).
        item.Element("pubDate")!.Value.ShouldEndWith(" +0800");
        DateTimeOffset.ParseExact(item.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        // The link is the guide's own page.
        using (var client = app.CreateClient())
        {
            (await client.GetAsync(new Uri(item.Element("link")!.Value).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The portal's feed shows its departments' items; an unrelated site's does not.
        Items(await FeedAsync(ServicesFactory.PortalCode)).Select(i => i.Element("title")!.Value).ShouldContain("临时救助申请");
        Items(await FeedAsync(ServicesFactory.OtherCode)).ShouldBeEmpty();

        // A reviewed change, a day after the first publication: first in the feed, as a new entry saying it changed.
        var oldGuid = item.Element("guid")!.Value;
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.Where(i => i.Id == first.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PublishedAt, i => i.PublishedAt!.Value.AddDays(-1)).SetProperty(i => i.ReviewedAt, i => i.ReviewedAt!.Value.AddDays(-1))));
        var changed = ServicesFactory.CompleteGuide("F001", "临时救助申请");
        changed.Fee = "不收取任何费用";
        await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            (await editor.SaveAsync(first.Id, changed)).Succeeded.ShouldBeTrue();
            (await editor.ActAsync(first.Id, ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
            return 0;
        });
        // Submitted, not reviewed: the feed has not moved.
        Items(await FeedAsync(ServicesFactory.DepartmentCode))[0].Element("title")!.Value.ShouldBe("特困人员认定");
        await app.AsUserAsync("svc-reviewer", async sp =>
        {
            (await sp.GetRequiredService<ServiceEditor>().ActAsync(first.Id, ServiceAction.Approve, null)).Succeeded.ShouldBeTrue();
            return 0;
        });
        var after = Items(await FeedAsync(ServicesFactory.DepartmentCode));
        after[0].Element("title")!.Value.ShouldBe("临时救助申请（办事指南已更新）");
        after[0].Element("guid")!.Value.ShouldNotBe(oldGuid);
        after[0].Element("description")!.Value.ShouldContain("办事指南已更新");

        // Withdrawn: gone from the feed.
        await app.AsUserAsync("svc-reviewer", async sp =>
        {
            (await sp.GetRequiredService<ServiceEditor>().ActAsync(first.Id, ServiceAction.Withdraw, null)).Succeeded.ShouldBeTrue();
            return 0;
        });
        Items(await FeedAsync(ServicesFactory.DepartmentCode)).Select(i => i.Element("link")!.Value).ShouldNotContain(l => l.EndsWith("/F001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_catalogue_page_announces_the_feed()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services");
        html.ShouldContain($"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"办事服务更新（RSS）\" href=\"/sites/{ServicesFactory.DepartmentCode}/services/rss.xml\">");
        html.ShouldContain($"href=\"/sites/{ServicesFactory.DepartmentCode}/services/rss.xml\">订阅本站事项的新增和更新</a>");
    }
}
