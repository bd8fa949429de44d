using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

/// <summary>Only once staff publish the results; free-text answers stay in the back office (they may hold personal data).</summary>
public sealed class SurveyResultsPageModel(CurrentSite current, SiteContent content, SurveyService surveys) : PublicPageModel(current, content)
{
    public SurveyResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await surveys.PublicAsync(Site.Id, id, ct) is not { ResultsPublished: true } survey)
        {
            return NotFound();
        }
        Results = await surveys.ResultsAsync(survey, withTexts: false, ct);
        PageTitle = $"{survey.Title}调查结果 - {Site.Name}";
        AddMeta("ColumnName", "网上调查");
        AddMeta("ColumnType", "互动交流");
        AddMeta("ArticleTitle", survey.Title + "调查结果");
        return Page();
    }
}
