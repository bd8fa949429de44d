using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Search.Admin;

/// <summary>
/// 热门搜索: what the site's search page shows (enough distinct visitors, presentable, no listed
/// word), and the admin's pinned, hidden and blocked entries. Site admins manage their own sites,
/// platform admins also the platform's search page (site 0).
/// </summary>
public sealed class HotSearchesModel(SiteAccess access, SiteDirectory sites, HotSearches hot, HotSearchOptions options) : AdminPageModel(access)
{
    public sealed class PinInput
    {
        public string? Query { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "site")]
    public int? SiteId { get; set; }

    [BindProperty]
    public PinInput Input { get; set; } = new();

    public int Site { get; private set; }
    public List<SelectListItem> SiteOptions { get; private set; } = [];
    public List<string> Shown { get; private set; } = [];
    public List<HotSearchCandidate> Candidates { get; private set; } = [];
    public HotSearchOptions Options => options;

    public string ScopeName => Site == 0 ? "全平台搜索" : sites.FindById(Site)?.Name ?? $"网站 {Site}";

    private bool CanManage(int site) => site == 0 ? Access.Unrestricted : Access.CanAdministerSite(site);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>置顶, 取消置顶, 隐藏, 恢复显示, 屏蔽, 解除屏蔽 of one listed query.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string? query, string? decision, CancellationToken ct)
    {
        HotSearchState? state = decision switch
        {
            "pin" => HotSearchState.Pinned,
            "hide" => HotSearchState.Hidden,
            "block" => HotSearchState.Blocked,
            _ => null,
        };
        var result = await hot.DecideAsync(SiteId ?? -1, query, state, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input");
            return await LoadAsync(ct) ?? Page();
        }
        Notice = decision switch
        {
            "pin" => $"已置顶“{result.Value!.Query}”",
            "hide" => $"已隐藏“{result.Value!.Query}”，它不再出现在热门搜索中",
            "block" => $"已屏蔽“{result.Value!.Query}”，它不再出现在热门搜索和输入提示中，也不再统计",
            _ => $"已恢复“{result.Value!.Query}”的自动判断",
        };
        return Redirect($"/admin/search/hot?site={SiteId}");
    }

    /// <summary>A query of the admin's own, pinned at the end of the pinned entries.</summary>
    public async Task<IActionResult> OnPostPinAsync(CancellationToken ct)
    {
        var result = await hot.DecideAsync(SiteId ?? -1, Input.Query, HotSearchState.Pinned, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input");
            return await LoadAsync(ct) ?? Page();
        }
        Notice = $"已置顶“{result.Value!.Query}”";
        return Redirect($"/admin/search/hot?site={SiteId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var manageable = sites.All.Where(s => Access.CanAdministerSite(s.Id)).ToList();
        if (Access.Unrestricted)
        {
            SiteOptions.Add(new SelectListItem("全平台搜索", "0"));
        }
        SiteOptions.AddRange(manageable.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (SiteOptions.Count == 0)
        {
            return Forbid();
        }
        Site = SiteId ?? int.Parse(SiteOptions[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (!CanManage(Site))
        {
            return Forbid();
        }
        SiteId = Site;
        foreach (var option in SiteOptions)
        {
            option.Selected = option.Value == Site.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Shown = await hot.ListAsync(Site, ct);
        Candidates = await hot.ReviewAsync(Site, ct);
        return null;
    }
}
