using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>
/// 收藏: the cached guide page links here (it cannot carry a form token); this page asks once and saves.
/// </summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.CitizenPosts, PerCitizen = true, KeyBucket = GovSite.Security.RateLimitOptions.CitizenPostsPerAccount)]
public sealed class SaveModel(CurrentSite current, SiteContent content, PersonalPage personal) : CitizenPageModel(current, content, personal)
{
    [BindProperty(SupportsGet = true)]
    public SavedKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public string? Title { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync("收藏", ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        Title = Kind is { } k ? (await Personal.TitleAsync(Site, k, (Target ?? "").Trim(), ct))?.Title : null;
        return Title is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync("收藏", ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        var result = await Personal.SaveAsync(Me, Site, Kind, Target, ct);
        return result.Succeeded ? Redirect(Link("/account") + "?done=saved") : NotFound();
    }
}
