using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.ErrorReports;
using GovSite.Interaction;
using GovSite.Tests.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.ErrorReports;

/// <summary>我为政府网站找错 over HTTP on a moved clock: the report and its lookup, bad input, the national platform's entries and CSV, deadlines and figures.</summary>
public class ErrorReportsTests(DisclosureFactory app) : IClassFixture<DisclosureFactory>
{
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<int> CountAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.CountAsync());

    [Fact]
    public async Task A_report_gets_a_number_query_code_and_a_two_working_day_deadline_that_skips_the_may_day_holiday()
    {
        // Thursday 30 April 2026: 1–5 May are the holiday, Saturday 9 May a 调休 working day.
        app.Clock.SetChina(2026, 4, 30);
        using var client = app.CreateClient();
        var receipt = await BodyAsync(await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports", new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/articles/12", quotedText = "2025年", kind = "Content", description = "发布日期写错了。",
        }), HttpStatusCode.Created);
        var number = receipt.GetProperty("number").GetString()!;
        var code = receipt.GetProperty("queryCode").GetString()!;
        receipt.GetProperty("dueDate").GetString().ShouldBe("2026-05-07");

        var status = await BodyAsync(await client.GetAsync($"/api/v1/error-reports/{number}?queryCode={code}"), HttpStatusCode.OK);
        status.GetProperty("status").GetString().ShouldBe("open");
        (await client.GetAsync($"/api/v1/error-reports/{number}?queryCode=WRONG234")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The code is posted on the lookup page, never read from the address: a link with it shows nothing.
        using var visitor = app.ClientForHost("zrzyj.gk.test.gov.cn");
        (await visitor.GetStringAsync($"/error-reports/lookup?number={number}&queryCode={code}")).ShouldNotContain("2026-05-07");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_chinese_messages_naming_each_field_and_nothing_is_stored()
    {
        app.Clock.SetChina(2026, 5, 6);
        var before = await CountAsync();
        using var client = app.CreateClient();
        var problem = await BodyAsync(await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports", new
        {
            pageUrl = "javascript:alert(1)", description = " ", phone = "12",
        }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("pageUrl")[0].GetString()!.ShouldContain("网址");
        errors.GetProperty("description")[0].GetString()!.ShouldContain("问题");
        errors.GetProperty("phone")[0].GetString()!.ShouldContain("电话");
        errors.GetProperty("kind")[0].GetString()!.ShouldContain("类型");
        (await CountAsync()).ShouldBe(before);

        // The form page keeps what was typed and names the fields in Chinese.
        using var visitor = app.ClientForHost("zrzyj.gk.test.gov.cn");
        var form = await visitor.GetStringAsync("/error-reports/new?url=https%3A%2F%2Fzrzyj.gk.test.gov.cn%2F");
        form.ShouldContain("https://zrzyj.gk.test.gov.cn/");
        (await client.PostAsJsonAsync("/api/v1/sites/0000000000/error-reports", new { pageUrl = "https://x.gov.cn/", kind = "Content", description = "错了" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task National_platform_reports_keep_their_numbers_a_repeat_is_refused_and_the_csv_import_reports_bad_lines()
    {
        app.Clock.SetChina(2026, 5, 8);
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        var entered = await BodyAsync(await staff.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports/national", new
        {
            externalNumber = "JC2026050700123", receivedOn = "2026-05-07", pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Link", description = "首页链接失效。",
        }), HttpStatusCode.Created);
        // Thursday 7 May + 2 working days: Friday, then Saturday 9 May, a 调休 working day.
        entered.GetProperty("dueDate").GetString().ShouldBe("2026-05-09");
        var again = await BodyAsync(await staff.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports/national", new
        {
            externalNumber = "JC2026050700123", receivedOn = "2026-05-07", pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Link", description = "首页链接失效。",
        }), HttpStatusCode.BadRequest);
        again.GetProperty("errors").GetProperty("externalNumber")[0].GetString()!.ShouldContain("已经登记过");

        var csv = "编号,网站标识码,页面地址,问题类型,问题描述,收到日期,引用内容\n" +
                  $"JC2026050700123,{DisclosureFactory.DepartmentCode},https://zrzyj.gk.test.gov.cn/,链接错误,首页链接失效。,2026-05-07,\n" +
                  $"JC2026050700124,{DisclosureFactory.DepartmentCode},https://zrzyj.gk.test.gov.cn/a,内容错误,\"错别字，「」和\"\"引号\"\"\",2026-05-07,原文\n" +
                  "JC2026050700125,9999999999,https://x.gov.cn/,其他,不在本平台,2026-05-07,\n" +
                  $"JC2026050700126,{DisclosureFactory.DepartmentCode},https://zrzyj.gk.test.gov.cn/b,内容错误,日期不对,五月七日,\n" +
                  // Another department's report: this editor may not enter it, whatever the file says.
                  $"JC2026050700127,{DisclosureFactory.OtherDepartmentCode},https://other.gk.test.gov.cn/,内容错误,不是本单位的网站,2026-05-07,\n";
        var imported = await BodyAsync(await staff.PostAsync("/api/v1/error-reports/import", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        imported.GetProperty("imported").GetInt32().ShouldBe(1);
        imported.GetProperty("skipped").GetInt32().ShouldBe(1);
        var problems = imported.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("message").GetString()!)).ToList();
        problems.Select(p => p.Item1).ShouldBe([4, 5, 6]);
        problems[0].Item2.ShouldContain("不是本平台上的网站");
        problems[1].Item2.ShouldContain("收到日期");
        problems[2].Item2.ShouldContain("没有登记本网站找错留言的权限");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.IgnoreQueryFilters().AnyAsync(r => r.ExternalNumber == "JC2026050700127")))
            .ShouldBeFalse();
        var quoted = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.SingleAsync(r => r.ExternalNumber == "JC2026050700124"));
        quoted.Description.ShouldBe("错别字，「」和\"引号\"");

        // A hostile file is a bad file, not a crash.
        (await staff.PostAsync("/api/v1/error-reports/import", new ByteArrayContent([0xFF, 0xFE, 0x00, 0x22, 0x0A, 0x22]))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_late_report_is_reminded_escalated_to_the_supervisor_and_counted_in_the_regions_figures()
    {
        app.Clock.SetChina(2026, 6, 1);
        using var client = app.CreateClient();
        var number = (await BodyAsync(await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.OtherDepartmentCode}/error-reports", new
        {
            pageUrl = "https://jyj.gk.test.gov.cn/", kind = "NotUpdated", description = "招生栏目两个月未更新。",
        }), HttpStatusCode.Created)).GetProperty("number").GetString()!;
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());
        var sweep = app.Services.GetRequiredService<DeadlineAlerts>();
        async Task<List<AlertKind>> AlertsAsync() => await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().DeadlineAlerts
            .Where(a => a.Work == ErrorReportDeadlines.Work && a.ItemId == id).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());

        app.Clock.SetChina(2026, 6, 2);
        await sweep.RunOnceAsync(default);
        (await AlertsAsync()).ShouldBe([AlertKind.Reminder]);
        app.Clock.SetChina(2026, 6, 4);
        await sweep.RunOnceAsync(default);
        await sweep.RunOnceAsync(default);
        (await AlertsAsync()).ShouldBe([AlertKind.Reminder, AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor]);

        using var other = await app.ClientWithTokenAsync("other-editor", DisclosureFactory.Password);
        (await other.PostAsJsonAsync($"/api/v1/error-reports/{number}/reply", new { reply = "已更新。" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var supervisor = await app.ClientWithTokenAsync("supervisor", DisclosureFactory.Password);
        var regionCode = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Regions.Where(r => r.Id == app.Portal.RegionId).Select(r => r.Code).SingleAsync());
        var figures = await BodyAsync(await supervisor.GetAsync($"/api/v1/regions/{regionCode}/error-reports/figures?year=2026&quarter=2"), HttpStatusCode.OK);
        var site = figures.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("code").GetString() == DisclosureFactory.OtherDepartmentCode);
        site.GetProperty("figures").GetProperty("closed").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        site.GetProperty("figures").GetProperty("closedOnTime").GetInt32().ShouldBeLessThan(site.GetProperty("figures").GetProperty("closed").GetInt32());
        (await supervisor.GetAsync($"/api/v1/regions/{regionCode}/error-reports/figures?year=2026&quarter=7")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_report_of_a_counterfeit_site_opens_a_case_with_the_report_as_evidence_and_a_second_one_joins_it()
    {
        app.Clock.SetChina(2026, 7, 1);
        using var client = app.CreateClient();
        var url = $"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports";
        // 假冒网站 needs the fake site's address, and a domain of the platform is no fake; nothing is stored then.
        var before = await CountAsync();
        var missing = await BodyAsync(await client.PostAsJsonAsync(url, new { pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Counterfeit", description = "有人冒充本局网站。" }),
            HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("counterfeitUrl")[0].GetString()!.ShouldContain("请填写假冒网站的网址");
        var own = await BodyAsync(await client.PostAsJsonAsync(url, new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Counterfeit", description = "有人冒充本局网站。", counterfeitUrl = "https://zrzyj.gk.test.gov.cn/",
        }), HttpStatusCode.BadRequest);
        own.GetProperty("errors").GetProperty("counterfeitUrl")[0].GetString()!.ShouldContain("是本平台登记的政府网站域名");
        (await CountAsync()).ShouldBe(before);

        var first = await BodyAsync(await client.PostAsJsonAsync(url, new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Counterfeit", description = "冒用自然资源局名义收取登记费。", counterfeitUrl = "http://zrzyj-gk.test-gov.cn.com/pay",
        }), HttpStatusCode.Created);
        var second = await BodyAsync(await client.PostAsJsonAsync(url, new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Counterfeit", description = "同一假冒网站又发布了通知。", counterfeitUrl = "zrzyj-gk.test-gov.cn.com",
        }), HttpStatusCode.Created);
        var (cases, evidence, reportIds) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var cases = await db.CounterfeitCases.Where(c => c.Host == "zrzyj-gk.test-gov.cn.com").ToListAsync();
            var ids = cases.Select(c => c.Id).ToList();
            var evidence = await db.CounterfeitEvidence.Where(e => ids.Contains(e.CaseId)).OrderBy(e => e.Id).Select(e => e.Content).ToListAsync();
            var numbers = new[] { first.GetProperty("number").GetString(), second.GetProperty("number").GetString() };
            var reportIds = await db.ErrorReports.Where(r => numbers.Contains(r.Number)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            return (cases, evidence, reportIds);
        });
        var only = cases.ShouldHaveSingleItem();
        (only.Source, only.ErrorReportId, only.Status).ShouldBe((GovSite.Supervision.CounterfeitSource.Public, reportIds[0], GovSite.Supervision.CounterfeitStatus.Open));
        only.RegionId.ShouldBe(app.Portal.RegionId);
        evidence.Count.ShouldBe(2);
        evidence[0].ShouldContain(first.GetProperty("number").GetString()!);
        evidence[0].ShouldContain("冒用自然资源局名义收取登记费。");
        evidence[1].ShouldContain("同一假冒网站又发布了通知。");
    }

    [Fact]
    public async Task The_supervisors_desk_counts_reports_past_their_due_date_and_not_closed_as_late()
    {
        app.Clock.SetChina(2026, 9, 1);
        var regionCode = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Regions.Where(r => r.Id == app.Portal.RegionId).Select(r => r.Code).SingleAsync());
        Task<int?> LateAsync() => app.AsSystemAsync(async sp => (await sp.GetRequiredService<GovSite.Supervision.SupervisorDesk>().FiguresAsync(regionCode))!.LateErrorReports);
        var before = await LateAsync();
        before.ShouldNotBeNull();
        using var client = app.CreateClient();
        var number = (await BodyAsync(await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports", new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/", kind = "Link", description = "下载链接打不开。",
        }), HttpStatusCode.Created)).GetProperty("number").GetString()!;
        (await LateAsync()).ShouldBe(before);
        // Due Thursday 3 September; on Friday the 4th it is late, until it is answered.
        app.Clock.SetChina(2026, 9, 4);
        (await LateAsync()).ShouldBe(before + 1);
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        (await staff.PostAsJsonAsync($"/api/v1/error-reports/{number}/reply", new { reply = "链接已修复。" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LateAsync()).ShouldBe(before);
    }
}
