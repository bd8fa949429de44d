using GovSite.Data;
using GovSite.Demo;
using GovSite.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>The demo region's catalogue is realistic enough to show everything the feature does.</summary>
public class DemoServicesTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    [Fact]
    public async Task The_demo_catalogue_covers_departments_every_life_and_business_event_with_ratings_and_a_few_incomplete_guides()
    {
        var items = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.AsNoTracking().ToListAsync());
        items.Count.ShouldBeGreaterThanOrEqualTo(60);
        var published = items.Where(i => i.Status == ServiceItemStatus.Published).ToList();
        published.Select(i => i.Department).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
        published.Select(i => i.SiteId).Distinct().Count().ShouldBe(DemoRegion.SiteCodes.Count);
        foreach (var life in ServiceTaxonomy.LifeEvents)
        {
            published.ShouldContain(i => i.LifeEvents.Contains($"|{life}|"), life);
        }
        foreach (var business in ServiceTaxonomy.BusinessEvents)
        {
            published.ShouldContain(i => i.BusinessEvents.Contains($"|{business}|"), business);
        }
        published.ShouldAllBe(i => i.MissingCount == 0);
        var drafts = items.Where(i => i.Status == ServiceItemStatus.Draft).ToList();
        drafts.Count.ShouldBeGreaterThanOrEqualTo(3);
        drafts.ShouldAllBe(i => i.MissingCount > 0);
        drafts.Single(i => i.Code == DemoServices.IncompleteDraftCode).MissingCount.ShouldBeGreaterThanOrEqualTo(4);
        published.Single(i => i.Code == DemoServices.VagueGuideCode).VagueCount.ShouldBeGreaterThan(0);
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceRatings.CountAsync())).ShouldBeGreaterThan(100);

        using var visitor = app.CreateClient();
        var portal = await visitor.GetStringAsync($"/sites/{DemoRegion.ProvincialPortalCode}/services");
        portal.ShouldContain("id=\"hot-services\"");
        portal.IndexOf("出生登记（新生儿落户）", StringComparison.Ordinal).ShouldBeLessThan(portal.IndexOf("社会保障卡申领", StringComparison.Ordinal));
        // The county's items are on the provincial portal too, and only its own on the county's.
        (await visitor.GetStringAsync($"/sites/{DemoRegion.ProvincialPortalCode}/services/990121MZ001")).ShouldContain("结婚登记");
        (await visitor.GetAsync($"/sites/{DemoRegion.CountyPortalCode}/services/990000GA001")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        // 准生证 is what people say: the search answers with the 生育登记 guide.
        (await visitor.GetStringAsync($"/sites/{DemoRegion.ProvincialPortalCode}/search?q=" + Uri.EscapeDataString("准生证怎么办"))).ShouldContain("生育登记（办事指南）");
    }
}
