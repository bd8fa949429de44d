using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

/// <summary>The live page: rendered with what is public now, then kept current by the /live feed.</summary>
[Security.PublicFormLimit(Security.RateLimitOptions.InterviewQuestions)]
public sealed class InterviewPageModel(CurrentSite current, SiteContent content, InterviewService interviews, TimeProvider clock)
    : PublicPageModel(current, content)
{
    [BindProperty]
    public AskInput Input { get; set; } = new();

    public Interview Interview { get; private set; } = null!;
    public List<InterviewQuestion> Questions { get; private set; } = [];
    public InterviewPhase Phase => interviews.Phase(Interview);
    public bool Submitted { get; private set; }

    /// <summary>Where the feed starts: changes after the page was read (with the feed's own overlap).</summary>
    public long Since { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool? submitted, CancellationToken ct)
    {
        Submitted = submitted == true;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        var result = await interviews.AskAsync(Site.Id, id, Input, ParticipationSetup.ClientHash(HttpContext, "interview"), ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            return Redirect(Link($"/interviews/{id}?submitted=true"));
        }
        result.Errors.CopyTo(ModelState, "Input");
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (Site is null && !await LoadSiteAsync(ct))
        {
            return false;
        }
        if (await interviews.PublicAsync(Site!.Id, id, ct) is not { } interview)
        {
            return false;
        }
        Since = clock.GetUtcNow().UtcDateTime.Ticks;
        Interview = interview;
        Questions = await interviews.ApprovedAsync(id, ct);
        PageTitle = $"{interview.Title} - 在线访谈 - {Site.Name}";
        AddMeta("ColumnName", "在线访谈");
        AddMeta("ColumnType", "互动交流");
        AddMeta("ArticleTitle", interview.Title);
        AddMeta("PubDate", GovSite.Common.ChinaTime.Format(interview.StartsAt));
        return true;
    }
}
