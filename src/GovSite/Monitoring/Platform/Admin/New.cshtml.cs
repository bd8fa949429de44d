using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Monitoring.Platform.Admin;

/// <summary>添加监测网站: an external government site, by its homepage URL.</summary>
public sealed class NewModel(SiteAccess access, GovSiteDb db, MonitoredSiteRegistry registry) : AdminPageModel(access)
{
    [BindProperty]
    public MonitoredSiteInput Input { get; set; } = new();

    public List<SelectListItem> RegionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MonitoringAccess.Supervises(Access))
        {
            return Forbid();
        }
        RegionChoices = await RegionOptions.ForAsync(db, Access, RegionOptionKind.All, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MonitoringAccess.Supervises(Access))
        {
            return Forbid();
        }
        var result = await registry.AddAsync(Input, ct);
        if (result.Succeeded)
        {
            Notice = $"已添加监测网站：{result.Value!.Name}。首次检测将在几分钟内开始。";
            return LocalRedirect($"/admin/monitoring/sites/{result.Value.Id}");
        }
        AddErrors(result.Errors, nameof(Input));
        RegionChoices = await RegionOptions.ForAsync(db, Access, RegionOptionKind.All, ct);
        return Page();
    }
}
