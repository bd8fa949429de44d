using System.Net;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

public partial class SearchAdminTests(SearchFixture app) : IClassFixture<SearchFixture>
{
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

    private Task<int> SiteIdAsync(string code) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Code == code).Select(s => s.Id).FirstAsync());

    [Fact]
    public async Task Site_admins_see_the_zero_result_queries_of_their_own_sites_only()
    {
        using var anonymous = app.CreateClient();
        await anonymous.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("蜂蜜采购补贴")}&site={DemoRegion.EducationCode}");
        await anonymous.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("潜水执照年审")}&site={DemoRegion.CountyPortalCode}");
        await app.CreateUserAsync("edu-admin", "Admin12345x", (Role.SiteAdmin, await SiteIdAsync(DemoRegion.EducationCode)));
        using var client = await SignInAsync("edu-admin", "Admin12345x");
        var html = await client.GetStringAsync("/admin/search");
        html.ShouldContain("蜂蜜采购补贴");
        html.ShouldNotContain("潜水执照年审");
        using var platform = await SignInAsync("admin", GovSiteFactory.AdminPassword);
        (await platform.GetStringAsync("/admin/search")).ShouldContain("潜水执照年审");
    }

    [Fact]
    public async Task An_answer_card_saved_in_the_back_office_answers_the_next_search()
    {
        var siteId = await SiteIdAsync(DemoRegion.CountyPortalCode);
        await app.CreateUserAsync("county-admin", "Admin12345x", (Role.SiteAdmin, siteId));
        using var client = await SignInAsync("county-admin", "Admin12345x");
        var form = await client.GetStringAsync("/admin/search/answers");
        var response = await client.PostAsync("/admin/search/answers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SiteId"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "黄桃收购价格查询",
            ["Input.Triggers"] = "黄桃价格 黃桃收購",
            ["Input.Answer"] = "今年黄桃保护价由县农业农村局每周公布。",
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anonymous = app.CreateClient();
        var body = await anonymous.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString("黄桃价格多少")}&site={DemoRegion.CountyPortalCode}");
        body.ShouldContain("黄桃收购价格查询");
        var elsewhere = await anonymous.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString("黄桃价格多少")}&site={DemoRegion.EducationCode}");
        elsewhere.ShouldNotContain("黄桃收购价格查询");

        // A site admin may not write cards for every site (SiteId 0) or for a site that is not theirs.
        var refused = await client.PostAsync("/admin/search/answers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SiteId"] = "0",
            ["Input.Title"] = "越权卡片",
            ["Input.Triggers"] = "越权",
            ["Input.Answer"] = "不应保存",
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
        }));
        (refused.Headers.Location?.ToString() ?? "").ShouldNotBe("/admin/search/answers");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchAnswers.AnyAsync(a => a.Title == "越权卡片"))).ShouldBeFalse();
    }
}
