using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Notifications;

public sealed class NotificationOptions
{
    /// <summary>How often a node looks for messages to send and reminders to write.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a node holds a message it is sending before another may try it (a crash mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Sends what the outbox holds, channel by channel, through each configured sender. A message
/// is leased by one conditional UPDATE, so two nodes never send it twice; a failure is recorded
/// and tried again later, backing off, until <see cref="MaxAttempts"/>; nothing is deleted.
/// Without a configured sender the channel's messages simply wait.
/// </summary>
public sealed class OutboxDrain(IServiceScopeFactory scopes, IEnumerable<IOutboxSender> senders, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<OutboxDrain> log) : BackgroundService
{
    public const int MaxAttempts = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sending the outbox failed; retrying at the next interval");
            }
            await Task.Delay(options.Value.Interval, clock, stoppingToken);
        }
    }

    /// <summary>One pass: every due message of every configured channel; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var sender in senders.Where(s => s.IsConfigured))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Channel == sender.Channel && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(ct);
            foreach (var id in due)
            {
                var leaseEnd = now + options.Value.Lease;
                var leased = await db.OutboxMessages
                    .Where(m => m.Id == id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.NextAttemptAt, leaseEnd)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                if (leased == 0)
                {
                    continue;
                }
                var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
                try
                {
                    await sender.SendAsync(message, ct);
                    var at = clock.GetUtcNow().UtcDateTime;
                    await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                        .SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), ct);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    var status = message.Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                    var retry = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(Math.Min(240, 1 << Math.Min(message.Attempts, 8)));
                    await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
                        .SetProperty(m => m.NextAttemptAt, retry).SetProperty(m => m.LastError, error), ct);
                    log.LogWarning("Outbox message {Id} not sent (attempt {Attempt}): {Error}", id, message.Attempts, error);
                }
            }
        }
        return sent;
    }
}
