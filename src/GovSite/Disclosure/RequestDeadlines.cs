using GovSite.Data;
using GovSite.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure;

/// <summary>
/// Information requests under the messages' reminder and escalation machinery: a request whose
/// clock runs is reminded before its due date and escalated after it. A request whose clock stands
/// still for a 补正 or a fee has no deadline to miss and is left alone until it runs again; one waiting for a
/// third party is watched against the latest date its clock can reach.
/// </summary>
public sealed class RequestDeadlines(GovSiteDb db, IOptions<DisclosureOptions> options)
    : SharedAlertDeadlines(db, Work)
{
    public const string Work = "information-request";

    public override DeadlinePolicy Policy => options.Value.Policy;

    protected override string LinkOf(int id) => $"/admin/disclosure/requests/{id}";

    protected override string Noun => "依申请公开";

    public override async Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct) =>
        (await Db.InformationRequests.AsNoTracking()
            // A third party's silence ends the pause by itself, and the due date kept for it is the latest the rules allow.
            .Where(r => (r.Status == RequestStatus.Handling || r.Status == RequestStatus.ThirdParty) && r.DueDate != null && r.DueDate <= horizon)
            .Select(r => new { r.Id, r.SiteId, r.DueDate, r.InformationName, r.Description, r.Number })
            .ToListAsync(ct))
        .Select(r => new DeadlineItem(r.Id, r.SiteId, r.DueDate!.Value, Title(r.InformationName ?? r.Description), r.Number))
        .ToList();

    private static string Title(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return "依申请公开：" + (line.Length > 60 ? line[..60] + "…" : line);
    }
}
