using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Audit.Admin;

/// <summary>
/// 审计日志: logins, role grants, registry, theme and settings changes and deletions across the
/// platform, for platform administrators; filtered by kind, person and date, and exported as CSV.
/// </summary>
public sealed class AuditModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 50;

    [FromQuery(Name = "action")]
    public string? Kind { get; set; }

    [FromQuery(Name = "user")]
    public string? Who { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    public List<AuditEntry> Entries { get; private set; } = [];
    public List<SelectListItem> Kinds { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? page, string? format, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        Kinds = [.. AuditActions.All.Select(a => new SelectListItem(AuditActions.Label(a), a, a == Kind))];
        var query = Filtered();
        if (format == "csv")
        {
            var all = await query.OrderBy(e => e.Id).Take(100_000).ToListAsync(ct);
            var csv = CsvExport.Write(["时间", "操作人", "操作", "对象", "网站编号", "详情"],
                all.Select(e => new[]
                {
                    ChinaTime.Format(e.At), e.UserName, AuditActions.Label(e.Action), e.Target,
                    e.SiteId?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Detail,
                }));
            return File(csv, "text/csv; charset=utf-8", "审计日志.csv");
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), "/admin/audit", Request.Query);
        Entries = await query.OrderByDescending(e => e.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Kind is { Length: > 0 } kind)
        {
            query = query.Where(e => e.Action == kind);
        }
        if (TypedText.Line(Who) is { } who)
        {
            query = query.Where(e => e.UserName.Contains(who) || e.Target.Contains(who));
        }
        if (From is DateOnly from)
        {
            var start = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.At >= start);
        }
        if (To is DateOnly to)
        {
            var end = Deadline.EndOfDay(to);
            query = query.Where(e => e.At <= end);
        }
        return query;
    }
}
