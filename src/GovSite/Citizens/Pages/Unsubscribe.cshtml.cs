using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>
/// The unsubscribe address in every message: no sign-in, the token in the address is the
/// permission. Opening it only asks (link scanners open links); the one button ends it.
/// </summary>
[IgnoreAntiforgeryToken]
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Subscriptions)]
public sealed class UnsubscribeModel(CurrentSite current, SiteContent content, PersonalPage personal, Subscriptions subscriptions)
    : CitizenPageModel(current, content, personal)
{
    public Subscription? Found { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync("退订", ct))
        {
            return NotFound();
        }
        Found = await subscriptions.ByTokenAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync("退订", ct))
        {
            return NotFound();
        }
        Found = await subscriptions.ByTokenAsync(token, ct);
        Done = await subscriptions.UnsubscribeAsync(token, ct);
        return Page();
    }
}
