using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Pages;

/// <summary>The public message form. Not output-cached: it carries an antiforgery token.</summary>
[RequestSizeLimit(GovSiteApp.MaxRequestBytes)]
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Letters, KeyField = "Input.Phone", KeyBucket = GovSite.Security.RateLimitOptions.LettersPerPhone)]
public sealed class WriteModel(CurrentSite current, SiteContent content, Data.GovSiteDb db, MessageService messages) : PublicPageModel(current, content)
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    public List<SelectListItem> Channels { get; private set; } = [];
    public Receipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(ChannelKind? channel, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.Channel = channel;
        Input.IsPublic = true;
        Select();
        return Page();
    }

    private static readonly Dictionary<string, string> FieldNames = new() { ["form"] = "", ["Attachment"] = "Attachment" };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        AttachmentUpload? upload = null;
        if (Attachment is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = new AttachmentUpload(file.FileName, buffer.ToArray());
        }
        // The service validates everything; model binding only fails on a wrong channel value.
        ModelState.Clear();
        var outcome = await messages.SubmitAsync(Site.Id, Input, upload, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Receipt is { } receipt)
        {
            Receipt = receipt;
            // A signed-in citizen finds it on their page (千人千网) with its status.
            if (await Citizens.CitizensSetup.CitizenIdAsync(HttpContext) is int citizenId)
            {
                await HttpContext.RequestServices.GetRequiredService<Citizens.PersonalPage>().ClaimMessageAsync(citizenId, receipt.Ticket, receipt.QueryCode, ct);
            }
            return Page();
        }
        // "form" problems go to the summary; the attachment is bound outside Input.
        outcome.Errors.CopyTo(ModelState, "Input", FieldNames);
        if (outcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        Select();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        PageTitle = $"我要写信 - {Site.Name}";
        var open = await db.MessageChannels.AsNoTracking().Where(c => c.SiteId == Site.Id && c.IsOpen)
            .OrderBy(c => c.SortOrder).ToListAsync(ct);
        Channels = [.. open.Select(c => new SelectListItem(c.Name, c.Kind.ToString()))];
        return true;
    }

    private void Select() => Channels.ForEach(c => c.Selected = c.Value == Input.Channel?.ToString());
}
