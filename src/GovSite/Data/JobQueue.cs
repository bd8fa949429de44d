using GovSite.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Data;

/// <summary>
/// One unit of background work in the shared queue (monitoring checks and probes, timed
/// publishing). Every node polls the same table; a job is leased to one worker at a time.
/// </summary>
public class Job
{
    public long Id { get; set; }

    /// <summary>Chooses the <see cref="IJobHandler"/>; e.g. "monitoring.check".</summary>
    public string Type { get; set; } = "";

    /// <summary>Handler-specific text, usually JSON or an id.</summary>
    public string? Payload { get; set; }

    /// <summary>Optional de-duplication key: a second job with the same key is not enqueued.</summary>
    public string? Key { get; set; }
    public JobStatus Status { get; set; }
    public DateTime RunAt { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The last failure, kept when the job is retried and when it is given up.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    internal static void ConfigureModel(ModelBuilder b) => b.Entity<Job>(e =>
    {
        e.Property(x => x.Type).HasMaxLength(64);
        e.Property(x => x.Key).HasMaxLength(200);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.Status, x.RunAt });
    });
}

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>Does the work of one job type. Registered with <see cref="JobQueueSetup.AddJobHandler{T}"/>.</summary>
public interface IJobHandler
{
    /// <summary>Throwing fails this attempt; the job is retried until its attempts run out.</summary>
    Task HandleAsync(Job job, CancellationToken ct);
}

public sealed class JobQueueOptions
{
    /// <summary>How long a worker owns a job before another node may take it over (renewed while it runs).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int DefaultMaxAttempts { get; set; } = 3;

    /// <summary>Jobs one worker runs at once.</summary>
    public int Concurrency { get; set; } = 4;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Finished jobs are deleted after this long.</summary>
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Job types this node handles; filled by AddJobHandler.</summary>
    internal HashSet<string> Types { get; } = [];
}

