using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Demo;

public class DemoRegionTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    [Fact]
    public async Task A_first_start_seeds_a_provincial_portal_three_departments_and_a_county_portal()
    {
        var sites = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var byCode = sites.EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        byCode["9900000001"].GetProperty("type").GetString().ShouldBe("portal");
        byCode["9900000001"].GetProperty("level").GetString().ShouldBe("province");
        new[] { "9900000002", "9900000003", "9900000004" }.ShouldAllBe(c => byCode[c].GetProperty("type").GetString() == "department");
        byCode["9901210001"].GetProperty("level").GetString().ShouldBe("county");
        byCode.Values.ShouldAllBe(s => s.GetProperty("codeWarning").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Every_role_has_a_demo_account_that_signs_in_and_sees_only_what_its_role_allows()
    {
        DemoAccounts.All.Select(a => a.Role).Distinct().Count().ShouldBe(Enum.GetValues<GovSite.Accounts.Role>().Length - 1); // all but platform admin
        var columns = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var sites = await db.Sites.Where(s => s.Code == DemoRegion.CountyPortalCode || s.Code == DemoRegion.EducationCode)
                .ToDictionaryAsync(s => s.Id, s => s.Code);
            var ids = sites.Keys.ToList();
            return (await db.Columns.Where(c => c.Type == ColumnType.News && c.ParentId == null && ids.Contains(c.SiteId))
                .Select(c => new { c.Id, c.SiteId }).ToListAsync()).Select(c => new { c.Id, Code = sites[c.SiteId] }).ToList();
        });
        foreach (var account in DemoAccounts.All)
        {
            using var session = await BackOfficeSession.SignInAsync(app, account.UserName, GovSiteFactory.DemoPassword);
            var page = await session.OpenAsync("/admin");
            page.Html.ShouldContain(account.UserName);
        }
        // The county's editor writes on the county site and not on the education department's.
        using var editor = await app.ClientWithTokenAsync("editor", GovSiteFactory.DemoPassword);
        var own = await editor.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = DemoRegion.CountyPortalCode, columnId = columns.First(c => c.Code == DemoRegion.CountyPortalCode).Id,
            title = "清河县演示稿件", body = "<p>正文内容。</p>",
        });
        own.IsSuccessStatusCode.ShouldBeTrue(await own.Content.ReadAsStringAsync());
        var other = await editor.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = DemoRegion.EducationCode, columnId = columns.First(c => c.Code == DemoRegion.EducationCode).Id,
            title = "越权稿件", body = "<p>正文内容。</p>",
        });
        other.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_county_portal_holds_the_township_sub_site()
    {
        var columns = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == sp.GetRequiredService<GovSiteDb>().Sites.First(s => s.Code == "9901210001").Id).ToListAsync());
        // The county's agriculture bureau, integrated into the portal by the demo's year of supervision, is a sub-site too.
        columns.Where(c => c.IsSubSite).Select(c => c.Name).ShouldBe(["桃源镇", "清河县农业农村局"], ignoreOrder: true);
        var township = columns.Single(c => c.IsSubSite && c.Name == "桃源镇");
        township.Name.ShouldBe("桃源镇");
        columns.Where(c => c.ParentId == township.Id).Select(c => c.Name).ShouldBe(["镇务动态", "通知公告", "便民服务"], ignoreOrder: true);
    }

    [Fact]
    public async Task Demo_columns_have_varied_freshness_and_one_is_empty()
    {
        var latest = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return await db.Columns.Where(c => c.Type == ColumnType.News && c.ParentId == null)
                .Select(c => db.Articles.Where(a => a.ColumnId == c.Id && a.Status == ArticleStatus.Published).Max(a => a.PublishedAt))
                .ToListAsync();
        });
        var ages = latest.Select(d => (DateTime.UtcNow - d!.Value).TotalDays).ToList();
        ages.ShouldContain(a => a < 14);
        ages.ShouldContain(a => a > 14);
        var empty = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return await db.Columns.Where(c => !db.Articles.Any(a => a.ColumnId == c.Id) && !db.Columns.Any(child => child.ParentId == c.Id))
                .Select(c => c.Name).ToListAsync();
        });
        empty.ShouldContain("人事信息");
    }

    [Fact]
    public async Task Demo_policies_carry_their_metadata_and_most_have_interpretations()
    {
        using var client = app.ClientForHost("www.jiangchuan.gov.cn");
        var policies = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
            .Where(a => a.DocNumber != null && a.Status == ArticleStatus.Published).Select(a => new { a.Id, a.SiteId, a.IndexNumber, a.Issuer, a.WrittenDate }).ToListAsync());
        policies.Count.ShouldBeGreaterThan(10);
        policies.ShouldAllBe(p => p.IndexNumber != null && p.Issuer != null && p.WrittenDate != null);
        var portal = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.FirstAsync(s => s.Code == "9900000001"));
        var interpreted = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
            .Where(a => a.InterpretsId != null && a.SiteId == portal.Id).Select(a => a.InterpretsId!.Value).FirstAsync());
        var html = await client.GetStringAsync($"/articles/{interpreted}");
        var doc = new HtmlParser().ParseDocument(html);
        doc.QuerySelector("#related-interpretations")!.ParentElement!.QuerySelectorAll("a").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_demo_holds_requests_in_every_state_last_years_published_report_and_error_reports()
    {
        var (statuses, extended, late, report, errorReports) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var site = await db.Sites.SingleAsync(s => s.Code == DemoRegion.DevelopmentReformCode);
            var requests = await db.InformationRequests.Where(r => r.SiteId == site.Id).ToListAsync();
            var today = sp.GetRequiredService<GovSite.Disclosure.RequestService>().Today;
            var report = await db.DisclosureReports.SingleOrDefaultAsync(r => r.SiteId == site.Id && r.Year == today.Year - 1);
            return (requests.Select(r => r.Status).Distinct().ToList(), requests.Count(r => r.Extended),
                requests.Count(r => r.Status == GovSite.Disclosure.RequestStatus.Handling && r.DueDate < today), report, await db.ErrorReports.ToListAsync());
        });
        statuses.ShouldBe(Enum.GetValues<GovSite.Disclosure.RequestStatus>().Where(s => s != GovSite.Disclosure.RequestStatus.Closed), ignoreOrder: true);
        extended.ShouldBe(1);
        late.ShouldBeGreaterThanOrEqualTo(1);
        report.ShouldNotBeNull();
        report.Status.ShouldBe(GovSite.Disclosure.ReportStatus.Published);
        errorReports.ShouldContain(r => r.Status == GovSite.ErrorReports.ErrorReportStatus.Answered);
        errorReports.ShouldContain(r => r.ForwardedFromSiteId != null);
        errorReports.ShouldContain(r => r.Source == GovSite.ErrorReports.ErrorReportSource.NationalPlatform);
        var catalogue = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/sites/{DemoRegion.DevelopmentReformCode}/disclosure/catalogue");
        catalogue.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.CountAsync());
        (await app.AsSystemAsync(sp => DemoRegion.SeedAsync(sp))).ShouldBeFalse();
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Every_demo_site_answers_on_its_chinese_domain_too()
    {
        using var client = app.ClientForHost(HostName.ToAscii("清河县人民政府.政务"));
        var html = await client.GetStringAsync("/");
        html.ShouldContain("<meta name=\"SiteIDCode\" content=\"9901210001\">");
    }
}
