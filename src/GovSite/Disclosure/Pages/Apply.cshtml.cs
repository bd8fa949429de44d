using GovSite.Interaction;
using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure.Pages;

/// <summary>The public application form, after the official 政府信息公开申请表. Not cached: it carries an antiforgery token.</summary>
[RequestSizeLimit(GovSiteApp.MaxRequestBytes)]
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.InformationRequests, KeyField = "Input.Phone", KeyBucket = GovSite.Security.RateLimitOptions.InformationRequestsPerPhone)]
public sealed class ApplyModel(CurrentSite current, SiteContent content, RequestService requests, GuideService guides, IOptions<DisclosureOptions> options)
    : PublicPageModel(current, content)
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? IdImage { get; set; }

    public RequestReceipt? Receipt { get; private set; }
    public DisclosureGuide Guide { get; private set; } = null!;
    public long MaxImageMb => options.Value.MaxIdImageBytes / 1024 / 1024;

    public List<SelectListItem> Kinds => [.. Enum.GetValues<ApplicantKind>().Select(k =>
        new SelectListItem(k == ApplicantKind.NaturalPerson ? "公民（自然人）" : $"法人或其他组织：{DisclosureLabels.Of(k)}", k.ToString(), Input.ApplicantKind == k))];

    public List<SelectListItem> IdKinds => [.. Enum.GetValues<IdDocumentKind>().Select(k => new SelectListItem(DisclosureLabels.Of(k), k.ToString(), Input.IdKind == k))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    private static readonly Dictionary<string, string> FieldNames = new() { ["form"] = "", ["IdImage"] = "IdImage" };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        AttachmentUpload? upload = null;
        if (IdImage is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = new AttachmentUpload(file.FileName, buffer.ToArray());
        }
        // The service validates everything; binding only fails on values no option offers.
        ModelState.Clear();
        Input.IdImage = null;
        var outcome = await requests.SubmitAsync(Site.Id, Input, upload, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Receipt is { } receipt)
        {
            Receipt = receipt;
            // A signed-in citizen finds it on their page (千人千网) with its status.
            if (await Citizens.CitizensSetup.CitizenIdAsync(HttpContext) is int citizenId)
            {
                await HttpContext.RequestServices.GetRequiredService<Citizens.PersonalPage>().ClaimRequestAsync(citizenId, receipt.Number, receipt.QueryCode, ct);
            }
            return Page();
        }
        outcome.Errors.CopyTo(ModelState, "Input", FieldNames);
        if (outcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        PageTitle = $"依申请公开 - {Site.Name}";
        AddMeta("ColumnName", "依申请公开");
        AddMeta("ColumnType", "信息公开");
        Guide = await guides.CurrentAsync(Site.Id, ct);
        return true;
    }
}
