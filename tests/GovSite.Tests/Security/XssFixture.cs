using GovSite.Common;
using GovSite.Interaction.Participation;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>
/// The interaction platform (a portal with its channels open and staff) on a real Kestrel port,
/// an open consultation, a live interview and an open survey with a text question, and Chromium.
/// </summary>
public sealed class XssFixture : InteractionFactory
{
    public string BaseUrl { get; private set; } = "";
    public int ConsultationId { get; private set; }
    public int InterviewId { get; private set; }
    public int SurveyId { get; private set; }
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Participation:PostsPerWindow", "100000");
        builder.UseSetting("Participation:MaxResponsesPerAddress", "100000");
        builder.UseSetting("Interaction:MessagesPerPhonePerDay", "100000");
        builder.UseSetting("ErrorReports:ReportsPerIpPerHour", "100000");
        builder.UseSetting("Disclosure:RequestsPerIpPerHour", "100000");
        builder.UseSetting("Citizens:SignInPerMinute", "100000");
        // Every public form and the citizen's sign-in take hundreds of posts from one address here.
        foreach (var bucket in GovSite.Security.RateLimitOptions.PublicBuckets.Append(GovSite.Security.RateLimitOptions.CitizenSignInPerNumber))
        {
            builder.UseSetting($"RateLimits:Rules:{bucket}:Limit", "100000");
        }
    }

    public override async Task InitializeAsync()
    {
        // Before the first use of Services, which starts the server.
        UseKestrel(0);
        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        // Clients made by the factory (forms, API tokens) go to the Kestrel port too.
        ClientOptions.BaseAddress = new Uri(BaseUrl + "/");
        (ConsultationId, InterviewId) = await OpenConsultationAndInterviewAsync();
        SurveyId = await AsSystemAsync(async sp =>
        {
            var survey = await sp.GetRequiredService<SurveyService>().SaveAsync(Portal.Id, null, new SurveyInput
            {
                Title = "市民出行满意度调查", OpensOn = new DateOnly(2020, 1, 1), ClosesOn = new DateOnly(2099, 12, 31), IsPublished = true, ResultsPublished = true,
                Questions = [new QuestionInput { Text = "您对公交服务有什么建议？", Type = SurveyQuestionType.Text, IsRequired = true }],
            });
            survey.Succeeded.ShouldBeTrue(string.Join("; ", survey.Errors.All.SelectMany(e => e.Value)));
            return survey.Value!.Id;
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        await base.DisposeAsync();
    }
}
