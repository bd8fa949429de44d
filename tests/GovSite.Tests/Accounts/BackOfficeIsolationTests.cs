using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovSite.Tests.Accounts;

/// <summary>The same isolation as the API, through the back-office pages with a signed-in cookie.</summary>
public partial class BackOfficeIsolationTests(TwoSitesFixture app) : IClassFixture<TwoSitesFixture>
{
    private async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/admin/login");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [Fact]
    public async Task An_editor_cannot_open_another_sites_back_office_pages()
    {
        using var editorA = await SignInAsync("editor-a", TwoSitesFixture.Password);
        (await editorA.GetAsync($"/admin/sites/{app.SiteA.Id}/articles")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await editorA.GetAsync($"/admin/sites/{app.SiteB.Id}/articles");
        list.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await list.Content.ReadAsStringAsync()).ShouldNotContain("乙局内部草稿");
        var draft = await editorA.GetAsync($"/admin/articles/{app.DraftB}/edit");
        draft.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await draft.Content.ReadAsStringAsync()).ShouldNotContain("乙局内部草稿");
        (await editorA.GetAsync($"/admin/sites/{app.SiteB.Id}/edit")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await editorA.GetAsync("/admin/users")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_dashboard_lists_only_the_editors_own_site()
    {
        using var editorA = await SignInAsync("editor-a", TwoSitesFixture.Password);
        var html = await editorA.GetStringAsync("/admin");
        html.ShouldContain("测试甲局");
        html.ShouldNotContain("测试乙局");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/admin/sites");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/admin/login");
    }

    [Fact]
    public async Task A_wrong_password_on_the_login_form_is_explained_in_chinese()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "editor-b",
            ["Password"] = "wrong",
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
    }
}
