using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

[Security.PublicFormLimit(Security.RateLimitOptions.Opinions)]
public sealed class ConsultationPageModel(CurrentSite current, SiteContent content, ConsultationService consultations)
    : PublicPageModel(current, content)
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;
    public List<ConsultationComment> Comments { get; private set; } = [];
    public DateOnly Today => consultations.Today;
    public ConsultationPhase Phase => ConsultationService.Phase(Consultation, Today);
    public bool Submitted { get; private set; }

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
        var result = await consultations.SubmitCommentAsync(Site.Id, id, Input, ParticipationSetup.ClientHash(HttpContext, "comment"), ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            return Redirect(Link($"/consultations/{id}?submitted=true"));
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
        if (await consultations.PublicAsync(Site!.Id, id, ct) is not { } c)
        {
            return false;
        }
        Consultation = c;
        Comments = await consultations.ApprovedCommentsAsync(id, ct);
        PageTitle = $"{c.Title} - 意见征集 - {Site.Name}";
        AddMeta("ColumnName", "意见征集");
        AddMeta("ColumnType", "互动交流");
        AddMeta("ArticleTitle", c.Title);
        // An item page of its column, as an article is (GB/T 33190 meta tags: the date it opened).
        AddMeta("PubDate", c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
