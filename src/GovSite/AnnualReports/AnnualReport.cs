namespace GovSite.AnnualReports;

public enum ReportStatus
{
    /// <summary>草稿: the site fills in what the platform cannot count.</summary>
    Draft,

    /// <summary>已报送: waiting for the supervising office.</summary>
    Submitted,

    /// <summary>已退回: the office sent it back with a reason; the site edits and submits again.</summary>
    Returned,

    /// <summary>已发布: approved by the office and shown on the site and in the portal's 专栏.</summary>
    Published,
}

/// <summary>
/// One site's 政府网站工作年度报表 for one calendar year. While a draft, computed figures are
/// computed when read; at submission they are frozen (<see cref="ComputedJson"/>), so what the
/// office approves and the public reads is what the site submitted.
/// </summary>
public sealed class AnnualReport
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int Year { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>Figures entered by hand, key → text as typed (JSON object).</summary>
    public string EnteredJson { get; set; } = "{}";

    /// <summary>Computed figures frozen at submission (JSON object); null while a draft.</summary>
    public string? ComputedJson { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int? SubmittedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public int? ReviewedById { get; set; }
    public string? ReturnReason { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>The public address it was published at (the site's page), recorded for the portal's 专栏.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>The workflow as a table: who may move a report from which state to which.</summary>
public static class ReportWorkflow
{
    public enum Actor
    {
        Site,
        Supervisor,
    }

    public enum Action
    {
        Submit,
        Return,
        Approve,
    }

    private static readonly Dictionary<(ReportStatus From, Action Action), (ReportStatus To, Actor Actor)> Table = new()
    {
        [(ReportStatus.Draft, Action.Submit)] = (ReportStatus.Submitted, Actor.Site),
        [(ReportStatus.Returned, Action.Submit)] = (ReportStatus.Submitted, Actor.Site),
        [(ReportStatus.Submitted, Action.Return)] = (ReportStatus.Returned, Actor.Supervisor),
        [(ReportStatus.Submitted, Action.Approve)] = (ReportStatus.Published, Actor.Supervisor),
    };

    public static ReportStatus? Next(ReportStatus from, Action action, Actor actor) =>
        Table.TryGetValue((from, action), out var step) && step.Actor == actor ? step.To : null;

    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.Returned;

    public static string Label(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送",
        ReportStatus.Returned => "已退回",
        ReportStatus.Published => "已发布",
        _ => status.ToString(),
    };

    /// <summary>Reports are due by 31 January of the next year; from 25 January an unsent one is flagged.</summary>
    public static bool IsLate(ReportStatus status, int year, DateOnly today) =>
        status is ReportStatus.Draft or ReportStatus.Returned && today >= new DateOnly(year + 1, 1, 25);
}
