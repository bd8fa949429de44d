using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

public sealed class SurveyEditModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, SurveyService surveys)
    : ParticipationAdminPage(access, directory)
{
    /// <summary>Blank question rows offered below the existing ones.</summary>
    public const int SpareRows = 3;

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public SurveyInput Input { get; set; } = new();

    public bool Locked { get; private set; }

    public List<SelectListItem> TypeChoices(SurveyQuestionType selected) =>
        [.. Labels.Options<SurveyQuestionType>(ParticipationLabels.Of).Select(o => { o.Selected = o.Value == selected.ToString(); return o; })];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        if (!CanModerate)
        {
            return Forbid();
        }
        if (Id is int id)
        {
            var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id && x.SiteId == SiteId, ct);
            if (s is null)
            {
                return NotFound();
            }
            Input = new SurveyInput
            {
                Title = s.Title, Description = s.Description, OpensOn = s.OpensOn, ClosesOn = s.ClosesOn,
                IsPublished = s.IsPublished, ResultsPublished = s.ResultsPublished,
                Questions = [.. s.Questions.OrderBy(q => q.SortOrder).Select(q => new QuestionInput { Text = q.Text, Type = q.Type, Options = q.Options, IsRequired = q.IsRequired })],
            };
            Locked = await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
        }
        else
        {
            Input = new SurveyInput { OpensOn = surveys.Today, ClosesOn = surveys.Today.AddDays(30), IsPublished = true };
        }
        AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        if (ModelState.IsValid)
        {
            var result = await surveys.SaveAsync(SiteId, Id, Input, ct);
            if (Refused(result, nameof(Input)) is { } denied)
            {
                return denied;
            }
            if (result.Succeeded)
            {
                Notice = "网上调查已保存";
                return LocalRedirect($"{Base}/surveys/{result.Value!.Id}");
            }
        }
        Locked = Id is int id && await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
        AddSpareRows();
        return Page();
    }

    private void AddSpareRows()
    {
        var blanks = Input.Questions.Count(q => string.IsNullOrWhiteSpace(q.Text));
        for (var i = blanks; i < SpareRows && Input.Questions.Count < SurveyService.MaxQuestions; i++)
        {
            Input.Questions.Add(new QuestionInput { Type = SurveyQuestionType.SingleChoice, IsRequired = true });
        }
    }
}
