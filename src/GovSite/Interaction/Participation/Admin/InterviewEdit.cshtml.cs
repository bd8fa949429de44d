using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation.Admin;

public sealed class InterviewEditModel(SiteAccess access, SiteDirectory directory, GovSiteDb db, InterviewService interviews, TimeProvider clock)
    : ParticipationAdminPage(access, directory)
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public InterviewInput Input { get; set; } = new();

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
            var i = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.SiteId == SiteId, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InterviewInput
            {
                Title = i.Title, Guests = i.Guests, Description = i.Description,
                StartsAt = ChinaTime.ToLocal(i.StartsAt), EndsAt = ChinaTime.ToLocal(i.EndsAt), IsPublished = i.IsPublished,
            };
        }
        else
        {
            var start = ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date.AddDays(7).AddHours(10);
            Input = new InterviewInput { StartsAt = start, EndsAt = start.AddHours(1.5), IsPublished = true };
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
        var result = await interviews.SaveAsync(SiteId, Id, Input, ct);
        if (Refused(result, nameof(Input)) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            return Page();
        }
        Notice = "在线访谈已保存";
        return LocalRedirect($"{Base}/interviews/{result.Value!.Id}");
    }
}
