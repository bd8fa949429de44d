using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;

namespace GovSite.Tests.Publishing;

public class QualityApiTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task Check_returns_findings_with_their_place_for_the_sites_staff()
    {
        var site = await app.CreateSiteAsync("3303000001", "接口测试站");
        await app.CreateUserAsync("quality-editor", "Editor12345x", (Role.Editor, site.Id));
        using var client = await app.ClientWithTokenAsync("quality-editor", "Editor12345x");
        var response = await client.PostAsJsonAsync("/api/v1/quality/check", new
        {
            siteCode = site.Code,
            title = "国务院办工厅通知",
            body = "<p>今天心情不好。<img src=\"/a.png\"></p>",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var findings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").EnumerateArray().ToList();
        var serious = findings.Single(f => f.GetProperty("code").GetString() == "serious_error");
        serious.GetProperty("severity").GetString().ShouldBe("block");
        serious.GetProperty("field").GetString().ShouldBe("title");
        serious.GetProperty("excerpt").GetString().ShouldBe("国务院办工厅");
        serious.GetProperty("start").GetInt32().ShouldBe(0);
        serious.GetProperty("length").GetInt32().ShouldBe(6);
        serious.GetProperty("detail").GetString()!.ShouldContain("国务院办公厅");
        findings.ShouldContain(f => f.GetProperty("code").GetString() == "inappropriate_text");
        findings.ShouldContain(f => f.GetProperty("code").GetString() == "missing_alt" && f.GetProperty("severity").GetString() == "warn");
    }

    [Fact]
    public async Task Check_needs_a_user_with_content_rights_on_that_site()
    {
        var mine = await app.CreateSiteAsync("3303000002", "甲站");
        var other = await app.CreateSiteAsync("3303000003", "乙站");
        await app.CreateUserAsync("quality-other", "Other12345x", (Role.Editor, other.Id));
        await app.CreateUserAsync("quality-reviewer", "Review12345x", (Role.Reviewer, mine.Id));
        var request = new { siteCode = mine.Code, title = "标题", body = "<p>正文</p>" };

        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/quality/check", request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var stranger = await app.ClientWithTokenAsync("quality-other", "Other12345x");
        (await stranger.PostAsJsonAsync("/api/v1/quality/check", request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PostAsJsonAsync("/api/v1/quality/check", request with { siteCode = other.Code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reviewer = await app.ClientWithTokenAsync("quality-reviewer", "Review12345x");
        (await reviewer.PostAsJsonAsync("/api/v1/quality/check", request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await app.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/quality/check", request with { siteCode = "9999999999" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_without_a_site_is_refused_in_Chinese()
    {
        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/quality/check", new { title = "标题" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("siteCode")[0].GetString()!.ShouldContain("网站标识码");
    }

    [Fact]
    public async Task The_check_is_in_the_OpenAPI_document()
    {
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        document.ShouldContain("/api/v1/quality/check");
        document.ShouldContain("QualityFinding");
    }
}