/// <summary>
/// A job queue on the application database. On PostgreSQL, several nodes lease from it at once
/// with <c>SELECT … FOR UPDATE SKIP LOCKED</c>, so each job goes to exactly one worker; on SQLite
/// (one process) a transaction and a conditional update do the same. A worker that dies leaves
/// its lease to expire, and the job is leased again, up to its maximum number of attempts.
/// </summary>
public sealed class JobQueue(GovSiteDb db, TimeProvider clock, JobQueueOptions options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds a job; with a key that is already queued (or done and not yet cleaned up), does nothing.</summary>
    /// <returns>True when the job was added.</returns>
    public async Task<bool> EnqueueAsync(string type, string? payload = null, DateTime? runAt = null, string? key = null,
        int? maxAttempts = null, CancellationToken ct = default)
    {
        var now = Now;
        var due = runAt ?? now;
        var attempts = maxAttempts ?? options.DefaultMaxAttempts;
        // ON CONFLICT is the same in both databases and makes scheduling from several nodes idempotent.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Jobs" ("Type", "Payload", "Key", "Status", "RunAt", "Attempts", "MaxAttempts", "CreatedAt")
            VALUES ({type}, {payload}, {key}, {nameof(JobStatus.Pending)}, {due}, 0, {attempts}, {now})
            ON CONFLICT ("Key") DO NOTHING
            """, ct);
        return inserted > 0;
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> due jobs of the given types for <paramref name="owner"/>:
    /// pending jobs whose time has come and running jobs whose lease has expired (a crashed worker).
    /// </summary>
    public async Task<List<Job>> LeaseAsync(string owner, IReadOnlyCollection<string> types, int max, CancellationToken ct = default)
    {
        var now = Now;
        await GiveUpAbandonedAsync(now, ct);
        var typeList = types.ToArray();
        var pending = nameof(JobStatus.Pending);
        var running = nameof(JobStatus.Running);
        if (db.Database.IsNpgsql())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var jobs = await db.Set<Job>().FromSql($"""
                SELECT * FROM "Jobs"
                WHERE "Type" = ANY({typeList})
                  AND (("Status" = {pending} AND "RunAt" <= {now}) OR ("Status" = {running} AND "LeaseExpiresAt" <= {now}))
                ORDER BY "RunAt", "Id"
                LIMIT {max}
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(ct);
            var ids = jobs.Select(j => j.Id).ToArray();
            var expires = now + options.Lease;
            // Set-based and untracked: a context that leased before must not save stale values.
            await db.Set<Job>().Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseExpiresAt, expires)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            foreach (var job in jobs)
            {
                TakeLease(job, owner, now);
            }
            await tx.CommitAsync(ct);
            return jobs;
        }

        var candidates = await db.Set<Job>().AsNoTracking()
            .Where(j => typeList.Contains(j.Type) &&
                        ((j.Status == JobStatus.Pending && j.RunAt <= now) || (j.Status == JobStatus.Running && j.LeaseExpiresAt <= now)))
            .OrderBy(j => j.RunAt).ThenBy(j => j.Id).Take(max).ToListAsync(ct);
        var taken = new List<Job>();
        foreach (var job in candidates)
        {
            // Compare-and-set on what was read: if another worker changed the row first, skip it.
            var expires = now + options.Lease;
            var updated = await db.Set<Job>()
                .Where(j => j.Id == job.Id && j.Status == job.Status && j.Attempts == job.Attempts && j.LeaseOwner == job.LeaseOwner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, expires)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (updated == 1)
            {
                TakeLease(job, owner, now);
                taken.Add(job);
            }
        }
        return taken;
    }

    private void TakeLease(Job job, string owner, DateTime now)
    {
        job.Status = JobStatus.Running;
        job.LeaseOwner = owner;
        job.LeaseExpiresAt = now + options.Lease;
        job.Attempts++;
    }

    /// <summary>Keeps a long job's lease; false when the lease was lost (another worker took the job).</summary>
    public async Task<bool> RenewAsync(Job job, CancellationToken ct = default)
    {
        var expires = Now + options.Lease;
        return await Owned(job).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), ct) == 1;
    }

    public async Task CompleteAsync(Job job, CancellationToken ct = default)
    {
        var now = Now;
        await Owned(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Succeeded)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct);
    }

    /// <summary>Records the error; the job runs again later unless its attempts are used up.</summary>
    public async Task FailAsync(Job job, string error, CancellationToken ct = default)
    {
        var now = Now;
        var giveUp = job.Attempts >= job.MaxAttempts;
        // Back off 1, 4, 9… minutes so a failing site is not hammered.
        var retryAt = now + TimeSpan.FromMinutes(job.Attempts * job.Attempts);
        var text = error.Length > 4000 ? error[..4000] : error;
        await Owned(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, giveUp ? JobStatus.Failed : JobStatus.Pending)
            .SetProperty(j => j.RunAt, giveUp ? job.RunAt : retryAt)
            .SetProperty(j => j.CompletedAt, giveUp ? now : null)
            .SetProperty(j => j.LastError, text)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct);
    }

    /// <summary>Deletes finished jobs older than the retention period.</summary>
    public Task<int> CleanUpAsync(CancellationToken ct = default)
    {
        var before = Now - options.KeepFinished;
        return db.Set<Job>()
            .Where(j => (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed) && j.CompletedAt < before)
            .ExecuteDeleteAsync(ct);
    }

    // A job whose every attempt ended in a lost lease (the worker died each time) is not retried forever.
    private Task<int> GiveUpAbandonedAsync(DateTime now, CancellationToken ct) =>
        db.Set<Job>()
            .Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt <= now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LastError, j => (j.LastError == null ? "" : j.LastError + "\n") +
                    "工作进程在租约期内未完成（可能已崩溃），重试次数已用完")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct);

    private IQueryable<Job> Owned(Job job) =>
        db.Set<Job>().Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.Status == JobStatus.Running);
}

