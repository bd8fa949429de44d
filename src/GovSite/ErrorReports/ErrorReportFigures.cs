using GovSite.Calendar;
using GovSite.Data;
using GovSite.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.ErrorReports;

/// <summary>
/// 找错 figures for a set of sites and a period (by date of receipt): what the supervision report
/// counts (received, forwarded on time %, closed on time %) and average working days to close, by kind.
/// </summary>
public sealed record ErrorReportCounts(
    int Received,
    int Forwarded,
    int ForwardedOnTime,
    double ForwardedOnTimeShare,
    int Closed,
    int ClosedOnTime,
    double ClosedOnTimeShare,
    int Open,
    int Overdue,
    double AverageWorkingDays,
    Dictionary<ErrorKind, int> ByKind);

public sealed class ErrorReportFigures(GovSiteDb db, CalendarService calendar, TimeProvider clock)
{
    /// <summary>The first and last day of a year, or of one of its quarters.</summary>
    public static (DateOnly From, DateOnly To) Period(int year, int? quarter) => quarter is int q and >= 1 and <= 4
        ? (new DateOnly(year, q * 3 - 2, 1), new DateOnly(year, q * 3 - 2, 1).AddMonths(3).AddDays(-1))
        : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Figures per site (reports made on it) and for all of them together.</summary>
    public async Task<(ErrorReportCounts Total, Dictionary<int, ErrorReportCounts> BySite)> ForSitesAsync(IReadOnlyCollection<int> siteIds,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = siteIds.ToArray();
        var rows = await db.ErrorReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => ids.Contains(r.SiteId) && r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new Row(r.SiteId, r.Kind, r.ReceivedOn, r.DueDate, r.ClosedOn, r.ForwardedOn, r.ForwardedOnTime))
            .ToListAsync(ct);
        var today = MessageService.LocalDate(clock.GetUtcNow().UtcDateTime);
        var cal = calendar.Current;
        return (Count(rows, cal, today), rows.GroupBy(r => r.SiteId).ToDictionary(g => g.Key, g => Count([.. g], cal, today)));
    }

    private sealed record Row(int SiteId, ErrorKind Kind, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? ClosedOn, DateOnly? ForwardedOn, bool? ForwardedOnTime);

    private static ErrorReportCounts Count(List<Row> rows, WorkingCalendar cal, DateOnly today)
    {
        var forwarded = rows.Where(r => r.ForwardedOn is not null).ToList();
        var closed = rows.Where(r => r.ClosedOn is not null).ToList();
        var closedOnTime = closed.Count(r => r.ClosedOn <= r.DueDate);
        var forwardedOnTime = forwarded.Count(r => r.ForwardedOnTime == true);
        return new ErrorReportCounts(
            rows.Count,
            forwarded.Count,
            forwardedOnTime,
            forwarded.Count == 0 ? 0 : Math.Round((double)forwardedOnTime / forwarded.Count, 4),
            closed.Count,
            closedOnTime,
            closed.Count == 0 ? 0 : Math.Round((double)closedOnTime / closed.Count, 4),
            rows.Count - closed.Count,
            rows.Count(r => r.ClosedOn is null && r.DueDate < today),
            closed.Count == 0 ? 0 : Math.Round(closed.Average(r => Math.Max(0, cal.WorkingDaysAfter(r.ReceivedOn, r.ClosedOn!.Value))), 2),
            Enum.GetValues<ErrorKind>().ToDictionary(k => k, k => rows.Count(r => r.Kind == k)));
    }
}

/// <summary>Error reports under the messages' reminder and escalation machinery: late means the supervising office hears of it.</summary>
public sealed class ErrorReportDeadlines(GovSiteDb db, IOptions<ErrorReportOptions> options) : SharedAlertDeadlines(db, Work)
{
    public const string Work = "error-report";

    public override DeadlinePolicy Policy => options.Value.Policy;

    protected override string LinkOf(int id) => $"/admin/error-reports/{id}";

    protected override string Noun => "网站找错";

    public override async Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct) =>
        (await Db.ErrorReports.AsNoTracking()
            .Where(r => r.Status == ErrorReportStatus.Open && r.DueDate <= horizon)
            .Select(r => new { r.Id, r.HandlingSiteId, r.DueDate, r.Kind, r.Description, r.Number })
            .ToListAsync(ct))
        .Select(r => new DeadlineItem(r.Id, r.HandlingSiteId, r.DueDate, $"找错（{ErrorReportService.Label(r.Kind)}）：{Cut(r.Description)}", r.Number))
        .ToList();

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 50 ? line[..50] + "…" : line;
    }
}
