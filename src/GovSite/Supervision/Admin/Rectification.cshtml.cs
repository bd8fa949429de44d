using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>One order: its findings, due date, answers and re-checks; the site's staff answer here.</summary>
public sealed class RectificationModel(SiteAccess access, GovSiteDb db, Rectifications rectifications) : SupervisionPage(access, db)
{
    public RectificationOrder Order { get; private set; } = null!;
    public List<RectificationResponse> Responses { get; private set; } = [];
    public List<RectificationAlert> Alerts { get; private set; } = [];
    public DateOnly Today => rectifications.Today;
    public bool CanAnswer => Order.State != RectificationState.Closed && rectifications.CanAnswer(Order);

    [BindProperty]
    public RectificationInput Input { get; set; } = new();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var order = await Db.RectificationOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return false;
        }
        Order = order;
        Responses = await Db.RectificationResponses.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Alerts = await Db.RectificationAlerts.AsNoTracking().Where(a => a.OrderId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await rectifications.RespondAsync(id, Input, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input), new Dictionary<string, string> { ["State"] = "" });
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = "整改情况已提交，检测程序正在复查；复查合格后整改通知办结。";
        return LocalRedirect($"/admin/supervision/rectifications/{id}");
    }

    public static string AlertLabel(Interaction.AlertKind kind) => kind switch
    {
        Interaction.AlertKind.Reminder => "即将到期提醒",
        Interaction.AlertKind.OverdueSiteAdmin => "逾期督办（网站主办单位）",
        _ => "逾期督办（主管单位）",
    };
}
