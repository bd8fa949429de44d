using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

/// <summary>文字实录: the answered questions in the order they were answered.</summary>
public sealed class InterviewTranscriptModel(CurrentSite current, SiteContent content, InterviewService interviews) : PublicPageModel(current, content)
{
    public Interview Interview { get; private set; } = null!;
    public List<InterviewQuestion> Answered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await interviews.PublicAsync(Site.Id, id, ct) is not { } interview)
        {
            return NotFound();
        }
        Interview = interview;
        Answered = [.. (await interviews.ApprovedAsync(id, ct)).Where(q => q.Answer is not null)];
        PageTitle = $"{interview.Title}文字实录 - {Site.Name}";
        AddMeta("ColumnName", "在线访谈");
        AddMeta("ColumnType", "互动交流");
        AddMeta("ArticleTitle", interview.Title + "文字实录");
        return Page();
    }
}
