using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Pages;

/// <summary>Status lookup with the ticket and query code; posted, so the code stays out of URLs and logs.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Lookups, KeyField = "Ticket", KeyBucket = GovSite.Security.RateLimitOptions.LookupsPerNumber)]
public sealed class LookupModel(CurrentSite current, SiteContent content, MessageService messages) : PublicPageModel(current, content)
{
    [BindProperty]
    public string? Ticket { get; set; }

    [BindProperty]
    public string? QueryCode { get; set; }

    public Message? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"留言查询 - {Site.Name}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"留言查询 - {Site.Name}";
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Ticket))
        {
            ModelState.AddModelError(nameof(Ticket), "请填写留言编号");
        }
        if (string.IsNullOrWhiteSpace(QueryCode))
        {
            ModelState.AddModelError(nameof(QueryCode), "请填写查询码");
        }
        if (ModelState.IsValid)
        {
            Found = await messages.LookupAsync(Ticket, QueryCode, ct);
            if (Found is null)
            {
                ModelState.AddModelError(nameof(Ticket), "编号或查询码不正确，请核对后重试");
            }
        }
        return Page();
    }
}
