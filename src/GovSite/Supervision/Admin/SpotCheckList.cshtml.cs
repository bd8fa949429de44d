using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>抽查: the region's rounds, and opening the quarter's round.</summary>
public sealed class SpotCheckListModel(SiteAccess access, GovSiteDb db, SupervisorDesk desk, SpotChecks spotChecks, TimeProvider clock)
    : SupervisionPage(access, db)
{
    public List<RoundRow> Rounds { get; private set; } = [];

    [BindProperty]
    public SpotCheckForm Input { get; set; } = new();

    public sealed class SpotCheckForm
    {
        public string? Region { get; set; }
        public string? Quarter { get; set; }
        public double Percent { get; set; } = 30;
        public int? Seed { get; set; }
        public string? Sites { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        await LoadAsync(region, ct);
        var (y, q) = Quarters.Of(DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)));
        Input.Quarter ??= Quarters.Name(y, q);
        Input.Region ??= Region?.Code;
        return Page();
    }

    private async Task LoadAsync(string? region, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        Rounds = Region is null ? [] : (await desk.FiguresAsync(Region.Code, ct))?.Rounds ?? [];
        Rounds.Reverse();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        var sites = (Input.Sites ?? "").Split(['\n', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var (result, sample) = await spotChecks.OpenAsync(new SpotCheckInput
        {
            Region = Input.Region, Quarter = Input.Quarter, Ratio = Input.Percent / 100, Seed = Input.Seed, Sites = sites.Count > 0 ? sites : null,
        }, ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input), new Dictionary<string, string> { ["Ratio"] = "Input.Percent" });
            await LoadAsync(Input.Region, ct);
            return Page();
        }
        Notice = $"已随机抽取 {sample.Count} 个网站（随机种子 {result.Value!.Seed}），检测程序正在逐个检测。";
        return LocalRedirect($"/admin/supervision/spot-checks/{result.Value.Id}");
    }
}
