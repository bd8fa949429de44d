using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing.Library;

/// <summary>
/// Timed publishing through the shared job queue with two GovSite nodes on one database (on
/// PostgreSQL in the PostgreSQL pass): the item is published once, whoever gets there first.
/// </summary>
public class ScheduledPublishingTests
{
    private sealed class Node(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GOVSITE_NO_WORKERS", "true");
            builder.UseSetting("GOVSITE_DATA", database.DataDirectory);
            if (database.PostgresConnection is { } pg)
            {
                builder.UseSetting("GOVSITE_DB", pg);
            }
            builder.UseSetting("GOVSITE_QUIET", "true");
            builder.UseSetting("GOVSITE_NO_DEMO", "true");
            builder.ConfigureTestServices(s =>
            {
                var options = (JobQueueOptions)s.First(d => d.ServiceType == typeof(JobQueueOptions)).ImplementationInstance!;
                options.Concurrency = 4;
            });
        }
    }

    private static async Task<T> AsSystem<T>(Node node, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = node.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        return await work(scope.ServiceProvider);
    }

    private static TimeSpan Max(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    [Fact]
    public async Task Two_nodes_publish_a_scheduled_item_exactly_once_and_withdraw_it_on_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = new Node(database);
        await using var nodeB = new Node(database);
        _ = nodeA.Services;
        _ = nodeB.Services;

        var (itemId, at) = await AsSystem(nodeA, async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var region = new Region { Code = "350300", Name = "测试市", Level = RegionLevel.City };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var unit = new Organisation { Name = "测试市政府办公室", RegionId = region.Id };
            db.Organisations.Add(unit);
            await db.SaveChangesAsync();
            var site = (await sp.GetRequiredService<SiteService>().CreateAsync(new SiteInput
            {
                Code = "3503000001", Name = "定时发布测试站", Type = SiteType.Department, Level = SiteLevel.City, Status = SiteStatus.Online,
                RegionCode = "350300", Domains = ["timed.test.gov.cn"], HostUnitId = unit.Id,
            })).Value!;
            var column = await db.Columns.FirstAsync(c => c.SiteId == site.Id && c.Name == "工作动态");
            var item = (await sp.GetRequiredService<LibraryService>().CreateAsync(site.Id, new ItemInput
            {
                ColumnId = column.Id, Title = "元旦假期安排的通知", Body = "<p>元旦放假一天。</p>",
            })).Value!;
            // Far enough ahead that a busy machine still sees it as the future.
            var when = DateTime.UtcNow.AddSeconds(6);
            var step = await sp.GetRequiredService<Workflow>().PublishAsync(item.Id, when, default);
            step.Succeeded.ShouldBeTrue();
            step.Item!.Status.ShouldBe(ItemStatus.Scheduled);
            return (item.Id, step.Item.PublishAt!.Value);
        });

        // A second copy of the job, as a crashed lease or an operator's retry would leave behind.
        await AsSystem(nodeB, sp => sp.GetRequiredService<JobQueue>().EnqueueAsync(Workflow.PublishJob,
            $"{itemId}|{at.Ticks}", runAt: at, key: "duplicate-" + itemId));

        // Not yet due: nothing happens.
        if (DateTime.UtcNow < at.AddSeconds(-1))
        {
            (await nodeA.Services.GetRequiredService<JobWorker>().RunDueAsync(CancellationToken.None)).ShouldBe(0);
        }
        await Task.Delay(Max(at - DateTime.UtcNow + TimeSpan.FromMilliseconds(300)));

        async Task<int> DrainAsync(JobWorker worker)
        {
            var total = 0;
            int ran;
            do
            {
                ran = await worker.RunDueAsync(CancellationToken.None);
                total += ran;
            }
            while (ran > 0);
            return total;
        }
        var ran = await Task.WhenAll(DrainAsync(nodeA.Services.GetRequiredService<JobWorker>()), DrainAsync(nodeB.Services.GetRequiredService<JobWorker>()),
            DrainAsync(nodeA.Services.GetRequiredService<JobWorker>()), DrainAsync(nodeB.Services.GetRequiredService<JobWorker>()));
        ran.Sum().ShouldBe(2, "both copies of the job ran");

        await using var check = database.NewContext();
        var item = await check.LibraryItems.FirstAsync(i => i.Id == itemId);
        item.Status.ShouldBe(ItemStatus.Published);
        (await check.ItemTransitions.CountAsync(t => t.ItemId == itemId && t.Action == "timed_publish")).ShouldBe(1);
        var placement = await check.Articles.FirstAsync(a => a.ItemId == itemId);
        placement.Status.ShouldBe(ArticleStatus.Published);
        placement.PublishedAt.ShouldBe(at);

        // Timed withdrawal, the same way.
        var withdrawAt = await AsSystem(nodeB, async sp =>
        {
            var step = await sp.GetRequiredService<Workflow>().WithdrawAsync(itemId, DateTime.UtcNow.AddSeconds(6), null, default);
            step.Succeeded.ShouldBeTrue();
            return step.Item!.WithdrawAt!.Value;
        });
        await Task.Delay(Max(withdrawAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(300)));
        await Task.WhenAll(DrainAsync(nodeA.Services.GetRequiredService<JobWorker>()), DrainAsync(nodeB.Services.GetRequiredService<JobWorker>()));
        await using var after = database.NewContext();
        (await after.LibraryItems.FirstAsync(i => i.Id == itemId)).Status.ShouldBe(ItemStatus.Withdrawn);
        (await after.Articles.FirstAsync(a => a.ItemId == itemId)).Status.ShouldBe(ArticleStatus.Withdrawn);
        (await after.ItemTransitions.CountAsync(t => t.ItemId == itemId && t.Action == "timed_withdraw")).ShouldBe(1);
    }
}
