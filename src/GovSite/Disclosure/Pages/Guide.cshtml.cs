using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Disclosure.Pages;

/// <summary>政府信息公开指南, generated from the site's guide settings; older versions stay readable.</summary>
public sealed class GuidePageModel(CurrentSite current, SiteContent content, GuideService guides) : PublicPageModel(current, content)
{
    public DisclosureGuide Guide { get; private set; } = null!;
    public List<DisclosureGuide> Versions { get; private set; } = [];
    public bool Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"政府信息公开指南 - {Site.Name}";
        AddMeta("ColumnName", "政府信息公开指南");
        AddMeta("ColumnType", "信息公开");
        Versions = await guides.VersionsAsync(Site.Id, ct);
        Guide = await guides.CurrentAsync(Site.Id, ct);
        if (version is int v && v != Guide.Version)
        {
            Guide = Versions.FirstOrDefault(g => g.Version == v) ?? Guide;
            Older = Guide.Version == v;
            if (!Older)
            {
                return NotFound();
            }
        }
        return Page();
    }
}
