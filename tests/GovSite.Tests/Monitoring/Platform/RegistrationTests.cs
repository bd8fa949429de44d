using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovSite.Data;
using GovSite.Monitoring.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Monitoring.Platform;

public class RegistrationTests(MonitoringFactory app) : IClassFixture<MonitoringFactory>
{
    private Task ReconcileAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync());

    private async Task<int> RegionIdAsync(string code) =>
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Regions.Where(r => r.Code == code).Select(r => r.Id).FirstAsync());

    [Fact]
    public async Task Every_hosted_site_is_registered_and_a_new_one_follows()
    {
        await ReconcileAsync();
        var (sites, hosted) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return (await db.Sites.CountAsync(), await db.MonitoredSites.CountAsync(m => m.SiteId != null));
        });
        sites.ShouldBeGreaterThan(0);
        hosted.ShouldBe(sites);

        var site = await app.CreateSiteAsync("3799000001", "监测登记测试局", GovSite.Sites.SiteType.Department, "reg.test.gov.cn");
        await ReconcileAsync();
        await ReconcileAsync();
        var monitored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().MonitoredSites.SingleAsync(m => m.SiteId == site.Id));
        monitored.Url.ShouldBe("https://reg.test.gov.cn/");
        monitored.Name.ShouldBe("监测登记测试局");
        monitored.RegionId.ShouldBe(site.RegionId);
        monitored.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_supervisor_adds_an_external_site_by_url_and_is_told_what_is_wrong()
    {
        await app.CreateSiteAsync("3798000001", "外部网站登记测试局", GovSite.Sites.SiteType.Department, "ext-reg.test.gov.cn");
        await app.CreateSupervisorAsync("sup-reg", "Supervisor123x", await RegionIdAsync("379800"));
        using var client = await app.SignInAsync("sup-reg", "Supervisor123x");

        async Task<HttpResponseMessage> PostAsync(string url, string name, string region)
        {
            var form = await client.GetStringAsync("/admin/monitoring/sites/new");
            return await client.PostAsync("/admin/monitoring/sites/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Url"] = url, ["Input.Name"] = name, ["Input.RegionCode"] = region,
                ["__RequestVerificationToken"] = MonitoringFactory.Token(form),
            }));
        }

        var bad = await PostAsync("ftp://nowhere", "", "110000");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await bad.Content.ReadAsStringAsync();
        page.ShouldContain("网址“ftp://nowhere”无效");
        page.ShouldContain("请填写网站名称");

        var added = await PostAsync("www.waibu.gov.cn", "外部县人民政府", "379800");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = added.Headers.Location!.ToString();
        location.ShouldStartWith("/admin/monitoring/sites/");
        (await client.GetStringAsync(location)).ShouldContain("https://www.waibu.gov.cn/");

        var again = await PostAsync("https://www.waibu.gov.cn/", "外部县人民政府", "379800");
        (await again.Content.ReadAsStringAsync()).ShouldContain("该网址已在监测名单中");

        // Another region's list is not this supervisor's to add to.
        await app.CreateSiteAsync("3797000009", "别的地区局", GovSite.Sites.SiteType.Department, "other-reg.test.gov.cn");
        var elsewhere = await PostAsync("https://www.bieren.gov.cn/", "别人的网站", "379700");
        (await elsewhere.Content.ReadAsStringAsync()).ShouldContain("不在您的监管范围内");
    }

    [Fact]
    public async Task A_csv_file_adds_the_good_lines_and_reports_each_bad_line_in_chinese()
    {
        await app.CreateSiteAsync("3795000001", "批量导入测试局", GovSite.Sites.SiteType.Department, "csv-reg.test.gov.cn");
        await app.CreateSupervisorAsync("sup-csv", "Supervisor123x", await RegionIdAsync("379500"));
        using var client = await app.SignInAsync("sup-csv", "Supervisor123x");
        var csv = """
            网址,名称,地区代码
            https://www.a-csv.gov.cn/,甲县人民政府,379500
            not a url,乙县人民政府,379500
            https://www.c-csv.gov.cn/,,379500
            https://www.d-csv.gov.cn/,丁县人民政府,999999
            https://www.a-csv.gov.cn/,甲县重复,379500
            "https://www.e-csv.gov.cn/","戊县人民政府，含逗号",379500
            """;
        var form = await client.GetStringAsync("/admin/monitoring/import");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "sites.csv");
        content.Add(new StringContent(MonitoringFactory.Token(form)), "__RequestVerificationToken");
        var response = await client.PostAsync("/admin/monitoring/import", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();

        page.ShouldContain("已添加 2 个网站，4 行未添加");
        page.ShouldContain("第 3 行：网址“not a url”无效");
        page.ShouldContain("第 4 行：请填写网站名称");
        page.ShouldContain("第 5 行：所属地区不存在");
        page.ShouldContain("第 6 行：网址与本文件前面的行重复");
        var names = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().MonitoredSites
            .Where(m => m.Url.Contains("-csv.gov.cn")).OrderBy(m => m.Url).Select(m => m.Name).ToListAsync());
        names.ShouldBe(["甲县人民政府", "戊县人民政府，含逗号"]);
    }
}
