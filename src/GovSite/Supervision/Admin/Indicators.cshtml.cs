using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Supervision.Admin;

/// <summary>检查指标: the current table and its versions; a platform administrator edits a draft and publishes it as the next version.</summary>
public sealed class IndicatorsModel(SiteAccess access, GovSiteDb db, IndicatorTables tables) : SupervisionPage(access, db)
{
    public IndicatorTable Current { get; private set; } = null!;
    public IndicatorTable? Draft { get; private set; }
    public List<IndicatorTable> Versions { get; private set; } = [];

    [BindProperty]
    public IndicatorTableInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken ct)
    {
        await LoadAsync(version, ct);
        return Page();
    }

    private async Task LoadAsync(int? version, CancellationToken ct)
    {
        Versions = await tables.VersionsAsync(ct);
        Current = version is int v && Versions.FirstOrDefault(t => t.Version == v && t.PublishedAt != null) is { } chosen
            ? (await tables.FindAsync(chosen.Id, ct))!
            : await tables.CurrentAsync(ct);
        Versions = await tables.VersionsAsync(ct);
        if (Access.Unrestricted && Versions.FirstOrDefault(t => t.PublishedAt is null) is { } draft)
        {
            Draft = await tables.FindAsync(draft.Id, ct);
            if (Input.Items.Count == 0)
            {
                Input = IndicatorTables.ToInput(Draft!);
            }
        }
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        var result = await tables.DraftAsync(ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        Notice = $"已建立第 {result.Value!.Version} 版草稿（复制自当前版本），修改后发布即生效。";
        return LocalRedirect("/admin/supervision/indicators");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var result = await tables.SaveDraftAsync(Input, ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = "草稿已保存。";
        return LocalRedirect("/admin/supervision/indicators");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var result = await tables.PublishDraftAsync(ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = $"第 {result.Value!.Version} 版指标已发布，此后发起的抽查按此版本评分；已有考评表仍按原版本计算。";
        return LocalRedirect("/admin/supervision/indicators");
    }

    public static string KindLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Veto => "单项否决",
        IndicatorKind.Deduction => "扣分",
        _ => "加分",
    };

    public static string GroupLabel(IndicatorGroup? group) => group switch
    {
        IndicatorGroup.Publishing => "发布解读",
        IndicatorGroup.Services => "办事服务",
        IndicatorGroup.Interaction => "互动交流",
        IndicatorGroup.Design => "功能设计",
        _ => "—",
    };

    public static string MeasureLabel(IndicatorMeasure measure) => measure switch
    {
        IndicatorMeasure.Checker => "检测程序",
        IndicatorMeasure.Person => "人工评判",
        _ => "检测程序＋人工",
    };
}
