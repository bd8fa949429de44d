using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Tests.Disclosure;
using GovSite.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>
/// 千人千网: the citizen's information requests (依申请公开) and error reports (找错) on their page
/// with their status: made while signed in they are there by themselves; made before, they are
/// claimed with number and query code; another citizen never sees them; deleting the account
/// unlinks them and keeps the sites' records.
/// </summary>
public class RequestsAndReportsTests(CitizensFactory app) : IClassFixture<CitizensFactory>
{
    private const string Dept = ServicesFactory.DepartmentCode;

    private async Task<BackOfficeSession> SignedInAsync(string name) => (await app.SignedInCitizenAsync(name)).Session;

    private sealed record Receipt(string Number, string QueryCode);

    private async Task<Receipt> ApplyAnonymouslyAsync(string description)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{Dept}/information-requests", DisclosureFactory.Application(description: description));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    private async Task<Receipt> ReportAnonymouslyAsync(string description)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{Dept}/error-reports", new
        {
            pageUrl = $"http://{ServicesFactory.DepartmentHost}/services/{CitizensFactory.GuideCode}", kind = "Content", description,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    [Fact]
    public async Task A_request_and_a_report_made_while_signed_in_are_on_the_page_with_their_status_and_links()
    {
        using var session = await SignedInAsync("林一");
        var apply = await session.OpenAsync($"/sites/{Dept}/disclosure/apply");
        var applied = await session.SubmitWithFilesAsync(apply.Form("form.request-form"), new()
        {
            ["Input.ApplicantKind"] = "NaturalPerson", ["Input.Name"] = "林一", ["Input.IdKind"] = "ResidentIdCard", ["Input.IdNumber"] = "110101199003070038",
            ["Input.Phone"] = "13800002222", ["Input.Email"] = "lin.yi@example.cn", ["Input.Description"] = "请公开本局2025年最低生活保障资金发放情况。",
            ["Input.Delivery"] = "Email",
        }, ("IdImage", "身份证.png", DisclosureFactory.Png));
        var appliedHtml = await applied.Content.ReadAsStringAsync();
        applied.StatusCode.ShouldBe(HttpStatusCode.OK, appliedHtml);
        var requestNumber = System.Text.RegularExpressions.Regex.Match(appliedHtml, "GK[0-9]+").Value;
        requestNumber.ShouldNotBeEmpty(appliedHtml);

        var report = await session.OpenAsync($"/sites/{Dept}/error-reports/new");
        var reported = await session.SubmitAsync(report.Form("form.message-form"), new()
        {
            ["Input.PageUrl"] = $"http://{ServicesFactory.DepartmentHost}/services/{CitizensFactory.GuideCode}", ["Input.Kind"] = "Content",
            ["Input.Description"] = "办理地点的门牌号写错了。",
        });
        var reportedHtml = await reported.Content.ReadAsStringAsync();
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, reportedHtml);
        var reportNumber = System.Text.RegularExpressions.Regex.Match(reportedHtml, "<strong id=\"number\">([^<]+)</strong>").Groups[1].Value;
        reportNumber.ShouldNotBeEmpty(reportedHtml);

        var home = await session.OpenAsync(CitizensFactory.Account());
        var requests = home.Document.QuerySelector("section[aria-labelledby=requests-title] table")!;
        requests.TextContent.ShouldContain(requestNumber);
        requests.TextContent.ShouldContain("请公开本局2025年最低生活保障资金发放情况。");
        requests.TextContent.ShouldContain("办理中");
        requests.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/sites/{Dept}/disclosure/lookup?number={requestNumber}");
        var reports = home.Document.QuerySelector("section[aria-labelledby=reports-title] table")!;
        reports.TextContent.ShouldContain(reportNumber);
        reports.TextContent.ShouldContain("内容错误");
        reports.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/sites/{Dept}/error-reports/lookup?number={reportNumber}");
        // The status page opens with the number filled in; the query code is still asked.
        var lookup = await session.OpenAsync($"/sites/{Dept}/disclosure/lookup?number={requestNumber}");
        lookup.Form("form.message-form")["Number"].ShouldBe(requestNumber);

        // The staff answer: the page follows.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return await db.ErrorReports.Where(r => r.Number == reportNumber)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, GovSite.ErrorReports.ErrorReportStatus.Answered));
        });
        (await session.OpenAsync(CitizensFactory.Account())).Document.QuerySelector("section[aria-labelledby=reports-title] table")!.TextContent
            .ShouldContain("已办结");
    }

    [Fact]
    public async Task Earlier_ones_are_claimed_with_number_and_query_code_and_another_citizen_never_sees_them()
    {
        var request = await ApplyAnonymouslyAsync("请公开2025年临时救助审批名单的统计数字。");
        var report = await ReportAnonymouslyAsync("联系电话打不通。");
        using var owner = await SignedInAsync("郑二");
        using var other = await SignedInAsync("王三");

        var home = await owner.OpenAsync(CitizensFactory.Account());
        // A wrong code adds nothing and says which field.
        var wrong = await owner.SubmitAsync(home.Handler("ClaimRequest"), new() { ["RequestNumber"] = request.Number, ["RequestCode"] = "WRONG123" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        wrongHtml.ShouldContain("申请编号或查询码不正确");
        wrongHtml.ShouldContain($"value=\"{request.Number}\"");
        var wrongReport = await owner.SubmitAsync(home.Handler("ClaimReport"), new() { ["ReportNumber"] = report.Number, ["ReportCode"] = request.QueryCode });
        wrongReport.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongReport.Content.ReadAsStringAsync()).ShouldContain("找错编号或查询码不正确");

        (await (await owner.SubmitAsync(home.Handler("ClaimRequest"), new() { ["RequestNumber"] = request.Number.ToLowerInvariant(), ["RequestCode"] = request.QueryCode }))
            .Content.ReadAsStringAsync()).ShouldContain("政府信息公开申请已添加到个人中心");
        (await (await owner.SubmitAsync(home.Handler("ClaimReport"), new() { ["ReportNumber"] = report.Number, ["ReportCode"] = report.QueryCode }))
            .Content.ReadAsStringAsync()).ShouldContain("找错留言已添加到个人中心");
        // Claimed twice: still one line.
        await owner.SubmitAsync(home.Handler("ClaimRequest"), new() { ["RequestNumber"] = request.Number, ["RequestCode"] = request.QueryCode });

        var ownerPage = await owner.OpenAsync(CitizensFactory.Account());
        ownerPage.Document.QuerySelectorAll("section[aria-labelledby=requests-title] tbody tr").Count(r => r.TextContent.Contains(request.Number)).ShouldBe(1);
        ownerPage.Html.ShouldContain(report.Number);
        var otherPage = await other.OpenAsync(CitizensFactory.Account());
        otherPage.Html.ShouldNotContain(request.Number);
        otherPage.Html.ShouldNotContain(report.Number);
        otherPage.Html.ShouldNotContain("临时救助审批名单");
    }

    [Fact]
    public async Task Deleting_the_account_unlinks_requests_and_reports_and_the_sites_keep_them()
    {
        var request = await ApplyAnonymouslyAsync("请公开2025年城乡低保标准调整文件。");
        var report = await ReportAnonymouslyAsync("页面上的文号有误。");
        using var session = await SignedInAsync("何四");
        var home = await session.OpenAsync(CitizensFactory.Account());
        await session.SubmitAsync(home.Handler("ClaimRequest"), new() { ["RequestNumber"] = request.Number, ["RequestCode"] = request.QueryCode });
        await session.SubmitAsync(home.Handler("ClaimReport"), new() { ["ReportNumber"] = report.Number, ["ReportCode"] = report.QueryCode });
        var citizenId = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var requestId = await db.InformationRequests.IgnoreQueryFilters().Where(r => r.Number == request.Number).Select(r => r.Id).SingleAsync();
            return await db.CitizenRequests.Where(c => c.RequestId == requestId).Select(c => c.CitizenId).SingleAsync();
        });

        var delete = await session.OpenAsync(CitizensFactory.Account("/delete"));
        await session.SubmitAsync(delete.Form("form.account-form"), new() { ["Confirm"] = "true" });

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            (await db.Citizens.AnyAsync(c => c.Id == citizenId)).ShouldBeFalse();
            (await db.CitizenRequests.AnyAsync(c => c.CitizenId == citizenId)).ShouldBeFalse();
            (await db.CitizenErrorReports.AnyAsync(c => c.CitizenId == citizenId)).ShouldBeFalse();
            (await db.InformationRequests.IgnoreQueryFilters().AnyAsync(r => r.Number == request.Number)).ShouldBeTrue();
            (await db.ErrorReports.IgnoreQueryFilters().AnyAsync(r => r.Number == report.Number)).ShouldBeTrue();
            return 0;
        });
        // The public lookup still answers with number and query code.
        using var client = app.CreateClient();
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/information-requests/{request.Number}?queryCode={request.QueryCode}");
        status.GetProperty("status").GetString().ShouldNotBeNullOrEmpty();
    }
}
