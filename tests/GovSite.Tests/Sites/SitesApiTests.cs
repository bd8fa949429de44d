using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Sites;

public class SitesApiTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private async Task<(string RegionCode, int UnitId)> RegistryAsync(HttpClient admin, string regionCode)
    {
        var regions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        if (!regions.EnumerateArray().Any(r => r.GetProperty("code").GetString() == regionCode))
        {
            var region = await admin.PostAsJsonAsync("/api/v1/regions", new { code = regionCode, name = "测试乙市", level = "City" });
            region.StatusCode.ShouldBe(HttpStatusCode.OK, await region.Content.ReadAsStringAsync());
        }
        var unit = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "测试乙市人民政府办公室", regionCode });
        unit.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (regionCode, (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Creating_a_department_site_provisions_its_columns_and_lists_it()
    {
        using var admin = await app.AdminClientAsync();
        var (region, unit) = await RegistryAsync(admin, "320500");
        var response = await admin.PostAsJsonAsync("/api/v1/sites", new
        {
            code = "3205000001",
            name = "测试乙市教育局",
            type = "Department",
            level = "City",
            status = "Online",
            regionCode = region,
            hostUnitId = unit,
            domains = new[] { "jyj.testb.gov.cn", "测试乙市教育局.政务" },
            mainDomain = "jyj.testb.gov.cn",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var sites = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var site = sites.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "3205000001");
        site.GetProperty("name").GetString().ShouldBe("测试乙市教育局");
        site.GetProperty("type").GetString().ShouldBe("department");
        site.GetProperty("level").GetString().ShouldBe("city");
        site.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).ShouldBe(["jyj.testb.gov.cn", "测试乙市教育局.政务"]);
        site.GetProperty("url").GetString().ShouldBe("http://localhost/sites/3205000001/");

        var columns = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sites/3205000001/columns");
        var names = columns.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        names.ShouldContain("政府信息公开指南");
        names.ShouldContain("政府信息公开目录");
        names.ShouldContain("政府信息公开年度报告");
        names.ShouldContain("依申请公开");
        names.ShouldContain("政府信息公开意见箱");
        var first = columns.EnumerateArray().First();
        first.TryGetProperty("id", out _).ShouldBeTrue();
        first.TryGetProperty("type", out _).ShouldBeTrue();
        first.TryGetProperty("parentId", out _).ShouldBeTrue();
        first.GetProperty("url").GetString()!.ShouldStartWith("http://localhost/sites/3205000001/columns/");
    }

    [Fact]
    public async Task A_portal_gets_no_disclosure_columns()
    {
        var portal = await app.CreateSiteAsync("3206000001", "测试丙市人民政府", SiteType.Portal);
        var names = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == portal.Id).Select(c => c.Name).ToListAsync());
        names.ShouldContain("要闻动态");
        names.ShouldNotContain("政府信息公开指南");
    }

    [Fact]
    public async Task Invalid_site_input_gets_chinese_messages_per_field_and_writes_nothing()
    {
        using var admin = await app.AdminClientAsync();
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.CountAsync());
        var response = await admin.PostAsJsonAsync("/api/v1/sites", new
        {
            code = "",
            name = "",
            type = "Department",
            level = "City",
            regionCode = "000000",
            domains = new[] { "www.example.com" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("code")[0].GetString().ShouldBe("请填写网站标识码");
        errors.GetProperty("name")[0].GetString().ShouldBe("请填写网站名称");
        errors.GetProperty("regionCode")[0].GetString()!.ShouldContain("所属地区不存在");
        errors.GetProperty("domains")[0].GetString()!.ShouldContain(".gov.cn");
        errors.GetProperty("hostUnitId")[0].GetString()!.ShouldContain("主办单位");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_odd_site_code_is_saved_with_a_warning_for_review()
    {
        using var admin = await app.AdminClientAsync();
        var (region, unit) = await RegistryAsync(admin, "320700");
        var response = await admin.PostAsJsonAsync("/api/v1/sites", new
        {
            code = "JS-OLD-0001",
            name = "测试丁市人民政府",
            type = "Portal",
            level = "City",
            regionCode = region,
            hostUnitId = unit,
            domains = new[] { "www.testd.gov.cn" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var site = await response.Content.ReadFromJsonAsync<JsonElement>();
        site.GetProperty("codeWarning").GetString()!.ShouldContain("人工复核");
    }

    [Fact]
    public async Task A_domain_already_in_use_is_refused()
    {
        await app.CreateSiteAsync("3208000001", "测试戊市人民政府", SiteType.Portal, "www.teste.gov.cn");
        using var admin = await app.AdminClientAsync();
        var (region, unit) = await RegistryAsync(admin, "320800");
        var response = await admin.PostAsJsonAsync("/api/v1/sites", new
        {
            code = "3208000002", name = "测试戊市某局", type = "Department", level = "City", regionCode = region, hostUnitId = unit,
            domains = new[] { "WWW.TESTE.GOV.CN" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已被其他网站使用");
    }

    [Fact]
    public async Task Writing_without_a_token_is_refused_and_reading_is_public()
    {
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/sites")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await anonymous.PostAsJsonAsync("/api/v1/sites", new { code = "3209000001" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/sites", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/sites/{code}/columns", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/sites/{code}/columns/{id}/articles", out _).ShouldBeTrue();
    }
}
