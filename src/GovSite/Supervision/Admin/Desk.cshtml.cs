using GovSite.Accounts;
using GovSite.Data;
using GovSite.Monitoring.Platform;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>监管工作台: the region at a glance, with charts over time and exports.</summary>
public sealed class DeskModel(SiteAccess access, GovSiteDb db, SupervisorDesk desk) : SupervisionPage(access, db)
{
    public DeskFigures? Figures { get; private set; }

    public TrendChart RoundsChart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        await LoadRegionsAsync(region, ct);
        if (Region is null)
        {
            return region is null ? Page() : NotFound();
        }
        Figures = await desk.FiguresAsync(Region.Code, ct);
        var rounds = Figures!.Rounds;
        RoundsChart = new TrendChart("chart-rounds", "历次抽查：抽查数、不合格数与合格率",
            [.. rounds.Select(r => r.Period)],
            [
                new TrendSeries("合格网站数", "bar", [.. rounds.Select(r => (double?)r.Passed)], "#1a7f37"),
                new TrendSeries("不合格网站数", "bar", [.. rounds.Select(r => (double?)r.Failed)], "#b3261e"),
                new TrendSeries("合格率（%）", "line", [.. rounds.Select(r => (double?)Math.Round(r.PassRate * 100, 1))], "#0b57d0"),
            ]);
        return Page();
    }
}
