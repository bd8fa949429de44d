namespace GovSite.Notifications;

/// <summary>
/// The seam to the world outside: one implementation per channel (SMTP for e-mail; an SMS
/// gateway later). The drain sends a channel's messages only while its sender is configured.
/// </summary>
public interface IOutboxSender
{
    OutboxChannel Channel { get; }

    /// <summary>False when the settings are missing: messages wait in the outbox.</summary>
    bool IsConfigured { get; }

    /// <summary>Delivers one message; throws when it could not (the drain records the error and tries again later).</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
