using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>An item's trail as CSV (谁发布谁负责, for the file): every step, who, when, which version, with comments.</summary>
public sealed class TrailModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await db.LibraryItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.OwnerSiteId, i.Title }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }
        if (!Access.CanSee(item.OwnerSiteId))
        {
            return Forbid();
        }
        var rows = await db.ItemTransitions.AsNoTracking().Where(t => t.ItemId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var csv = CsvExport.Write(["时间", "操作人", "操作", "修订", "审核级别", "版本", "原状态", "新状态", "意见"],
            rows.Select(t => new[]
            {
                ChinaTime.Format(t.At), t.UserName, Labels.Action(t.Action), t.Revision ? "是" : "", t.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture), Labels.Of(t.From), Labels.Of(t.To), t.Comment,
            }));
        return File(csv, "text/csv; charset=utf-8", $"流程记录-{id}.csv");
    }
}
