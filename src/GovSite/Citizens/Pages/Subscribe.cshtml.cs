using GovSite.Notifications;
using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>订阅 one thing, reached from a link on a cached page: choose SMS or e-mail, then confirm.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.Subscriptions)]
public sealed class SubscribeModel(CurrentSite current, SiteContent content, PersonalPage personal, Subscriptions subscriptions)
    : CitizenPageModel(current, content, personal)
{
    [BindProperty(SupportsGet = true)]
    public SubscriptionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    [BindProperty]
    public OutboxChannel? Channel { get; set; }

    public SubscriptionTarget? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadFoundAsync(ct))
        {
            return NotFound();
        }
        return Me is null ? ToSignIn() : Found is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadFoundAsync(ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        if (Found is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await subscriptions.SubscribeAsync(Me, Found, Channel, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
        if (result.Succeeded)
        {
            return Redirect(Link("/account") + "?done=subscribed");
        }
        result.Errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["target"] = "", ["channel"] = nameof(Channel) });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadFoundAsync(CancellationToken ct)
    {
        if (!await LoadAsync("订阅", ct))
        {
            return false;
        }
        Found = Kind is { } k ? await subscriptions.FindAsync(Site, k, Target, ct) : null;
        if (Found is not null)
        {
            FeedUrl = Link(Found.FeedPath);
            FeedTitle = $"{Found.Title}（RSS）";
        }
        return true;
    }
}
