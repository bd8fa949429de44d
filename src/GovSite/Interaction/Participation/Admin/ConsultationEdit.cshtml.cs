using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Participation.Admin;

public sealed class ConsultationEditModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, ConsultationService consultations,
    IOptions<ParticipationOptions> options) : ParticipationAdminPage(access, directory)
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    public int DueDays => options.Value.SummaryDueDays;

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
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.SiteId == SiteId, ct);
            if (c is null)
            {
                return NotFound();
            }
            Input = new ConsultationInput { Title = c.Title, Body = c.Body, OpensOn = c.OpensOn, ClosesOn = c.ClosesOn, IsPublished = c.IsPublished };
        }
        else
        {
            Input = new ConsultationInput { OpensOn = consultations.Today, ClosesOn = consultations.Today.AddDays(30), IsPublished = true };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (UseSite() is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await consultations.SaveAsync(SiteId, Id, Input, ct);
        if (Refused(result, nameof(Input)) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            return Page();
        }
        Notice = "意见征集已保存";
        return LocalRedirect($"{Base}/consultations/{result.Value!.Id}");
    }
}
