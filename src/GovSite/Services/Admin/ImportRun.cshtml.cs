using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>One import's report: the counts, and item by item what was added, changed, withdrawn or refused and why.</summary>
public sealed class ImportRunModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    public ServiceImportRun Run { get; private set; } = null!;
    public string SourceName { get; private set; } = "";
    public List<ImportChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var run = await db.ServiceImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (run is null)
        {
            return NotFound();
        }
        var source = await db.ServiceImportSources.AsNoTracking().FirstAsync(s => s.Id == run.SourceId, ct);
        if (!Access.Unrestricted && !Access.CanSee(source.SiteId))
        {
            return Forbid();
        }
        Run = run;
        SourceName = source.Name;
        Changes = ServiceImporter.ReportOf(run);
        return Page();
    }

    public static string Label(ImportChangeKind kind) => kind switch
    {
        ImportChangeKind.Added => "新增",
        ImportChangeKind.Updated => "更新",
        ImportChangeKind.Withdrawn => "撤下",
        ImportChangeKind.Rejected => "拒收",
        ImportChangeKind.Incomplete => "要素不全",
        ImportChangeKind.MissingHallLink => "缺少办事大厅链接",
        _ => kind.ToString(),
    };
}
