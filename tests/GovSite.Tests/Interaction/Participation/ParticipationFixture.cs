using System.Net;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction.Participation;

/// <summary>A clock the tests move by hand.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Sets the clock to a China local time.</summary>
    public void SetChina(int year, int month, int day, int hour = 10, int minute = 0) =>
        Now = new DateTimeOffset(ChinaTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)));
}

/// <summary>Two sites with one editor each, on a clock the tests control.</summary>
public partial class ParticipationFixture : GovSiteFactory
{
    public const string Password = "Participation123x";
    public const string CodeA = "3502000001";
    public const string CodeB = "3502000002";

    public TestClock Clock { get; } = new();
    public Site SiteA { get; private set; } = null!;
    public Site SiteB { get; private set; } = null!;

    protected virtual int PostsPerWindow => 100_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SiteA = await CreateSiteAsync(CodeA, "参与甲市人民政府", SiteType.Portal);
        SiteB = await CreateSiteAsync(CodeB, "参与乙市人民政府", SiteType.Portal);
        await CreateUserAsync("editor-pa", Password, (Role.Editor, SiteA.Id));
        await CreateUserAsync("editor-pb", Password, (Role.Editor, SiteB.Id));
        await CreateUserAsync("contributor-pa", Password, (Role.Contributor, SiteA.Id));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Participation:PostsPerWindow", PostsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Participation:MaxResponsesPerAddress", "3");
        builder.UseSetting("Participation:LivePollMilliseconds", "100");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (after the clock is set: the cookie expires by it).</summary>
    public async Task<HttpClient> SignInAsync(string user, string password = Password)
    {
        var client = Browser();
        var response = await PostFormAsync(client, "/admin/login", "/admin/login", new() { ["UserName"] = user, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/>, then posts the fields to <paramref name="url"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string url, Dictionary<string, string> fields) =>
        await PostFieldsAsync(client, formPage, url, fields.ToList());

    public static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string formPage, string url, List<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(formPage);
        fields.Add(new("__RequestVerificationToken", Token(html)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string Token(string html)
    {
        var token = Antiforgery().Match(html);
        token.Success.ShouldBeTrue("no form on the page");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    public Task<Consultation> NewConsultationAsync(int siteId, DateOnly opens, DateOnly closes, string title = "关于《城市绿化管理办法（征求意见稿）》公开征求意见的公告") =>
        AsSystemAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ConsultationService>().SaveAsync(siteId, null, new ConsultationInput
            {
                Title = title,
                Body = "<p>为提高立法质量，现将《城市绿化管理办法（征求意见稿）》全文公布，征求社会各界意见。</p>",
                OpensOn = opens,
                ClosesOn = closes,
                IsPublished = true,
            });
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            return result.Value!;
        });

    public Task<Survey> NewSurveyAsync(int siteId, DateOnly opens, DateOnly closes, bool resultsPublished = true) =>
        AsSystemAsync(async sp =>
        {
            var result = await sp.GetRequiredService<SurveyService>().SaveAsync(siteId, null, new SurveyInput
            {
                Title = "全市政务服务满意度调查",
                Description = "请根据您的亲身体验填写。",
                OpensOn = opens,
                ClosesOn = closes,
                IsPublished = true,
                ResultsPublished = resultsPublished,
                Questions =
                [
                    new() { Text = "您对政务服务大厅的总体评价", Type = SurveyQuestionType.SingleChoice, Options = "满意\n基本满意\n不满意", IsRequired = true },
                    new() { Text = "您办理过哪些业务", Type = SurveyQuestionType.MultipleChoice, Options = "社保\n医保\n公积金\n不动产登记", IsRequired = false },
                    new() { Text = "您的意见和建议", Type = SurveyQuestionType.Text },
                ],
            });
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            return result.Value!;
        });

    public Task<Interview> NewInterviewAsync(int siteId, DateTime startsLocal, DateTime endsLocal) =>
        AsSystemAsync(async sp =>
        {
            var result = await sp.GetRequiredService<InterviewService>().SaveAsync(siteId, null, new InterviewInput
            {
                Title = "优化营商环境在线访谈",
                Guests = "张明，市发展改革委主任\n李华，市营商环境局副局长",
                Description = "围绕优化营商环境回答网友关心的问题。",
                StartsAt = startsLocal,
                EndsAt = endsLocal,
                IsPublished = true,
            });
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            return result.Value!;
        });
}

/// <summary>The same, with a low limit on public submissions.</summary>
public sealed class RateLimitedParticipationFixture : ParticipationFixture
{
    protected override int PostsPerWindow => 3;
}
