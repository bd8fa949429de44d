using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>问责: records of the region and the year's counts under the heaviest-form rule.</summary>
public sealed class AccountabilityPageModel(SiteAccess access, GovSiteDb db, Accountability accountability, TimeProvider clock) : SupervisionPage(access, db)
{
    public int Year { get; private set; }
    public List<AccountabilityRecord> Records { get; private set; } = [];
    public List<AccountabilityCounts> Counts { get; private set; } = [];

    [BindProperty]
    public AccountabilityInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? region, int? year, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        await LoadAsync(region, year, ct);
        Input.Region ??= Region?.Code;
        Input.Date ??= DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    private async Task LoadAsync(string? region, int? year, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        Year = year is >= 2000 and <= 2100 ? year.Value : DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)).Year;
        Records = Region is null ? [] : await accountability.RecordsAsync(Region.Id, Year, null, ct);
        Counts = AccountabilityCounting.Count(Records);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accountability.RecordAsync(Input, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(Input.Region, null, ct);
            return Page();
        }
        Notice = "问责记录已登记。";
        return LocalRedirect($"/admin/supervision/accountability?region={Uri.EscapeDataString(Input.Region ?? "")}&year={result.Value!.Date.Year}");
    }
}
