using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>
/// 外部链接检查结果: what the background check last found about every external link the quality
/// gate has met, broken ones first. Platform administrators only: the links come from every
/// site's drafts as well as its published pages.
/// </summary>
public sealed class QualityLinksModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 50;

    /// <summary>Also the links that answered; by default only the broken ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public List<ExternalLinkStatus> Links { get; private set; } = [];
    public int BrokenCount { get; private set; }
    public int CheckedCount { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        var statuses = db.ExternalLinkStatuses.AsNoTracking();
        CheckedCount = await statuses.CountAsync(ct);
        BrokenCount = await statuses.CountAsync(s => s.Broken, ct);
        var shown = All ? statuses : statuses.Where(s => s.Broken);
        Pager = new Pager(Pager.Clamp(page), PageSize, All ? CheckedCount : BrokenCount, "/admin/quality/links", Request.Query);
        Links = await shown.OrderByDescending(s => s.Broken).ThenByDescending(s => s.CheckedAt).ThenBy(s => s.UrlHash)
            .Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    /// <summary>What the check found, in words: the HTTP status, or why there was none.</summary>
    public static string Outcome(ExternalLinkStatus status) => status switch
    {
        { StatusCode: int code } when status.Broken => $"失效（HTTP {code}）",
        { StatusCode: int code } => $"正常（HTTP {code}）",
        { Error: { } error } => status.Broken ? $"失效：{error}" : error,
        _ => status.Broken ? "失效" : "正常",
    };
}