/// <summary>
/// Runs queued jobs on this node: leases a batch, runs each handler in its own scope with system
/// access, renews leases of long jobs, and records the outcome.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobQueueOptions options, ILogger<JobWorker> log) : BackgroundService
{
    /// <summary>Unique per worker instance, so a node that restarts does not mistake old leases for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Jobs run side by side up to the concurrency limit, and a free slot is filled at the next
        // poll: a half-hour crawl must not hold up the probes queued behind it.
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = options.Concurrency - running.Count;
            var leased = 0;
            if (free > 0)
            {
                try
                {
                    var jobs = await LeaseAsync(free, stoppingToken);
                    leased = jobs.Count;
                    await MeasureDepthAsync(stoppingToken);
                    running.AddRange(jobs.Select(job => RunAsync(job, stoppingToken)));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Job queue poll failed");
                }
            }
            if (leased == 0 || running.Count >= options.Concurrency)
            {
                var delay = Task.Delay(options.PollInterval, stoppingToken);
                await Task.WhenAny([delay, .. running]).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task<List<Job>> LeaseAsync(int max, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().LeaseAsync(Owner, options.Types, max, ct);
    }

    // The queue depth for /metrics: jobs due and not yet leased, as this worker last saw them.
    private async Task MeasureDepthAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Observability.GovSiteMetrics.QueueDepth = await scope.ServiceProvider.GetRequiredService<GovSiteDb>().Set<Job>()
            .LongCountAsync(j => j.Status == JobStatus.Pending && j.RunAt <= now, ct);
    }

    /// <summary>Leases one batch of due jobs and runs them; returns how many ran. Tests call this directly.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var jobs = await LeaseAsync(options.Concurrency, ct);
        await Task.WhenAll(jobs.Select(job => RunAsync(job, ct)));
        return jobs.Count;
    }

    private async Task RunAsync(Job job, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewWhileRunningAsync(job, renewing.Token);
        string? error = null;
        try
        {
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(job.Type);
            Common.FaultPoint.Reach("job." + job.Type);
            await handler.HandleAsync(job, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: leave the lease to expire so another node (or this one, restarted) retries.
            await renewing.CancelAsync();
            await renewal;
            return;
        }
        catch (Exception ex)
        {
            error = ex.ToString();
            Observability.GovSiteMetrics.JobFailures.Add(1, new KeyValuePair<string, object?>("type", job.Type));
            log.LogWarning(ex, "Job {Id} ({Type}) failed on attempt {Attempt}", job.Id, job.Type, job.Attempts);
        }
        await renewing.CancelAsync();
        await renewal;
        // A fresh scope: the handler may have left the DbContext in any state.
        using var done = scopes.CreateScope();
        done.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var doneQueue = done.ServiceProvider.GetRequiredService<JobQueue>();
        if (error is null)
        {
            await doneQueue.CompleteAsync(job, CancellationToken.None);
        }
        else
        {
            await doneQueue.FailAsync(job, error, CancellationToken.None);
        }
    }

    private async Task RenewWhileRunningAsync(Job job, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, ct);
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
                await scope.ServiceProvider.GetRequiredService<JobQueue>().RenewAsync(job, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not renew the lease of job {Id}", job.Id);
        }
    }
}

public static class JobQueueSetup
{
    /// <summary>
    /// The queue, and a worker unless GOVSITE_NO_WORKERS is true (tests, or nodes that only
    /// serve pages).
    /// </summary>
    public static WebApplicationBuilder AddJobQueue(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(JobQueueOptions)))
        {
            return builder;
        }
        var options = new JobQueueOptions();
        // An operator may shorten the lease so a crashed node's jobs are taken over sooner (the crash tests do).
        if (builder.Configuration.GetValue<int?>("GOVSITE_JOB_LEASE_SECONDS") is int seconds and > 0)
        {
            options.Lease = TimeSpan.FromSeconds(seconds);
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<JobQueue>();
        builder.Services.AddSingleton<JobWorker>();
        if (!WorkersDisabled(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        }
        return builder;
    }

    public static bool WorkersDisabled(IConfiguration configuration) => configuration.GetValue("GOVSITE_NO_WORKERS", false);

    /// <summary>Registers the handler of one job type; this node's worker then leases jobs of that type.</summary>
    public static WebApplicationBuilder AddJobHandler<THandler>(this WebApplicationBuilder builder, string type)
        where THandler : class, IJobHandler
    {
        builder.AddJobQueue();
        var options = (JobQueueOptions)builder.Services.First(s => s.ServiceType == typeof(JobQueueOptions)).ImplementationInstance!;
        options.Types.Add(type);
        builder.Services.AddKeyedScoped<IJobHandler, THandler>(type);
        return builder;
    }
}
