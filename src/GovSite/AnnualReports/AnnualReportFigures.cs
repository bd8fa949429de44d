using System.Globalization;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Sites;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

/// <summary>The site and calendar year a report is computed for (China time: 1 January 00:00 to 31 December 24:00).</summary>
public sealed record ReportPeriod(SiteInfo Site, int Year)
{
    public DateOnly From => new(Year, 1, 1);
    public DateOnly To => new(Year, 12, 31);
    public DateTime StartUtc => ChinaTime.ToUtc(new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
    public DateTime EndUtc => ChinaTime.ToUtc(new DateTime(Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
}

/// <summary>
/// The seam through which a feature supplies report figures: each source names the template keys
/// it computes and returns their values (numbers as invariant digits, yes/no as 是/否). A key the
/// template marks computed that no source supplies is entered by hand and marked 手工填报. Each
/// feature registers its own source in its Setup
/// (<c>services.AddScoped&lt;IAnnualReportFigures, ServicesReportFigures&gt;()</c>): Disclosure/
/// (info.disclosure), Services/ (services.*, innovation.personal), ErrorReports/ (interaction.error*),
/// Supervision/ (media.*). A source may leave out a key for a site it knows nothing of (no new-media
/// account registered, say): that line is then 手工填报 for that site.
/// </summary>
public interface IAnnualReportFigures
{
    IReadOnlyCollection<string> Keys { get; }

    Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct);
}

/// <summary>Every figure the platform's own data gives: registry, visits, publishing, topics, interaction, monitoring, search.</summary>
public sealed class PlatformReportFigures(GovSiteDb db, VisitFigures visits, MessageStatistics messages, ParticipationFigures participation)
    : IAnnualReportFigures
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        "header.siteName", "header.homepage", "header.hostUnit", "header.siteType", "header.siteCode", "header.icp", "header.police",
        "header.visitors", "header.views",
        "info.total", "info.overview", "info.news",
        "topics.maintained", "topics.new",
        "interpret.total",
        "interaction.platform", "interaction.received", "interaction.closed", "interaction.days", "interaction.replies",
        "interaction.consultations", "interaction.opinions", "interaction.results", "interaction.interviews", "interaction.questions",
        "interaction.answered", "interaction.smartqa",
        "security.assessments", "security.problems", "security.fixed", "security.monitoring",
        "innovation.search", "innovation.accessibility",
    ];

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct)
    {
        var site = period.Site;
        var (start, end) = (period.StartUtc, period.EndUtc);
        var values = new Dictionary<string, string>
        {
            ["header.siteName"] = site.Name,
            ["header.homepage"] = site.MainHost is { } host ? $"https://{host}/" : "",
            ["header.hostUnit"] = site.HostUnitName ?? "",
            ["header.siteType"] = site.Type == SiteType.Portal ? "门户网站" : "部门网站",
            ["header.siteCode"] = site.Code,
            ["header.icp"] = site.IcpNumber ?? "",
            ["header.police"] = site.PoliceRecordNumber ?? "",
        };
        var totals = await visits.TotalsAsync([site.Id], period.From, period.To, ct);
        values["header.visitors"] = Number(totals.Visitors);
        values["header.views"] = Number(totals.Views);

        // Articles first published in the year and still published, by the type of their column.
        var published = db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.PublishedAt >= start && a.PublishedAt < end);
        var byType = await published.Join(db.Columns.IgnoreQueryFilters(), a => a.ColumnId, c => c.Id, (a, c) => c.Type)
            .GroupBy(t => t).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);
        values["info.total"] = Number(byType.Sum(t => t.Count));
        values["info.overview"] = Number(byType.Where(t => t.Type == ColumnType.Overview).Sum(t => t.Count));
        values["info.news"] = Number(byType.Where(t => t.Type == ColumnType.News).Sum(t => t.Count));
        values["interpret.total"] = Number(await published.CountAsync(a => a.InterpretsId != null
            || db.Columns.IgnoreQueryFilters().Any(c => c.Id == a.ColumnId && c.Type == ColumnType.Interpretation), ct));

        // A topic is maintained in the year when it was open at some time in it.
        var topics = db.SpecialTopics.IgnoreQueryFilters().AsNoTracking().Where(t => t.SiteId == site.Id && t.OpenedAt < end);
        values["topics.maintained"] = Number(await topics.CountAsync(t => t.ClosedAt == null || t.ClosedAt >= start, ct));
        values["topics.new"] = Number(await topics.CountAsync(t => t.OpenedAt >= start, ct));

        var m = await messages.ForSiteAsync(site.Id, period.From, period.To, ct);
        var p = await participation.ForSiteAsync(site.Id, period.From, period.To, ct);
        values["interaction.platform"] = YesNo(await db.MessageChannels.IgnoreQueryFilters().AnyAsync(c => c.SiteId == site.Id && c.IsOpen, ct));
        values["interaction.received"] = Number(m.Received);
        values["interaction.closed"] = Number(m.Closed);
        values["interaction.days"] = m.AverageWorkingDays.ToString("0.#", CultureInfo.InvariantCulture);
        values["interaction.replies"] = Number(m.PublishedReplies);
        values["interaction.consultations"] = Number(p.ConsultationRounds);
        values["interaction.opinions"] = Number(p.Opinions);
        values["interaction.results"] = Number(p.ResultsPublished);
        values["interaction.interviews"] = Number(p.InterviewRounds);
        values["interaction.questions"] = Number(p.InterviewQuestions);
        values["interaction.answered"] = Number(p.InterviewAnswered);
        values["interaction.smartqa"] = YesNo(await db.FaqEntries.IgnoreQueryFilters().AnyAsync(f => f.SiteId == site.Id, ct)
            || await db.SearchAnswers.AnyAsync(a => a.SiteId == site.Id || a.SiteId == 0, ct));

        // Security: the platform's checks of this site in the year, and the tampering they found.
        var monitored = db.MonitoredSites.IgnoreQueryFilters().AsNoTracking().Where(s => s.SiteId == site.Id).Select(s => s.Id);
        values["security.assessments"] = Number(await db.CheckRuns.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(r => monitored.Contains(r.MonitoredSiteId) && r.StartedAt >= start && r.StartedAt < end, ct));
        var alerts = db.TamperAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => monitored.Contains(a.MonitoredSiteId) && a.DetectedAt >= start && a.DetectedAt < end);
        values["security.problems"] = Number(await alerts.CountAsync(ct));
        values["security.fixed"] = Number(await alerts.CountAsync(a => a.ResolvedAt != null, ct));
        values["security.monitoring"] = YesNo(await db.MonitoredSites.IgnoreQueryFilters().AnyAsync(s => s.SiteId == site.Id && s.IsActive, ct));

        values["innovation.search"] = YesNo(await db.SearchAnswers.AnyAsync(a => a.SiteId == site.Id || a.SiteId == 0, ct));
        // Every GovSite page carries the accessibility and elder-mode toolbar (PublicLayout.Toolbar).
        values["innovation.accessibility"] = "是";
        return values;
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool b) => b ? "是" : "否";
}
