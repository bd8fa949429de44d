using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>外文版: a site's language versions and the items flagged for translation, with their lag.</summary>
public sealed class TranslationsPageModel(SiteAccess access, GovSiteDb db, Translations translations) : SupervisionPage(access, db)
{
    public sealed record VersionView(LanguageVersion Version, string SiteName, string VersionName, List<TranslationRow> Rows, TranslationFigures Figures);

    public List<VersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var versions = await Db.LanguageVersions.AsNoTracking().OrderBy(v => v.SiteId).ToListAsync(ct);
        var names = await Db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        foreach (var v in versions.Where(v => Access.CanSee(v.SiteId) || Access.Unrestricted || IsSupervisor))
        {
            var rows = await translations.RowsAsync(v.Id, ct);
            Versions.Add(new VersionView(v, names[v.SiteId], names[v.VersionSiteId], rows, Translations.Figures(rows)));
        }
        return Page();
    }
}
