using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.Tests.Interaction;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GovSite.Tests.Visits;

/// <summary>The counting endpoint, the daily aggregates and the visits API, through HTTP against a real database.</summary>
public class VisitsTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0";

    private static async Task<HttpResponseMessage> StatAsync(HttpClient client, string body, string userAgent, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stat") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        return await client.SendAsync(request);
    }

    private static string View(string site, string path, int? column = null, string referrer = "") =>
        JsonSerializer.Serialize(new { s = site, p = path, c = column, r = referrer });

    private Task FlushAsync() => app.Services.GetRequiredService<VisitCounter>().FlushAsync();

    private async Task<JsonElement> VisitsAsync(string code, string by)
    {
        using var staff = await app.ClientWithTokenAsync(code == InteractionFactory.PortalCode ? "portal-editor" : "dept-editor", InteractionFactory.Password);
        var today = app.Services.GetRequiredService<VisitCounter>().Today;
        var response = await staff.GetAsync($"/api/v1/sites/{code}/visits?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&by={by}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Views_and_unique_visitors_land_in_daily_aggregates_per_site_page_and_column()
    {
        var column = await app.ColumnIdAsync(app.Department.Id, "通知公告");
        using var client = app.CreateClient();
        const string code = InteractionFactory.DepartmentCode;
        // Visitor A reads two pages (one twice), B one page from a search engine on a phone; a crawler reads one.
        (await StatAsync(client, View(code, "/columns/" + column, column), Chrome, "10.0.0.1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatAsync(client, View(code, "/columns/" + column + "?page=2", column), Chrome, "10.0.0.1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatAsync(client, View(code, "/"), Chrome, "10.0.0.1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatAsync(client, View(code, "/columns/" + column, column, "https://www.baidu.com/s?wd=公租房"), Phone, "10.0.0.2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StatAsync(client, View(code, "/"), "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "10.0.0.3"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await FlushAsync();

        var days = await VisitsAsync(code, "day");
        days.GetProperty("views").GetInt64().ShouldBe(4);
        days.GetProperty("visitors").GetInt64().ShouldBe(2);
        var today = days.GetProperty("days").EnumerateArray().Last();
        today.GetProperty("views").GetInt64().ShouldBe(4);
        today.GetProperty("visitors").GetInt64().ShouldBe(2);

        var pages = (await VisitsAsync(code, "page")).GetProperty("pages").EnumerateArray().ToList();
        pages[0].GetProperty("path").GetString().ShouldBe("/columns/" + column);
        pages[0].GetProperty("views").GetInt64().ShouldBe(3);
        pages[0].GetProperty("visitors").GetInt64().ShouldBe(2);
        pages[1].GetProperty("path").GetString().ShouldBe("/");
        pages[1].GetProperty("visitors").GetInt64().ShouldBe(1);

        var columns = (await VisitsAsync(code, "column")).GetProperty("columns").EnumerateArray().ToList();
        columns.Count.ShouldBe(1);
        columns[0].GetProperty("name").GetString().ShouldBe("通知公告");
        columns[0].GetProperty("views").GetInt64().ShouldBe(3);

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var facets = await db.VisitFacetDays.Where(f => f.SiteId == app.Department.Id).ToListAsync();
            facets.Single(f => f.Facet == VisitFacet.Referrer && f.Value == "www.baidu.com").Views.ShouldBe(1);
            facets.Single(f => f.Facet == VisitFacet.Referrer && f.Value == VisitorText.Direct).Views.ShouldBe(3);
            facets.Single(f => f.Facet == VisitFacet.Device && f.Value == "手机").Views.ShouldBe(1);
            facets.Single(f => f.Facet == VisitFacet.Device && f.Value == "电脑").Views.ShouldBe(3);
            return 0;
        });
    }

    [Fact]
    public async Task Two_nodes_seeing_the_same_visitor_count_it_once_and_add_up_its_views()
    {
        const string code = InteractionFactory.PortalCode;
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var nodeA = new VisitCounter(scopes, TimeProvider.System, Options.Create(new VisitOptions()), NullLogger<VisitCounter>.Instance);
        var nodeB = new VisitCounter(scopes, TimeProvider.System, Options.Create(new VisitOptions()), NullLogger<VisitCounter>.Instance);
        (await nodeA.CountAsync(app.Portal.Id, "/nodes", null, "10.1.1.1", Chrome, VisitorText.Direct, "电脑", default)).ShouldBeTrue();
        (await nodeB.CountAsync(app.Portal.Id, "/nodes", null, "10.1.1.1", Chrome, VisitorText.Direct, "电脑", default)).ShouldBeTrue();
        (await nodeB.CountAsync(app.Portal.Id, "/nodes", null, "10.1.1.9", Chrome, VisitorText.Direct, "电脑", default)).ShouldBeTrue();
        (await nodeA.FlushAsync()).ShouldBe(1);
        (await nodeB.FlushAsync()).ShouldBe(2);

        var pages = (await VisitsAsync(code, "page")).GetProperty("pages").EnumerateArray().ToList();
        var page = pages.Single(p => p.GetProperty("path").GetString() == "/nodes");
        page.GetProperty("views").GetInt64().ShouldBe(3);
        page.GetProperty("visitors").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Nothing_stored_names_an_address_and_a_visitor_reading_hundreds_of_pages_a_day_stops_counting()
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var node = new VisitCounter(scopes, TimeProvider.System, Options.Create(new VisitOptions { MaxViewsPerVisitorPerDay = 5 }), NullLogger<VisitCounter>.Instance);
        var counted = 0;
        for (var i = 0; i < 20; i++)
        {
            counted += await node.CountAsync(app.Portal.Id, $"/scraped/{i}", null, "203.0.113.77", Chrome, VisitorText.Direct, "电脑", default) ? 1 : 0;
        }
        counted.ShouldBe(5);
        await node.FlushAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            (await db.PageVisitDays.CountAsync(p => p.Path.StartsWith("/scraped/"))).ShouldBe(5);
            // The only per-visitor rows are 64-bit keyed hashes of today; no text anywhere holds the address.
            var marks = await db.VisitorMarks.ToListAsync();
            marks.ShouldNotBeEmpty();
            marks.ShouldAllBe(m => m.Day >= node.Today);
            (await db.PageVisitDays.AnyAsync(p => p.Path.Contains("203.0.113"))).ShouldBeFalse();
            (await db.VisitFacetDays.AnyAsync(p => p.Value.Contains("203.0.113"))).ShouldBeFalse();
            return 0;
        });
    }

    [Fact]
    public async Task Yesterdays_salt_and_marks_are_deleted_when_the_next_day_begins()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        clock.SetChina(2031, 3, 9);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var node = new VisitCounter(scopes, clock, Options.Create(new VisitOptions()), NullLogger<VisitCounter>.Instance);
        await node.CountAsync(app.Portal.Id, "/salt", null, "10.9.9.9", Chrome, VisitorText.Direct, "电脑", default);
        await node.FlushAsync();
        clock.SetChina(2031, 3, 10);
        await node.CountAsync(app.Portal.Id, "/salt", null, "10.9.9.9", Chrome, VisitorText.Direct, "电脑", default);
        await node.FlushAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var salts = await db.VisitSalts.Select(s => s.Day).ToListAsync();
            salts.ShouldContain(new DateOnly(2031, 3, 10));
            salts.ShouldNotContain(new DateOnly(2031, 3, 9));
            (await db.VisitorMarks.AnyAsync(m => m.Day < new DateOnly(2031, 3, 10))).ShouldBeFalse();
            // The same person on two days is a visitor on each: the aggregates keep both.
            var days = await db.SiteVisitDays.Where(d => d.SiteId == app.Portal.Id && d.Day >= new DateOnly(2031, 3, 9)).OrderBy(d => d.Day).ToListAsync();
            days.Select(d => d.Visitors).ShouldBe([1L, 1L]);
            return 0;
        });
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("""{"s":"9999999999","p":"/"}""", "s")]
    [InlineData("""{"s":"3502000011","p":"http://evil.example/"}""", "p")]
    [InlineData("""{"s":"3502000011","p":"//evil.example/"}""", "p")]
    public async Task A_counting_request_that_is_not_the_scripts_is_refused_in_chinese(string body, string field)
    {
        using var client = app.CreateClient();
        var response = await StatAsync(client, body, Chrome, "10.0.0.5");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue();
        messages[0].GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public async Task An_oversized_counting_request_is_refused()
    {
        using var client = app.CreateClient();
        var response = await StatAsync(client, View(InteractionFactory.PortalCode, "/" + new string('a', 5000)), Chrome, "10.0.0.6");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Public_pages_carry_the_counting_script_as_a_file_with_the_site_and_column()
    {
        var column = await app.ColumnIdAsync(app.Portal.Id, "通知公告");
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/columns/{column}");
        html.ShouldMatch($"""<script src="/sites/{InteractionFactory.PortalCode}/js/stat\.[^"]+\.js" defer data-stat="/sites/{InteractionFactory.PortalCode}/api/v1/stat" data-site="{InteractionFactory.PortalCode}" data-column="{column}"></script>""");
        var home = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/");
        home.ShouldContain($"data-site=\"{InteractionFactory.PortalCode}\"");
        // The endpoint answers under the site's path too, where the script sends it.
        var response = await client.PostAsync($"/sites/{InteractionFactory.PortalCode}/api/v1/stat",
            new StringContent(View(InteractionFactory.PortalCode, "/"), Encoding.UTF8, "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Another_sites_staff_and_anonymous_callers_get_no_visits_and_bad_queries_are_named()
    {
        using var otherStaff = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
        (await otherStaff.GetAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/visits")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/visits")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var bad = await otherStaff.GetAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/visits?from=2026-05-01&to=2026-01-01&by=week");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await bad.Content.ReadAsStringAsync();
        text.ShouldContain("结束日期不能早于开始日期");
        text.ShouldContain("by 只能是 day、page 或 column");
    }
}
