using System.Net;

namespace GovSite.Tests.PublicSite;

/// <summary>The back-office theme and topic pages through HTTP, signed in with a cookie.</summary>
public class ThemeAdminPagesTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    [Fact]
    public async Task The_theme_form_refuses_a_light_colour_saves_a_draft_and_publishes_it()
    {
        using var admin = await PublicTestHelpers.SignInAsync(site, "admin", GovSiteFactory.AdminPassword);
        var url = $"/admin/sites/{site.Site.Id}/theme";
        var form = await admin.GetStringAsync(url);
        form.ShouldContain("网站主题");
        (await admin.GetStringAsync($"/admin/sites/{site.Site.Id}/topics")).ShouldContain("开设新专题");
        var token = PublicTestHelpers.AntiforgeryToken(form);
        Dictionary<string, string> Fields(string colour) => new()
        {
            ["Input.Theme"] = "department", ["Input.DisplayName"] = "后台预览名称", ["Input.MainColour"] = colour,
            ["Input.Rows[0].ColumnId"] = site.NewsColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Rows[0].InNav"] = "true", ["Input.Rows[0].OnHome"] = "true", ["Input.Rows[0].Count"] = "5",
            ["__RequestVerificationToken"] = token,
        };

        var refused = await admin.PostAsync(url + "?handler=Save", new FormUrlEncodedContent(Fields("#ffcc00")));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("主色太浅");

        var saved = await admin.PostAsync(url + "?handler=Save", new FormUrlEncodedContent(Fields("#0b4f8a")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var visitor = site.ClientForHost(PublicSiteFixture.Host);
        (await visitor.GetStringAsync("/")).ShouldNotContain("后台预览名称");
        (await admin.GetStringAsync($"/sites/{PublicSiteFixture.Code}/?preview=theme")).ShouldContain("后台预览名称");

        var published = await admin.PostAsync(url + "?handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var live = await visitor.GetStringAsync("/");
        live.ShouldContain("后台预览名称");
        live.ShouldContain("theme-department");
    }
}
