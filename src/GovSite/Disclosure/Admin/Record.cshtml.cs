using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Disclosure.Admin;

/// <summary>
/// Staff enter an application received in person, by post, by fax or in the mailbox, with its
/// date of receipt by the rules of receipt (signed post: the date signed; mailbox: the date taken out).
/// </summary>
[RequestSizeLimit(GovSiteApp.MaxRequestBytes)]
public sealed class RecordModel(SiteAccess access, SiteDirectory directory, RequestService requests) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new() { Channel = ReceiptChannel.InPerson };

    [BindProperty]
    public IFormFile? IdImage { get; set; }

    public RequestReceipt? Receipt { get; private set; }

    public List<SelectListItem> Kinds => [.. Enum.GetValues<ApplicantKind>().Select(k => new SelectListItem(DisclosureLabels.Of(k), k.ToString(), Input.ApplicantKind == k))];
    public List<SelectListItem> IdKinds => [.. Enum.GetValues<IdDocumentKind>().Select(k => new SelectListItem(DisclosureLabels.Of(k), k.ToString(), Input.IdKind == k))];
    public List<SelectListItem> Channels => [.. Enum.GetValues<ReceiptChannel>().Where(c => c != ReceiptChannel.Online)
        .Select(c => new SelectListItem($"{DisclosureLabels.Of(c)}（{DisclosureLabels.ReceiptRule(c)}）", c.ToString(), Input.Channel == c))];
    public List<SelectListItem> Deliveries => [.. Enum.GetValues<DeliveryMethod>().Select(d => new SelectListItem(DisclosureLabels.Of(d), d.ToString(), Input.Delivery == d))];

    public IActionResult OnGet() => Load() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        AttachmentUpload? upload = null;
        if (IdImage is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = new AttachmentUpload(file.FileName, buffer.ToArray());
        }
        ModelState.Clear();
        // The form's file field is the only way in for an image here; the API's Base64 field is not offered.
        Input.IdImage = null;
        var outcome = await requests.RecordAsync(Id, Input, upload, ct);
        if (outcome.Receipt is { } receipt)
        {
            Receipt = receipt;
            return Page();
        }
        AddErrors(outcome.Errors, "Input", new Dictionary<string, string> { ["IdImage"] = "IdImage" });
        return Page();
    }

    private IActionResult? Load()
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        return requests.CanHandle(Id) ? null : Forbid();
    }
}
