using GovSite.Common;
using System.Collections.Concurrent;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Interaction.Participation;
using GovSite.PublicSite;
using GovSite.PublicSite.Mourning;
using GovSite.PublicSite.Themes;
using GovSite.PublicSite.Topics;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Sites;

/// <summary>
/// The writers of public content, each announcing through <see cref="SiteChanges"/>: a change
/// made on node A reaches node B's followers (on PostgreSQL through NOTIFY, after the commit).
/// On SQLite there is one process, and the writer's own followers are what is checked.
/// </summary>
public class SiteChangeWritersTests(EmptyPlatformFactory nodeA) : IClassFixture<EmptyPlatformFactory>
{
    private sealed class Recorder : ISiteChangeFollower
    {
        public ConcurrentQueue<(SiteChange Change, bool Here)> Seen { get; } = new();

        public Task FollowAsync(SiteChange change, bool here, CancellationToken ct)
        {
            Seen.Enqueue((change, here));
            return Task.CompletedTask;
        }
    }

    private static async Task<T> AsSystemAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Every_writer_of_public_content_is_followed_on_the_other_node()
    {
        var site = await nodeA.CreateSiteAsync("3705000001", "变更通告局", SiteType.Department, "change.test.gov.cn");
        var column = await nodeA.ColumnIdAsync(site.Id, "工作动态");
        var recorder = new Recorder();
        await using var otherNode = new OtherNode(nodeA.Database);
        await using var nodeB = otherNode.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<ISiteChangeFollower>(_ => recorder)));
        using var onB = nodeB.CreateClient();
        (await onB.GetAsync("/health/live")).EnsureSuccessStatusCode();
        var listener = nodeB.Services.GetRequiredService<SiteChangeListener>();
        for (var i = 0; i < 100 && TestDatabase.OnPostgres && !listener.Listening; i++)
        {
            await Task.Delay(100);
        }
        // On PostgreSQL: written on A, followed on B (not here). On SQLite: written and followed on B.
        var writer = TestDatabase.OnPostgres ? nodeA.Services : nodeB.Services;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(now));

        var writers = new (string What, Func<IServiceProvider, Task<bool>> Write, Func<SiteChange, bool> Expected)[]
        {
            ("library item published", async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null,
                    new ArticleInput { Publish = true, ColumnId = column, Title = "变更通告测试稿件", Body = "<p>正文。</p>" })).Succeeded,
                c => c.Kind == "pages" && c.Tags.Contains(PageTags.Sitemap(site.Id))),
            ("consultation", async sp => (await sp.GetRequiredService<ConsultationService>().SaveAsync(site.Id, null, new ConsultationInput
                {
                    Title = "关于变更通告的意见征集", Body = "<p>草案。</p>", OpensOn = today, ClosesOn = today.AddDays(30), IsPublished = true,
                })).Succeeded,
                c => c.Tags.Contains(PageTags.Participation(site.Id))),
            ("survey", async sp => (await sp.GetRequiredService<SurveyService>().SaveAsync(site.Id, null, new SurveyInput
                {
                    Title = "变更通告满意度调查", OpensOn = today, ClosesOn = today.AddDays(30), IsPublished = true,
                    Questions = [new() { Text = "您的意见", Type = SurveyQuestionType.Text }],
                })).Succeeded,
                c => c.Tags.Contains(PageTags.Participation(site.Id))),
            ("interview", async sp => (await sp.GetRequiredService<InterviewService>().SaveAsync(site.Id, null, new InterviewInput
                {
                    Title = "局长谈变更通告", Guests = "局长", StartsAt = ChinaTime.ToLocal(now).AddHours(-1), EndsAt = ChinaTime.ToLocal(now).AddDays(1),
                    IsPublished = true,
                })).Succeeded,
                c => c.Tags.Contains(PageTags.Participation(site.Id))),
            ("theme", async sp => (await sp.GetRequiredService<ThemeService>().SetAsync(site.Id, new ThemeSettings()).ContinueWith(_ => true)),
                c => c.Kind == "content"),
            ("topic", async sp => (await sp.GetRequiredService<TopicService>().OpenAsync(site.Id,
                    new TopicInput { Name = "变更通告专题", ColumnNames = "专题动态" })).Succeeded,
                c => c.Kind == "content"),
            ("mourning mode", async sp => (await sp.GetRequiredService<MourningService>().StartAsync(new MourningInput
                {
                    RegionId = await sp.GetRequiredService<GovSiteDb>().Sites.Where(s => s.Id == site.Id).Select(s => s.RegionId).SingleAsync(),
                    EndsLocal = ChinaTime.ToLocal(now).AddHours(2), Reason = "全国哀悼日",
                })).Succeeded,
                c => c.Kind == "content"),
        };

        foreach (var (what, write, expected) in writers)
        {
            recorder.Seen.Clear();
            (await AsSystemAsync(writer, write)).ShouldBeTrue(what);
            var seen = false;
            for (var i = 0; i < 100 && !seen; i++)
            {
                seen = recorder.Seen.Any(s => s.Change.SiteId == site.Id && s.Here == !TestDatabase.OnPostgres && expected(s.Change));
                if (!seen)
                {
                    await Task.Delay(50);
                }
            }
            seen.ShouldBeTrue($"{what}: not followed on the other node; seen {string.Join(", ", recorder.Seen.Select(s => s.Change.Payload))}");
        }
    }

    [Fact]
    public void Announcements_from_other_nodes_are_parsed_strictly()
    {
        SiteChange.Parse("pages:12:site:12:home site:12:sitemap")!.Tags.ShouldBe(["site:12:home", "site:12:sitemap"]);
        SiteChange.Parse("registry:7")!.WholeSite.ShouldBeTrue();
        var change = new SiteChange("pages", 3, ["site:3:messages"]);
        var back = SiteChange.Parse(change.Payload)!;
        (back.Kind, back.SiteId, back.Tags.Single()).ShouldBe(("pages", 3, "site:3:messages"));
        foreach (var bad in new[] { "", "pages", "pages:x", "pages:3", "evil:3", "content:-", "content:99999999999" })
        {
            SiteChange.Parse(bad).ShouldBeNull(bad);
        }
    }
}
