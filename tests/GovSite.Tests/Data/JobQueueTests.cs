using System.Collections.Concurrent;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Data;

/// <summary>The clock, the one thing tests fake.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public class JobQueueTests
{
    private const string RecordType = "test.record";

    /// <summary>Job payloads handled (unique per test), with how many times each, across every node in the process.</summary>
    private static readonly ConcurrentDictionary<string, int> Handled = new();

    private sealed class RecordingHandler : IJobHandler
    {
        public async Task HandleAsync(Job job, CancellationToken ct)
        {
            Handled.AddOrUpdate(job.Payload!, 1, (_, n) => n + 1);
            // Long enough that the two nodes' batches overlap.
            await Task.Delay(10, ct);
        }
    }

    /// <summary>A GovSite node with the recording handler, on the given database.</summary>
    private sealed class Node(TestDatabase database, bool workers = false) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GOVSITE_NO_WORKERS", workers ? "false" : "true");
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
                options.Types.Add(RecordType);
                options.Concurrency = 5;
                options.PollInterval = TimeSpan.FromMilliseconds(100);
                s.AddKeyedScoped<IJobHandler, RecordingHandler>(RecordType);
            });
        }
    }

    private static async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await DataSetup.MigrateAsync(db);
        return database;
    }

    private static JobQueue Queue(GovSiteDb db, TimeProvider clock, int maxAttempts = 3) =>
        new(db, clock, new JobQueueOptions { Lease = TimeSpan.FromMinutes(5), DefaultMaxAttempts = maxAttempts });

    [Fact]
    public async Task Two_nodes_sharing_the_queue_process_each_job_exactly_once()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var nodeA = new Node(database);
        await using var nodeB = new Node(database);
        var run = Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        using (var scope = nodeA.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            for (var i = 0; i < 120; i++)
            {
                (await queue.EnqueueAsync(RecordType, $"{run}:{i}")).ShouldBeTrue();
            }
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            ids = await db.Jobs.Where(j => j.Type == RecordType).Select(j => j.Payload!).ToListAsync();
        }
        ids.Count.ShouldBe(120);

        var ranOn = new ConcurrentDictionary<string, int>();
        async Task DrainAsync(string name, JobWorker worker)
        {
            int ran;
            do
            {
                ran = await worker.RunDueAsync(CancellationToken.None);
                ranOn.AddOrUpdate(name, ran, (_, n) => n + ran);
            }
            while (ran > 0);
        }
        // Two pollers per node, as busy as they can be, all leasing from the same rows.
        var workerA = nodeA.Services.GetRequiredService<JobWorker>();
        var workerB = nodeB.Services.GetRequiredService<JobWorker>();
        await Task.WhenAll(DrainAsync("A", workerA), DrainAsync("A", workerA), DrainAsync("B", workerB), DrainAsync("B", workerB));

        ids.ShouldAllBe(id => Handled.GetValueOrDefault(id) == 1);
        (ranOn["A"] + ranOn["B"]).ShouldBe(120);
        ranOn["A"].ShouldBeGreaterThan(0);
        ranOn["B"].ShouldBeGreaterThan(0);
        await using var check = database.NewContext();
        (await check.Jobs.CountAsync(j => j.Type == RecordType && j.Status == JobStatus.Succeeded)).ShouldBe(120);
    }

    [Fact]
    public async Task With_workers_on_a_queued_job_runs_in_the_background_and_with_them_off_it_waits()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var off = new Node(database, workers: false);
        var id = "background:" + Guid.NewGuid().ToString("N");
        using (var scope = off.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(RecordType, id);
        }
        await Task.Delay(500);
        Handled.ContainsKey(id).ShouldBeFalse();

        await using var on = new Node(database, workers: true);
        _ = on.Services;
        for (var i = 0; i < 100 && !Handled.ContainsKey(id); i++)
        {
            await Task.Delay(100);
        }
        Handled.GetValueOrDefault(id).ShouldBe(1);
    }

    [Fact]
    public async Task A_job_whose_worker_crashed_is_leased_again_after_the_lease_expires()
    {
        await using var database = await MigratedDatabaseAsync();
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();
        var crashed = Queue(dbA, clock);
        var survivor = Queue(dbB, clock);
        await crashed.EnqueueAsync("test.crash", "x");

        var taken = await crashed.LeaseAsync("node-a", ["test.crash"], 10);
        taken.Count.ShouldBe(1);
        // node-a dies here: it never completes the job. While its lease runs, nobody else gets it.
        (await survivor.LeaseAsync("node-b", ["test.crash"], 10)).ShouldBeEmpty();
        clock.Advance(TimeSpan.FromMinutes(4));
        (await survivor.LeaseAsync("node-b", ["test.crash"], 10)).ShouldBeEmpty();

        clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await survivor.LeaseAsync("node-b", ["test.crash"], 10);
        retried.Count.ShouldBe(1);
        retried[0].Id.ShouldBe(taken[0].Id);
        retried[0].Attempts.ShouldBe(2);
        await survivor.CompleteAsync(retried[0]);
        // The dead node coming back late cannot overwrite the outcome.
        await crashed.FailAsync(taken[0], "late");

        await using var check = database.NewContext();
        var job = await check.Jobs.SingleAsync(j => j.Type == "test.crash");
        job.Status.ShouldBe(JobStatus.Succeeded);
        job.Attempts.ShouldBe(2);
        job.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_job_is_given_up_after_its_attempts_with_the_error_kept()
    {
        await using var database = await MigratedDatabaseAsync();
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext();
        var queue = Queue(db, clock, maxAttempts: 2);
        await queue.EnqueueAsync("test.fail", "1");
        await queue.EnqueueAsync("test.fail", "2");

        var first = await queue.LeaseAsync("n", ["test.fail"], 10);
        first.Count.ShouldBe(2);
        await queue.FailAsync(first[0], "连接被拒绝");
        // The second one's worker crashes instead.
        (await queue.LeaseAsync("n", ["test.fail"], 10)).ShouldBeEmpty("a failed job waits before its retry");
        clock.Advance(TimeSpan.FromMinutes(6));
        var second = await queue.LeaseAsync("n", ["test.fail"], 10);
        second.Select(j => j.Attempts).ShouldBe([2, 2], ignoreOrder: true);
        await queue.FailAsync(second.Single(j => j.Payload == "1"), "仍然连接被拒绝");
        clock.Advance(TimeSpan.FromMinutes(6));
        (await queue.LeaseAsync("n", ["test.fail"], 10)).ShouldBeEmpty("both jobs used their two attempts");

        db.ChangeTracker.Clear();
        var jobs = await db.Jobs.Where(j => j.Type == "test.fail").OrderBy(j => j.Payload).ToListAsync();
        jobs.ShouldAllBe(j => j.Status == JobStatus.Failed && j.Attempts == 2);
        jobs[0].LastError.ShouldBe("仍然连接被拒绝");
        jobs[1].LastError!.ShouldContain("崩溃");
    }

    [Fact]
    public async Task A_key_already_queued_is_not_queued_again()
    {
        await using var database = await MigratedDatabaseAsync();
        await using var db = database.NewContext();
        var queue = Queue(db, TimeProvider.System);
        (await queue.EnqueueAsync("test.key", key: "probe:1:20261122:3")).ShouldBeTrue();
        (await queue.EnqueueAsync("test.key", key: "probe:1:20261122:3")).ShouldBeFalse();
        (await queue.EnqueueAsync("test.key", key: "probe:1:20261122:4")).ShouldBeTrue();
        (await queue.EnqueueAsync("test.key")).ShouldBeTrue();
        (await queue.EnqueueAsync("test.key")).ShouldBeTrue();
        (await db.Jobs.CountAsync(j => j.Type == "test.key")).ShouldBe(4);
    }
}
