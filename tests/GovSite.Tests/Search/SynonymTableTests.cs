using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The 通俗语言 synonym table lives in the database and is edited in the back office.</summary>
public partial class SynonymTableTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private sealed class SecondNode(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GOVSITE_DB", database.PostgresConnection);
            builder.UseSetting("GOVSITE_DATA", Path.Combine(database.DataDirectory, "node-b"));
            builder.UseSetting("GOVSITE_QUIET", "true");
            builder.UseSetting("GOVSITE_NO_DEMO", "true");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync("/admin/search/synonyms");
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<List<string?>> TitlesAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}"))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString())];

    private async Task PublishAsync(string code, string title)
    {
        var site = await app.CreateSiteAsync(code, $"同义词测试局{code[^2..]}");
        var column = await app.ColumnIdAsync(site.Id, "工作动态");
        await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null,
            new ArticleInput { Publish = true, ColumnId = column, Title = title, Body = "<p>正文</p>" })).Value!.Id);
    }

    [Fact]
    public async Task The_shipped_synonyms_are_in_the_table_from_the_first_start()
    {
        var rules = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchSynonyms.ToListAsync());
        rules.ShouldContain(r => r.Everyday == "生孩子" && r.Official.Split('|', StringSplitOptions.None).Contains("生育"));
        rules.Count.ShouldBe(SearchVocabulary.ShippedRules().Count());
    }

    [Fact]
    public async Task A_rule_saved_in_the_back_office_widens_the_next_search_and_deleting_it_narrows_it_again()
    {
        await PublishAsync("3708000001", "候鸟迁徙观测站今日开放");
        using var anonymous = app.CreateClient();
        (await TitlesAsync(anonymous, "看鸟")).ShouldBeEmpty();

        using var admin = await SignInAsync("admin", GovSiteFactory.AdminPassword);
        (await PostAsync(admin, "/admin/search/synonyms", new() { ["Input.Everyday"] = "看鳥", ["Input.Official"] = "候鸟迁徙、观鸟" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TitlesAsync(anonymous, "看鸟")).ShouldBe(["候鸟迁徙观测站今日开放"]);
        (await TitlesAsync(anonymous, "我想看鸟")).ShouldContain("候鸟迁徙观测站今日开放");
        (await admin.GetStringAsync("/admin/search/synonyms")).ShouldContain("候鸟迁徙、观鸟");

        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchSynonyms.Where(s => s.Everyday == "看鳥").Select(s => s.Id).SingleAsync());
        (await PostAsync(admin, "/admin/search/synonyms?handler=Delete", new() { ["deleteId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TitlesAsync(anonymous, "看鸟")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rule_needs_an_official_term_and_an_everyday_word_is_listed_once()
    {
        using var admin = await SignInAsync("admin", GovSiteFactory.AdminPassword);
        var empty = await PostAsync(admin, "/admin/search/synonyms", new() { ["Input.Everyday"] = "办证", ["Input.Official"] = "、 ，" });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请填写至少一个规范用语");

        var duplicate = await PostAsync(admin, "/admin/search/synonyms", new() { ["Input.Everyday"] = "社保", ["Input.Official"] = "社会保障" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("已在同义词表中");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchSynonyms.SingleAsync(s => s.Everyday == "社保"))).Official.ShouldBe("社会保险");
    }

    [Fact]
    public async Task Site_admins_may_not_edit_the_platform_synonym_table()
    {
        var site = await app.CreateSiteAsync("3708000002", "同义词权限局");
        await app.CreateUserAsync("syn-site-admin", "Admin12345x", (Role.SiteAdmin, site.Id));
        using var client = await SignInAsync("syn-site-admin", "Admin12345x");
        var page = await client.GetAsync("/admin/search/synonyms");
        page.IsSuccessStatusCode.ShouldBeFalse();
        var login = await client.GetStringAsync("/admin/search/answers");
        var post = await client.PostAsync("/admin/search/synonyms", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Everyday"] = "越权说法",
            ["Input.Official"] = "越权用语",
            ["__RequestVerificationToken"] = Antiforgery().Match(login).Groups[1].Value,
        }));
        post.IsSuccessStatusCode.ShouldBeFalse();
        (post.Headers.Location?.ToString() ?? "").ShouldNotBe("/admin/search/synonyms");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchSynonyms.AnyAsync(s => s.Everyday == "越权说法"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_rule_saved_on_one_node_applies_on_the_other_without_a_restart()
    {
        if (!TestDatabase.OnPostgres)
        {
            return; // SQLite: one process by design, covered by the test above
        }
        await PublishAsync("3708000003", "古树名木保护名录公布");
        await using var nodeB = new SecondNode(app.Database);
        using var onB = nodeB.CreateClient();
        (await TitlesAsync(onB, "老树")).ShouldBeEmpty();

        using var admin = await SignInAsync("admin", GovSiteFactory.AdminPassword);
        (await PostAsync(admin, "/admin/search/synonyms", new() { ["Input.Everyday"] = "老树", ["Input.Official"] = "古树名木" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var titles = new List<string?>();
        for (var i = 0; i < 50 && titles.Count == 0; i++)
        {
            await Task.Delay(100);
            titles = await TitlesAsync(onB, "老树");
        }
        titles.ShouldBe(["古树名木保护名录公布"]);
    }
}
