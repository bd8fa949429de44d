using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Publishing.Quality;
using GovSite.Search;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>热门搜索 is curated: distinct visitors over the period, presentable, no listed words, and the admin's word (issue 15).</summary>
public partial class HotSearchTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private const string County = DemoRegion.CountyPortalCode;

    /// <summary>A search from one client address, as the API answers it.</summary>
    private async Task<int> SearchFromAsync(string address, string query, string site = County)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/v1/search";
            c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?q={Uri.EscapeDataString(query)}&site={site}");
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        context.Response.StatusCode.ShouldBe(200);
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        return body.RootElement.GetProperty("total").GetInt32();
    }

    private Task<int> SiteIdAsync(string code) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Code == code).Select(s => s.Id).FirstAsync());

    /// <summary>The public list as the search page shows it, after the minute a node keeps it.</summary>
    private async Task<List<string>> ShownAsync(string code = County)
    {
        var siteId = await SiteIdAsync(code);
        await app.AsSystemAsync(sp =>
        {
            sp.GetRequiredService<HotSearches>().Changed(siteId);
            return Task.FromResult(0);
        });
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{code}/search");
        var section = html.Contains("id=\"hot-title\"", StringComparison.Ordinal) ? html[html.IndexOf("id=\"hot-title\"", StringComparison.Ordinal)..] : "";
        return [.. HotLink().Matches(section).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<li><a href=\"[^\"]*\">([^<]*)</a></li>")]
    private static partial Regex HotLink();

    [Fact]
    public async Task A_query_appears_only_once_enough_different_visitors_searched_it()
    {
        (await SearchFromAsync("203.0.113.1", "黄桃")).ShouldBeGreaterThan(0);
        for (var i = 0; i < 10; i++)
        {
            await SearchFromAsync("203.0.113.1", "黄桃"); // one visitor, however often
        }
        for (var i = 2; i <= 4; i++)
        {
            await SearchFromAsync($"203.0.113.{i}", "黄桃");
        }
        (await ShownAsync()).ShouldNotContain("黄桃");
        await SearchFromAsync("203.0.113.5", "黄桃");
        (await ShownAsync()).ShouldContain("黄桃");
        // Suggestions while typing offer it now, and only curated entries.
        using var client = app.CreateClient();
        (await client.GetStringAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString("黄")}&site={County}")).ShouldContain("黄桃");
    }

    [Fact]
    public async Task Two_addresses_of_one_ipv6_network_are_one_visitor()
    {
        for (var i = 1; i <= 6; i++)
        {
            await SearchFromAsync($"2001:db8:1:2::{i}", "人居环境整治");
        }
        (await ShownAsync()).ShouldNotContain("人居环境整治");
    }

    [Fact]
    public async Task A_query_with_an_operator_is_not_counted_however_many_search_it()
    {
        for (var i = 1; i <= 7; i++)
        {
            (await SearchFromAsync($"198.51.100.{i}", "黄桃 NOT 桃源")).ShouldBeGreaterThan(0);
        }
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchVisits.CountAsync(v => v.Query == "黄桃 not 桃源"))).ShouldBe(0);
        (await ShownAsync()).ShouldNotContain("黄桃 not 桃源");
    }

    [Theory]
    [InlineData("黄桃 AND 桃源")]
    [InlineData("<script>alert(1)</script>黄桃")]
    [InlineData("select 黄桃 from articles")]
    [InlineData("1' OR '1'='1 黄桃")]
    [InlineData("黄桃 -医保 +就业")]
    [InlineData("黄桃${jndi:x}")]
    [InlineData("zxcvbnm")]
    [InlineData("a1b2c3d4e5")]
    public async Task Queries_with_operators_or_code_never_appear_however_many_visitors_they_had(string query)
    {
        // As if they had been counted: seven visitors today, and they found something.
        var folded = ChineseText.Fold(query).Trim();
        var siteId = await SiteIdAsync(County);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            for (var i = 0; i < 7; i++)
            {
                db.SearchVisits.Add(new SearchVisit { SiteId = siteId, Query = folded, Day = DateOnly.FromDateTime(DateTime.UtcNow), Visitor = $"v{i}" });
            }
            db.SearchLog.Add(new SearchLogEntry { SiteId = siteId, Query = folded, Searches = 7, Results = 3, LastSearchedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        HotSearches.Refusal(query).ShouldNotBeNull();
        var shown = await ShownAsync();
        shown.ShouldNotContain(folded);
        shown.ShouldAllBe(s => HotSearches.Refusal(s) == null);
        using var client = app.CreateClient();
        var typing = await client.GetStringAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString(folded[..3])}&site={County}");
        typing.ShouldNotContain(folded.Replace("\"", "\\\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("黄桃")]
    [InlineData("shebao")]
    [InlineData("国办发〔2014〕57号")]
    [InlineData("2026 端午节")]
    [InlineData("gjj")]
    public void Ordinary_searches_are_presentable(string query) => HotSearches.Refusal(query).ShouldBeNull();

    [Fact]
    public async Task A_query_holding_a_listed_sensitive_word_does_not_appear()
    {
        var siteId = await SiteIdAsync(County);
        await app.AsSystemAsync(async sp =>
        {
            var lists = sp.GetRequiredService<QualityLists>();
            var list = await lists.CreateAsync(siteId, QualityListKind.SensitiveWords, "本站敏感词", QualitySeverity.Block);
            (await lists.ChangeTermsAsync(list.Value!.Id, QualityLists.TermChange.Add, "桃源镇")).Succeeded.ShouldBeTrue();
            return 0;
        });
        for (var i = 1; i <= 6; i++)
        {
            (await SearchFromAsync($"192.0.2.{i}", "桃源镇人居环境")).ShouldBeGreaterThan(0);
        }
        (await ShownAsync()).ShouldNotContain("桃源镇人居环境");
        var review = await app.AsSystemAsync(sp => sp.GetRequiredService<HotSearches>().ReviewAsync(siteId, default));
        review.Single(c => c.Query == "桃源镇人居环境").Refusal!.ShouldContain("敏感词");
    }

    [Fact]
    public async Task Visits_older_than_the_period_do_not_count()
    {
        var siteId = await SiteIdAsync(County);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var old = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-45);
            for (var i = 0; i < 8; i++)
            {
                db.SearchVisits.Add(new SearchVisit { SiteId = siteId, Query = "招商引资", Day = old, Visitor = $"old-visitor-{i}" });
            }
            await db.SaveChangesAsync();
            return 0;
        });
        (await ShownAsync()).ShouldNotContain("招商引资");
    }

    private async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await client.PostAsync(url.Contains('?') ? url.Replace("?", "?handler=" + fields["handler"] + "&", StringComparison.Ordinal)
            : url + "?handler=" + fields["handler"], new FormUrlEncodedContent(fields.Where(f => f.Key != "handler").ToDictionary()));
    }

    [Fact]
    public async Task A_site_admin_pins_hides_and_blocks_entries_of_their_own_site_only()
    {
        var siteId = await SiteIdAsync(County);
        for (var i = 1; i <= 5; i++)
        {
            await SearchFromAsync($"100.64.0.{i}", "防汛抗旱");
            await SearchFromAsync($"100.64.0.{i}", "人居环境整治");
        }
        (await ShownAsync()).ShouldContain("防汛抗旱");
        (await ShownAsync()).ShouldContain("人居环境整治");

        await app.CreateUserAsync("hot-county", "Admin12345x", (Role.SiteAdmin, siteId));
        using var admin = await SignInAsync("hot-county", "Admin12345x");
        var url = $"/admin/search/hot?site={siteId}";
        var page = await admin.GetStringAsync(url);
        page.ShouldContain("防汛抗旱");

        // Pinned: first, with no visitors at all.
        (await PostAsync(admin, url, new() { ["handler"] = "Pin", ["Input.Query"] = "秋季招生报名" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ShownAsync())[0].ShouldBe("秋季招生报名");
        // Hidden: gone, still listed for the admin.
        (await PostAsync(admin, url, new() { ["handler"] = "Decide", ["query"] = "防汛抗旱", ["decision"] = "hide" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ShownAsync()).ShouldNotContain("防汛抗旱");
        (await admin.GetStringAsync(url)).ShouldContain("已隐藏");
        // Blocked: gone, not offered while typing, no longer counted.
        using var anonymous = app.CreateClient();
        (await anonymous.GetStringAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString("人居环")}&site={County}")).ShouldContain("\"人居环境整治\"");
        (await PostAsync(admin, url, new() { ["handler"] = "Decide", ["query"] = "人居环境整治", ["decision"] = "block" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ShownAsync()).ShouldNotContain("人居环境整治");
        (await anonymous.GetStringAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString("人居环")}&site={County}")).ShouldNotContain("\"人居环境整治\"");
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchVisits.CountAsync(v => v.Query == "人居环境整治"));
        await SearchFromAsync("100.64.0.99", "人居环境整治");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchVisits.CountAsync(v => v.Query == "人居环境整治"))).ShouldBe(before);
        // Shown again when the decision is taken back.
        (await PostAsync(admin, url, new() { ["handler"] = "Decide", ["query"] = "防汛抗旱", ["decision"] = "clear" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ShownAsync()).ShouldContain("防汛抗旱");

        // A pinned entry is checked as visitors' queries are, and a refusal keeps what was typed.
        var refused = await PostAsync(admin, url, new() { ["handler"] = "Pin", ["Input.Query"] = "<b>招生</b>" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("不能作为热门搜索");
        html.ShouldContain("value=\"&lt;b&gt;招生&lt;/b&gt;\"");

        // Another site's list, and the platform's, are not theirs.
        var other = await SiteIdAsync(DemoRegion.EducationCode);
        (await admin.GetAsync($"/admin/search/hot?site={other}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var foreign = await admin.PostAsync($"/admin/search/hot?site={other}&handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = "义务教育", ["decision"] = "block",
            ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value,
        }));
        // Refused: the sign-in's access-denied answer, not the page's redirect back to itself.
        (foreign.Headers.Location?.ToString() ?? "").ShouldNotStartWith("/admin/search/hot");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().HotSearchRules.AnyAsync(r => r.SiteId == other))).ShouldBeFalse();
        (await admin.GetAsync("/admin/search/hot?site=0")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
