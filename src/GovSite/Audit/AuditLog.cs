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

    /// <summary>
    /// Adds a line whose detail is what the change tracker says changed on <paramref name="entities"/>
    /// (field: old → new; every field of a new row). Call before SaveChanges. Nothing changed, no line.
    /// </summary>
    public void RecordChanges(string action, string target, int? siteId, params object[] entities)
    {
        var lines = new List<string>();
        foreach (var entity in entities)
        {
            var entry = db.Entry(entity);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name is "Id" or "UpdatedAt" or "CreatedAt" || property.Metadata.IsShadowProperty())
                {
                    continue;
                }
                if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Added && property.CurrentValue is { } value)
                {
                    lines.Add($"{name}：{Show(value)}");
                }
                else if (entry.State is Microsoft.EntityFrameworkCore.EntityState.Modified or Microsoft.EntityFrameworkCore.EntityState.Unchanged
                         && !Equals(property.OriginalValue, property.CurrentValue))
                {
                    lines.Add($"{name}：{Show(property.OriginalValue)} → {Show(property.CurrentValue)}");
                }
                else if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted && property.OriginalValue is { } old)
                {
                    lines.Add($"{name}：{Show(old)}");
                }
            }
        }
        if (lines.Count > 0)
        {
            Record(action, target, string.Join("\n", lines), siteId);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "（空）",
        string { Length: > 200 } text => text[..200] + "…",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
