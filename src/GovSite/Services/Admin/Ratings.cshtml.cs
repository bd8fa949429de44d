using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>好差评 of a site's items: the figures, every rating with its comment, and the follow-up of dissatisfied ones (差评回访).</summary>
public sealed class RatingsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, ServiceRatings ratings) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string ItemName, int ItemId, RatingLevel Level, string? Comment, DateTime CreatedAt, string? FollowUp,
        string? FollowedUpBy, DateTime? FollowedUpAt);

    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public string? Filter { get; set; }

    [BindProperty]
    public string? FollowUp { get; set; }

    public Dictionary<RatingLevel, int> Counts { get; private set; } = [];
    public int Unanswered { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> FilterChoices { get; private set; } = [];
    public long? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!Access.CanSee(Id))
        {
            return Forbid();
        }
        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long ratingId, CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        var result = await ratings.FollowUpAsync(ratingId, FollowUp, Access.UserName, Access, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }
        if (!result.Succeeded)
        {
            FailedId = ratingId;
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["followUp"] = nameof(FollowUp) });
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = "已记录回访情况";
        return Redirect($"/admin/sites/{Id}/services/ratings?filter={Filter}");
    }

    private async Task LoadAsync(int? page, CancellationToken ct)
    {
        var all = db.ServiceRatings.AsNoTracking().Where(r => r.SiteId == Id);
        var counts = await all.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Counts = counts.ToDictionary(c => c.Key, c => c.Count);
        Unanswered = await all.CountAsync(r => (r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied) && r.FollowUp == null, ct);
        FilterChoices = [new("全部", ""), new("差评（不满意、非常不满意）", "bad"), new("待回访的差评", "open"), new("有评价内容", "comments")];
        FilterChoices.ForEach(f => f.Selected = f.Value == (Filter ?? ""));
        var query = Filter switch
        {
            "bad" => all.Where(r => (r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied)),
            "open" => all.Where(r => (r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied) && r.FollowUp == null),
            "comments" => all.Where(r => r.Comment != null),
            _ => all,
        };
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/services/ratings", Request.Query);
        Rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(Pager.Skip).Take(PageSize)
            .Join(db.ServiceItems.IgnoreQueryFilters(), r => r.ItemId, i => i.Id, (r, i) => new Row(r.Id, i.Name, i.Id, r.Level, r.Comment, r.CreatedAt,
                r.FollowUp, r.FollowedUpBy, r.FollowedUpAt))
            .ToListAsync(ct);
    }
}
