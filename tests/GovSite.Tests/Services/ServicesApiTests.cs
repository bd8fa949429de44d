using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>The catalogue, guide and 好差评 API, over a real database.</summary>
public class ServicesApiTests(ServicesFactory app) : IClassFixture<ServicesFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (!await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.AnyAsync(i => i.Code == "A001")))
        {
            await app.PublishedAsync(ServicesFactory.CompleteGuide("A001", "最低生活保障金申领"));
            var enterprise = ServicesFactory.CompleteGuide("A002", "养老机构备案");
            (enterprise.ForPersons, enterprise.ForEnterprises, enterprise.LifeEvents, enterprise.BusinessEvents, enterprise.Themes) =
                (false, true, [], ["准营"], ["准营准办"]);
            await app.PublishedAsync(enterprise);
            await app.AsUserAsync("other-editor", async sp =>
            {
                var editor = sp.GetRequiredService<ServiceEditor>();
                var created = await editor.CreateAsync(app.Other.Id, ServicesFactory.CompleteGuide("A003", "教师资格认定"));
                (await editor.ActAsync(created.Value!.Id, ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
                return 0;
            });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Item(string Code, string Name, string Type, List<string> Audience, List<string> Themes, string Department, string OnlineDepth, string? HallUrl, string Url);

    private sealed record Catalogue(int Total, List<Item> Items);

    [Fact]
    public async Task The_portal_lists_its_departments_items_and_a_department_only_its_own()
    {
        using var client = app.CreateClient();
        var portal = await client.GetFromJsonAsync<Catalogue>($"/api/v1/sites/{ServicesFactory.PortalCode}/services", Json);
        portal!.Items.Select(i => i.Code).ShouldContain("A001");
        portal.Items.Select(i => i.Code).ShouldContain("A002");
        var other = await client.GetFromJsonAsync<Catalogue>($"/api/v1/sites/{ServicesFactory.OtherCode}/services", Json);
        other!.Total.ShouldBe(0, "A003 is submitted, not published, and the other site shows nobody else's items");
        var a001 = portal.Items.Single(i => i.Code == "A001");
        a001.Type.ShouldBe("payment");
        a001.Audience.ShouldBe(["person"]);
        a001.Themes.ShouldBe(["社会保障"]);
        a001.OnlineDepth.ShouldBe("onlineAcceptance");
        a001.Url.ShouldBe($"/sites/{ServicesFactory.PortalCode}/services/A001");
    }

    [Theory]
    [InlineData("?audience=enterprise", "A002")]
    [InlineData("?audience=person", "A001")]
    [InlineData("?event=准营", "A002")]
    [InlineData("?event=就医", "A001")]
    [InlineData("?theme=社会保障", "A001")]
    [InlineData("?q=养老", "A002")]
    [InlineData("?department=测试服务市民政局&audience=enterprise", "A002")]
    public async Task The_catalogue_narrows_by_audience_event_theme_department_and_words(string query, string only)
    {
        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<Catalogue>($"/api/v1/sites/{ServicesFactory.DepartmentCode}/services{query}", Json);
        body!.Items.Select(i => i.Code).ShouldBe([only]);
        body.Total.ShouldBe(1);
    }

    [Theory]
    [InlineData("?audience=everyone", "audience")]
    [InlineData("?theme=不存在的主题", "theme")]
    [InlineData("?event=毕业旅行", "event")]
    [InlineData("?page=0", "page")]
    public async Task Bad_catalogue_queries_are_refused_with_a_chinese_message_naming_the_field(string query, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/sites/{ServicesFactory.DepartmentCode}/services{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public async Task A_guide_carries_its_ten_elements()
    {
        using var client = app.CreateClient();
        var item = await client.GetFromJsonAsync<JsonElement>("/api/v1/services/A001");
        item.GetProperty("name").GetString().ShouldBe("最低生活保障金申领");
        item.GetProperty("legalBasis").GetString().ShouldBe("《社会救助暂行办法》第九条至第十一条");
        item.GetProperty("conditions").GetString()!.ShouldStartWith("共同生活的家庭成员");
        item.GetProperty("materials")[0].GetProperty("name").GetString().ShouldBe("居民身份证");
        item.GetProperty("materials")[0].GetProperty("formLabel").GetString().ShouldBe("原件和复印件");
        item.GetProperty("location").GetString()!.ShouldContain("民政窗口");
        item.GetProperty("department").GetString().ShouldBe("测试服务市民政局");
        item.GetProperty("fee").GetString().ShouldBe("不收费");
        item.GetProperty("officeHours").GetString()!.ShouldStartWith("法定工作日");
        item.GetProperty("phone").GetString().ShouldBe("0591-12345678");
        item.GetProperty("steps").GetArrayLength().ShouldBe(3);
        item.GetProperty("promisedDays").GetInt32().ShouldBe(20);
        (await client.GetAsync("/api/v1/services/A003")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/services/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rating_counts_in_the_public_figures_and_a_second_one_the_same_day_is_refused()
    {
        using var client = app.CreateClient();
        var bad = await client.PostAsJsonAsync("/api/v1/services/A002/ratings", new { level = 9, comment = "x" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("请选择评价等级");
        var tooLong = await client.PostAsJsonAsync("/api/v1/services/A002/ratings", new { level = "satisfied", comment = new string('好', 501) });
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("不能超过500个字");

        var created = await client.PostAsJsonAsync("/api/v1/services/A002/ratings", new { level = "veryDissatisfied", comment = "窗口说“详见窗口”，跑了三趟 <script>" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.PostAsJsonAsync("/api/v1/services/A002/ratings", new { level = "verySatisfied" });
        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已经评价过");

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/v1/services/A002/ratings/summary");
        summary.GetProperty("total").GetInt32().ShouldBe(1);
        summary.GetProperty("counts").GetProperty("veryDissatisfied").GetInt32().ShouldBe(1);
        summary.GetProperty("satisfiedShare").GetDouble().ShouldBe(0);
        var stored = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var id = await db.ServiceItems.Where(i => i.Code == "A002").Select(i => i.Id).SingleAsync();
            return await db.ServiceRatings.SingleAsync(r => r.ItemId == id);
        });
        stored.Comment.ShouldBe("窗口说“详见窗口”，跑了三趟 <script>");
        stored.ClientHash.Length.ShouldBe(64);
        // The figures are public; the comment is for the item's staff only.
        var page = await client.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services/A002");
        page.ShouldContain("共 <strong id=\"rating-total\">1</strong> 次评价");
        page.ShouldNotContain("跑了三趟");
    }

    [Fact]
    public async Task Use_is_counted_for_hot_services_and_unknown_kinds_are_refused()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/services/A001/uses", new { kind = "hall" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await client.PostAsJsonAsync("/api/v1/services/A001/uses", new { kind = "click" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/services/A003/uses", new { kind = "view" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var visits = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var id = await db.ServiceItems.Where(i => i.Code == "A001").Select(i => i.Id).SingleAsync();
            return await db.ServiceUses.Where(u => u.ItemId == id).SumAsync(u => u.HallVisits);
        });
        visits.ShouldBe(3);
        var hot = await app.AsSystemAsync(sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            return catalogue.HotAsync([app.Department.Id], 5);
        });
        hot.First().Code.ShouldBe("A001");
    }

    [Fact]
    public async Task Every_services_operation_is_described_in_chinese_in_the_openapi_document()
    {
        using var client = app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/sites/{code}/services", "get"), ("/api/v1/services/{code}", "get"), ("/api/v1/services/import", "post"),
            ("/api/v1/services/{code}/ratings", "post"), ("/api/v1/services/{code}/ratings/summary", "get"),
        })
        {
            paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", path);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
