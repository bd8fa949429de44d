using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure.Admin;

/// <summary>A site's information requests (依申请公开), open ones first by due date.</summary>
public sealed class RequestsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, RequestService requests) : AdminPageModel(access)
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Number, string Name, string Subject, RequestStatus Status, DateOnly ReceivedOn, DateOnly? DueDate,
        AnswerType? Answer, bool? OnTime);

    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public string? Filter { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> FilterChoices { get; private set; } = [];
    public DateOnly Today => requests.Today;

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
        FilterChoices = [new("全部", ""), new("办理中", "open"), new("已超期", "overdue"), new("已办结", "closed")];
        FilterChoices.ForEach(f => f.Selected = f.Value == (Filter ?? ""));
        var today = requests.Today;
        var query = db.InformationRequests.AsNoTracking().Where(r => r.SiteId == Id);
        query = Filter switch
        {
            "open" => query.Where(r => r.Status != RequestStatus.Answered && r.Status != RequestStatus.Closed),
            "overdue" => query.Where(r => (r.Status == RequestStatus.Handling || r.Status == RequestStatus.ThirdParty) && r.DueDate < today),
            "closed" => query.Where(r => r.Status == RequestStatus.Answered || r.Status == RequestStatus.Closed),
            _ => query,
        };
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/disclosure/requests", Request.Query);
        var rows = await query
            .OrderBy(r => r.Status == RequestStatus.Answered || r.Status == RequestStatus.Closed).ThenBy(r => r.DueDate).ThenByDescending(r => r.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(r => new { r.Id, r.Number, r.Name, r.InformationName, r.Description, r.Status, r.ReceivedOn, r.DueDate, r.AnswerType, r.AnsweredOnTime })
            .ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Number, r.Name, Short(r.InformationName ?? r.Description), r.Status, r.ReceivedOn, r.DueDate,
            r.AnswerType, r.AnsweredOnTime))];
        return Page();
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 40 ? line[..40] + "…" : line;
    }
}
