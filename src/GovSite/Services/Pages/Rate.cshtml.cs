using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Services.Pages;

/// <summary>好差评 of one item. Not cached: the form carries an antiforgery token. A failed save keeps what was typed.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.ServiceRatings)]
public sealed class RateModel(CurrentSite current, SiteContent content, ServiceCatalogue catalogue, ServiceRatings ratings)
    : ServicePageModel(current, content, catalogue)
{
    public ServiceItem Item { get; private set; } = null!;

    [BindProperty]
    public RatingLevel? Level { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        // The service checks everything; binding fails only on a level that is not one of the five.
        ModelState.Clear();
        var outcome = await ratings.RateAsync(Item, new RatingInput(Level, Comment), HttpContext.Connection.RemoteIpAddress?.ToString(),
            await ServicesSetup.CitizenIdAsync(HttpContext), ct);
        if (outcome.Rating is not null)
        {
            Saved = true;
            return Page();
        }
        outcome.Errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["level"] = nameof(Level), ["comment"] = nameof(Comment), ["form"] = "" });
        if (outcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (!await LoadServicesAsync(ct) || await Catalogue.GuideAsync(Shown, code, ct) is not { } item)
        {
            return false;
        }
        Item = item;
        PageTitle = $"评价：{item.Name} - {Site.Name}";
        return true;
    }
}
