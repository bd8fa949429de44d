using AngleSharp.Html.Parser;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovSite.Demo.DemoInteraction;

namespace GovSite.Tests.Demo;

/// <summary>The demo's 互动交流: letters in every state on every site, participation, FAQ; and figures with nothing to count.</summary>
public class DemoInteractionTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_demo_site_has_open_channels_faq_and_letters_answered_published_in_time_and_overdue()
    {
        var (sites, messages, channels, faq) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var codes = DemoRegion.SiteCodes.ToList();
            var sites = await db.Sites.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Id, s => s.Code);
            return (sites, await db.Messages.Where(m => sites.Keys.Contains(m.SiteId)).ToListAsync(),
                await db.MessageChannels.Where(c => sites.Keys.Contains(c.SiteId) && c.IsOpen).Select(c => c.SiteId).ToListAsync(),
                await db.FaqEntries.Where(f => sites.Keys.Contains(f.SiteId)).Select(f => f.SiteId).ToListAsync());
        });
        var today = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow));
        foreach (var (id, code) in sites)
        {
            channels.ShouldContain(id, $"site {code} has an open channel");
            faq.ShouldContain(id, $"site {code} has FAQ entries");
            var own = messages.Where(m => m.SiteId == id).ToList();
            own.ShouldContain(m => m.Status == MessageStatus.Published && m.AllowPublic, $"site {code}: a published letter");
            own.ShouldContain(m => m.Status == MessageStatus.Replied, $"site {code}: an answered letter");
            own.ShouldContain(m => m.Status == MessageStatus.Handling && m.DueDate >= today, $"site {code}: a letter in time");
            own.ShouldContain(m => m.Status == MessageStatus.Handling && m.DueDate < today, $"site {code}: an overdue letter");
        }
        // 转办: one waiting for the department, one the department took and answered.
        messages.ShouldContain(m => m.Status == MessageStatus.Transferred && m.TransferSiteId != null && m.TransferSiteId != m.SiteId);
        messages.ShouldContain(m => m.Status == MessageStatus.Published && m.HandlingSiteId != m.SiteId && m.ReplySiteId == m.HandlingSiteId);
    }

    [Fact]
    public async Task A_published_letter_shows_with_the_writers_phone_and_name_masked()
    {
        var letter = Letters.First(l => l.SiteCode == DemoRegion.ProvincialPortalCode && l.State == LetterState.Published);
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.Where(m => m.Subject == letter.Subject).Select(m => m.Id).SingleAsync());
        var client = app.CreateClient();
        var index = await client.GetStringAsync($"/sites/{DemoRegion.ProvincialPortalCode}/interaction");
        index.ShouldContain(letter.Subject);
        var html = await client.GetStringAsync($"/sites/{DemoRegion.ProvincialPortalCode}/interaction/messages/{id}");
        html.ShouldContain("临江站夜间接驳专线");
        html.ShouldNotContain(letter.Phone);
        html.ShouldNotContain(letter.Name);
        // Closed letters exist, so the rate is a real figure.
        var rate = Parser.ParseDocument(index).GetElementById("stat-ontime")!.TextContent;
        rate.ShouldEndWith("%");
    }

    [Fact]
    public async Task The_portal_has_a_consultation_open_one_closed_with_its_summary_a_survey_with_results_and_an_interview_transcript()
    {
        var client = app.CreateClient();
        var portal = $"/sites/{DemoRegion.ProvincialPortalCode}";
        var (open, closed, survey, interview) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var consultations = await db.Consultations.OrderBy(c => c.OpensOn).ToListAsync();
            return (consultations.Single(c => c.Summary == null).Id, consultations.Single(c => c.Summary != null).Id,
                await db.Surveys.Select(s => s.Id).SingleAsync(), await db.Interviews.Select(i => i.Id).SingleAsync());
        });
        var list = await client.GetAsync($"{portal}/participation");
        list.IsSuccessStatusCode.ShouldBeTrue();
        (await client.GetStringAsync($"{portal}/consultations/{open}")).ShouldContain("养老服务条例");
        (await client.GetStringAsync($"{portal}/consultations/{closed}")).ShouldContain("采纳12条");
        var results = await client.GetStringAsync($"{portal}/surveys/{survey}/results");
        results.ShouldContain("非常满意");
        results.ShouldContain("120");
        (await client.GetStringAsync($"{portal}/interviews/{interview}/transcript")).ShouldContain("总包代发");
    }

    [Fact]
    public async Task A_site_with_nothing_to_count_shows_a_dash_not_zero_percent()
    {
        await app.CreateSiteAsync("9908000001", "空白测试局", SiteType.Department);
        var html = await app.CreateClient().GetStringAsync("/sites/9908000001/interaction");
        var document = Parser.ParseDocument(html);
        document.GetElementById("stat-ontime")!.TextContent.ShouldBe("—");
        document.GetElementById("stat-days")!.TextContent.ShouldBe("—");
        html.ShouldNotContain("0%");
    }
}
