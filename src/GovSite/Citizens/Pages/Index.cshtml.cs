using GovSite.Notifications;
using GovSite.PublicSite;
using GovSite.Services;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Citizens.Pages;

/// <summary>个人中心 (千人千网): saved items, messages, subscriptions, suggestions, settings.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.CitizenPosts, PerCitizen = true, KeyBucket = GovSite.Security.RateLimitOptions.CitizenPostsPerAccount)]
public sealed class IndexModel(CurrentSite current, SiteContent content, PersonalPage personal, CitizenAccounts accounts, Subscriptions subscriptions,
    GovSite.Sites.SiteDirectory sites) : CitizenPageModel(current, content, personal)
{
    private GovSite.Sites.SiteDirectory Sites => sites;

    public List<SavedEntry> Saved { get; private set; } = [];
    public List<MyMessage> Messages { get; private set; } = [];
    public List<MyRequest> Requests { get; private set; } = [];
    public List<MyErrorReport> ErrorReports { get; private set; } = [];
    public List<Subscription> MySubscriptions { get; private set; } = [];
    public List<Suggestion> Suggestions { get; private set; } = [];
    public List<string> PolicyThemes { get; private set; } = [];

    [BindProperty]
    public string? Ticket { get; set; }

    [BindProperty]
    public string? QueryCode { get; set; }

    [BindProperty]
    public string? RequestNumber { get; set; }

    [BindProperty]
    public string? RequestCode { get; set; }

    [BindProperty]
    public string? ReportNumber { get; set; }

    [BindProperty]
    public string? ReportCode { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public OutboxChannel? Channel { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> Events { get; set; } = [];

    [BindProperty]
    public string? NewPassword { get; set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync("个人中心", ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        Email = Me.Email;
        Events = [.. Me.Events.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        Done = Request.Query["done"].ToString() switch
        {
            "saved" => "已收藏。",
            "subscribed" => "订阅成功，有更新时会通知您。",
            _ => null,
        };
        await FillAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRemoveSavedAsync(long id, CancellationToken ct) =>
        ActAsync(async me => { await Personal.RemoveSavedAsync(me.Id, id, ct); return "已取消收藏。"; }, ct);

    public Task<IActionResult> OnPostUnsubscribeAsync(long id, CancellationToken ct) =>
        ActAsync(async me => { await Personal.RemoveSubscriptionAsync(me.Id, id, ct); return "已退订。"; }, ct);

    public Task<IActionResult> OnPostClaimAsync(CancellationToken ct) =>
        ActAsync(async me =>
        {
            var errors = await Personal.ClaimMessageAsync(me.Id, Ticket, QueryCode, ct);
            errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["ticket"] = nameof(Ticket) });
            return errors.IsValid ? "留言已添加到个人中心。" : null;
        }, ct);

    public Task<IActionResult> OnPostClaimRequestAsync(CancellationToken ct) =>
        ActAsync(async me =>
        {
            var errors = await Personal.ClaimRequestAsync(me.Id, RequestNumber, RequestCode, ct);
            errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["requestNumber"] = nameof(RequestNumber) });
            return errors.IsValid ? "政府信息公开申请已添加到个人中心。" : null;
        }, ct);

    public Task<IActionResult> OnPostClaimReportAsync(CancellationToken ct) =>
        ActAsync(async me =>
        {
            var errors = await Personal.ClaimErrorReportAsync(me.Id, ReportNumber, ReportCode, ct);
            errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["reportNumber"] = nameof(ReportNumber) });
            return errors.IsValid ? "找错留言已添加到个人中心。" : null;
        }, ct);

    public Task<IActionResult> OnPostSubscribeAsync(CancellationToken ct) =>
        ActAsync(async me =>
        {
            var (kind, value) = ParseTarget(Target);
            var target = kind is { } k ? await subscriptions.FindAsync(Site, k, value, ct) : null;
            var result = await subscriptions.SubscribeAsync(me, target, Channel, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
            result.Errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["target"] = nameof(Target), ["channel"] = nameof(Channel) });
            return result.Succeeded ? "订阅成功，有更新时会通知您。" : null;
        }, ct);

    public Task<IActionResult> OnPostSettingsAsync(CancellationToken ct) =>
        ActAsync(async me =>
        {
            var errors = await accounts.UpdateAsync(me, Email, Events, NewPassword, ct);
            errors.CopyTo(ModelState, "", new Dictionary<string, string> { ["email"] = nameof(Email), ["events"] = nameof(Events), ["password"] = nameof(NewPassword) });
            return errors.IsValid ? "设置已保存。" : null;
        }, ct);

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await CitizensSetup.SignOutAsync(HttpContext);
        return Redirect(Link("/"));
    }

    /// <summary>Runs one form's action; a refused form comes back with what was typed and its errors.</summary>
    private async Task<IActionResult> ActAsync(Func<Citizen, Task<string?>> action, CancellationToken ct)
    {
        if (!await LoadAsync("个人中心", ct))
        {
            return NotFound();
        }
        if (Me is null)
        {
            return ToSignIn();
        }
        ModelState.Clear();
        var settings = HttpContext.Request.Query["handler"] == "Settings";
        Done = await action(Me);
        if (!settings || Done is not null)
        {
            // Another form was sent, or the settings were saved: the settings form shows what is stored.
            Email = Me.Email;
            Events = [.. Me.Events.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }
        if (Done is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await FillAsync(ct);
        return Page();
    }

    private async Task FillAsync(CancellationToken ct)
    {
        Saved = await Personal.SavedAsync(Me!.Id, ct);
        Messages = await Personal.MessagesAsync(Me.Id, ct);
        Requests = await Personal.RequestsAsync(Me.Id, ct);
        ErrorReports = await Personal.ErrorReportsAsync(Me.Id, ct);
        MySubscriptions = await Personal.SubscriptionsAsync(Me.Id, ct);
        Suggestions = await Personal.SuggestionsAsync(Me, Site, ct);
        PolicyThemes = await subscriptions.PolicyThemesAsync(Site.Id, ct);
    }

    /// <summary>"Column:12", "Topic:3", "PolicyTheme:教育", "Service:1135…" as the subscription form sends them.</summary>
    public static (SubscriptionKind? Kind, string? Value) ParseTarget(string? target)
    {
        var at = (target ?? "").IndexOf(':', StringComparison.Ordinal);
        return at > 0 && Enum.TryParse<SubscriptionKind>(target![..at], out var kind) && Enum.IsDefined(kind) ? (kind, target[(at + 1)..]) : (null, null);
    }

    public IEnumerable<string> EventChoices => Me?.Kind == CitizenKind.Enterprise ? ServiceTaxonomy.BusinessEvents : ServiceTaxonomy.LifeEvents;

    /// <summary>The public status page of a request or report, on the site that handles it, with its number filled in (the query code is asked there).</summary>
    public string StatusLink(int siteId, string path, string number)
    {
        var query = "?number=" + Uri.EscapeDataString(number);
        if (siteId == Site.Id)
        {
            return Link(path) + query;
        }
        var other = Sites.FindById(siteId);
        return Request.PathBase.StartsWithSegments("/sites") || other?.MainHost is null
            ? $"/sites/{other?.Code}{path}{query}"
            : $"//{other.MainHost}{path}{query}";
    }

    public string SavedLink(SavedEntry s) => s.Kind == SavedKind.Service ? Link($"/services/{s.Target}") : Link($"/articles/{s.Target}");
}
