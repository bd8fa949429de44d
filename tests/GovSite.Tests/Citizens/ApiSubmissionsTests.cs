using System.Net;
using System.Net.Http.Json;
using GovSite.Data;
using GovSite.Tests.Disclosure;
using GovSite.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>
/// 千人千网 through the public APIs: an information request and an error report sent with the
/// citizen's cookie are on their page as a form submission would be; the same calls (and a
/// message) without it stay unlinked; another citizen never sees them.
/// </summary>
public class ApiSubmissionsTests(CitizensFactory app) : IClassFixture<CitizensFactory>
{
    private const string Dept = ServicesFactory.DepartmentCode;

    private sealed record Receipt(string? Number, string? Ticket, string QueryCode);

    private async Task<BackOfficeSession> SignedInAsync(string name) => (await app.SignedInCitizenAsync(name)).Session;

    private static async Task<Receipt> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{Dept}/{path}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    private static Task<Receipt> ApplyAsync(HttpClient client, string description) =>
        PostAsync(client, "information-requests", DisclosureFactory.Application(description: description));

    private static Task<Receipt> ReportAsync(HttpClient client, string description) => PostAsync(client, "error-reports", new
    {
        pageUrl = $"http://{ServicesFactory.DepartmentHost}/services/{CitizensFactory.GuideCode}", kind = "Content", description,
    });

    private async Task<Receipt> WriteAsync(HttpClient client, string subject)
    {
        await ConsultationOpenAsync();
        return await PostAsync(client, "messages", new
        {
            channel = "consultation", name = "赵六", phone = "13900001111", subject, text = "请问最低生活保障金每月几号发放？", isPublic = false,
        });
    }

    /// <summary>The department opens its 咨询 channel, as its administrator does in the interaction settings (once: a class's tests run one at a time).</summary>
    private Task<int> ConsultationOpenAsync() => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        if (await db.MessageChannels.AnyAsync(c => c.SiteId == app.Department.Id && c.Kind == GovSite.Interaction.ChannelKind.Consultation))
        {
            return 0;
        }
        db.MessageChannels.Add(new GovSite.Interaction.MessageChannel { SiteId = app.Department.Id, Kind = GovSite.Interaction.ChannelKind.Consultation, Name = "咨询" });
        return await db.SaveChangesAsync();
    });

    /// <summary>Signed in on the site addressed as /sites/{code}/: the cookie reaches /api/v1 too (its path is the platform's root).</summary>
    [Fact]
    public async Task What_a_signed_in_citizen_submits_through_the_api_is_on_their_page_and_no_one_elses()
    {
        using var owner = await SignedInAsync("赵六");
        using var other = await SignedInAsync("钱七");

        var request = await ApplyAsync(owner.Client, "请公开本局2025年临时救助资金使用情况（接口提交）。");
        var report = await ReportAsync(owner.Client, "接口提交：办理时间写成了周日。");

        var page = await owner.OpenAsync(CitizensFactory.Account());
        page.Document.QuerySelector("section[aria-labelledby=requests-title] table")!.TextContent.ShouldContain(request.Number!);
        page.Document.QuerySelector("section[aria-labelledby=reports-title] table")!.TextContent.ShouldContain(report.Number!);

        var otherPage = await other.OpenAsync(CitizensFactory.Account());
        otherPage.Html.ShouldNotContain(request.Number!);
        otherPage.Html.ShouldNotContain(report.Number!);
        otherPage.Html.ShouldNotContain("接口提交");
    }

    [Fact]
    public async Task Api_submissions_without_the_citizen_cookie_stay_unlinked()
    {
        using var anonymous = app.CreateClient();
        var request = await ApplyAsync(anonymous, "请公开2025年医疗救助人次（匿名接口）。");
        var report = await ReportAsync(anonymous, "匿名接口：电话号码少一位。");
        var message = await WriteAsync(anonymous, "匿名接口的咨询");

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var requestId = await db.InformationRequests.IgnoreQueryFilters().Where(r => r.Number == request.Number).Select(r => r.Id).SingleAsync();
            var reportId = await db.ErrorReports.IgnoreQueryFilters().Where(r => r.Number == report.Number).Select(r => r.Id).SingleAsync();
            (await db.CitizenRequests.AnyAsync(c => c.RequestId == requestId)).ShouldBeFalse();
            (await db.CitizenErrorReports.AnyAsync(c => c.ReportId == reportId)).ShouldBeFalse();
            var messageId = await db.Messages.IgnoreQueryFilters().Where(m => m.Ticket == message.Ticket).Select(m => m.Id).SingleAsync();
            (await db.CitizenMessages.AnyAsync(c => c.MessageId == messageId)).ShouldBeFalse();
            return 0;
        });
    }
}
