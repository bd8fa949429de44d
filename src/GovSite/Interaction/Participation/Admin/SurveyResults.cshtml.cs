using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

/// <summary>Results as the public will see them, plus the free-text answers.</summary>
public sealed class SurveyResultsAdminModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, SurveyService surveys)
    : ParticipationAdminPage(access, directory)
{
    [FromRoute]
    public int Id { get; set; }

    public SurveyResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == Id && x.SiteId == SiteId, ct);
        if (s is null)
        {
            return NotFound();
        }
        Results = await surveys.ResultsAsync(s, withTexts: true, ct);
        return Page();
    }
}
