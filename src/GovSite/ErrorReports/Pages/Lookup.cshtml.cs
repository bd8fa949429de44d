using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.ErrorReports.Pages;

/// <summary>Status lookup with the number and the query code; posted, so the code stays out of addresses.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Lookups, KeyField = "Number", KeyBucket = GovSite.Security.RateLimitOptions.LookupsPerNumber)]
public sealed class ErrorReportLookupModel(CurrentSite current, SiteContent content, ErrorReportService reports) : PublicPageModel(current, content)
{
    /// <summary>Also from the address (?number=), as the personal page links it; the query code never is.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public string? QueryCode { get; set; }

    public ErrorReport? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"找错留言查询 - {Site.Name}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"找错留言查询 - {Site.Name}";
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(nameof(Number), "请填写留言编号");
        }
        if (string.IsNullOrWhiteSpace(QueryCode))
        {
            ModelState.AddModelError(nameof(QueryCode), "请填写查询码");
        }
        if (ModelState.IsValid && (Found = await reports.LookupAsync(Number, QueryCode, ct)) is null)
        {
            ModelState.AddModelError(nameof(Number), "编号或查询码不正确，请核对后重试");
        }
        return Page();
    }
}
