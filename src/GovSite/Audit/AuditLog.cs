using GovSite.Accounts;
using GovSite.Data;

namespace GovSite.Audit;

/// <summary>Writes the audit log in the caller's unit of work: the line is saved with the change it describes.</summary>
public sealed class AuditLog(GovSiteDb db, SiteAccess access, TimeProvider clock)
{
    /// <summary>Adds a line; the caller's next SaveChanges writes it with the change.</summary>
    public void Record(string action, string target, string? detail = null, int? siteId = null, int? userId = null, string? userName = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? access.UserId,
            UserName = Cut(userName ?? access.UserName ?? "系统", 64),
            Action = action,
            Target = Cut(target, 300),
            SiteId = siteId,
            Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
        });

    /// <summary>Adds a line and saves it now (for a change already saved, or a login).</summary>
    public async Task RecordAsync(string action, string target, string? detail = null, int? siteId = null, int? userId = null,
        string? userName = null, CancellationToken ct = default)
    {
        Record(action, target, detail, siteId, userId, userName);
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
