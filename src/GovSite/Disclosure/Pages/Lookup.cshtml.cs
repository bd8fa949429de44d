using System.Text.Encodings.Web;
using GovSite.Common;
using GovSite.Publishing.Files;
using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure.Pages;

/// <summary>
/// The applicant's view of a request: status, the deadline computed from the trail, the trail,
/// the letters and the disclosed files. Everything is posted, so the query code stays out of
/// addresses and logs.
/// </summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Lookups, KeyField = "Number", KeyBucket = GovSite.Security.RateLimitOptions.LookupsPerNumber)]
public sealed class RequestLookupModel(CurrentSite current, SiteContent content, RequestService requests, Data.GovSiteDb db, FileStore store,
    PdfPrinter printer, HtmlEncoder encoder) : PublicPageModel(current, content)
{
    /// <summary>Also from the address (?number=), as the personal page links it; the query code never is.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public string? QueryCode { get; set; }

    public RequestView? Found { get; private set; }
    public List<StoredFile> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPdfAsync(int letterId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (await FindAsync(ct) is not { } view || view.Letters.FirstOrDefault(l => l.Id == letterId) is not { } letter)
        {
            return Page();
        }
        try
        {
            return File(await printer.PrintAsync(Letters.Html(letter, encoder), ct), "application/pdf", $"{letter.Title}-{view.Request.Number}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostFileAsync(int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (await FindAsync(ct) is null || Files.FirstOrDefault(f => f.Id == fileId) is not { } file || !System.IO.File.Exists(store.PathOf(file.StoredName)))
        {
            return Page();
        }
        return PhysicalFile(store.PathOf(file.StoredName), file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        PageTitle = $"政府信息公开申请查询 - {Site.Name}";
        return true;
    }

    private async Task<RequestView?> FindAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(nameof(Number), "请填写申请编号");
        }
        if (string.IsNullOrWhiteSpace(QueryCode))
        {
            ModelState.AddModelError(nameof(QueryCode), "请填写查询码");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        Found = await requests.LookupAsync(Number, QueryCode, ct);
        if (Found is null)
        {
            ModelState.AddModelError(nameof(Number), "申请编号或查询码不正确，请核对后重试");
            return null;
        }
        var ids = RequestService.FileIds(Found.Request.AnswerFiles);
        var siteId = Found.Request.SiteId;
        Files = ids.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && f.SiteId == siteId).ToListAsync(ct);
        return Found;
    }
}
