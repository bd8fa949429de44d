using GovSite.Common;

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
/// What both annual reports share: a calendar year's figures, those entered by hand and those
/// computed (computed when read while a draft, frozen at submission, so what the office approves
/// and the public reads is what was submitted), and their life through <see cref="ReportWorkflow"/>.
/// A base class of the two entities, not an entity itself: each report keeps its own table.
/// </summary>
public abstract class YearReport
{
    public int Id { get; set; }
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

    /// <summary>The public address it was published at, recorded for the portal's 专栏 and 政府信息公开目录.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>One site's 政府网站工作年度报表 for one calendar year.</summary>
public sealed class AnnualReport : YearReport
{
    public int SiteId { get; set; }
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

    public static string ActionLabel(Action action) => action switch
    {
        Action.Submit => "报送",
        Action.Return => "退回",
        _ => "审核通过",
    };

    /// <summary>The figures a person entered, checked line by line and kept as typed; false (and nothing changed) on a problem.</summary>
    public static bool Enter(YearReport report, IEnumerable<ReportLine> lines, IReadOnlyDictionary<string, string?> input, ValidationErrors errors)
    {
        if (!IsEditable(report.Status))
        {
            errors.Add("status", $"报表{Label(report.Status)}，不能修改");
            return false;
        }
        var entered = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(report.EnteredJson) ?? [];
        ReportLines.Enter(lines, input, entered, errors);
        if (!errors.IsValid)
        {
            return false;
        }
        report.EnteredJson = System.Text.Json.JsonSerializer.Serialize(entered);
        return true;
    }

    /// <summary>
    /// One step of the table for either report: at submission every entered line
    /// <paramref name="requiredAtSubmission"/> names must be filled in and the computed figures are
    /// frozen; a return needs its reason and thaws them; an approval publishes at
    /// <paramref name="publicUrl"/>. False (and nothing changed) when the step is refused, each
    /// reason in <paramref name="errors"/>.
    /// </summary>
    public static bool Apply(YearReport report, Action action, Actor actor, IReadOnlyCollection<ReportLine> lines, Func<ReportLine, bool> requiredAtSubmission,
        string? reason, string? publicUrl, int? userId, DateTime now, ValidationErrors errors)
    {
        if (Next(report.Status, action, actor) is not { } next)
        {
            errors.Add("status", $"报表{Label(report.Status)}，不能{ActionLabel(action)}");
            return false;
        }
        switch (action)
        {
            case Action.Submit:
                foreach (var line in lines.Where(l => l.Source != FieldSource.Computed && requiredAtSubmission(l) && l.Value.Length == 0))
                {
                    errors.Add(line.Key, $"报送前请填写“{line.Label}”");
                }
                if (!errors.IsValid)
                {
                    return false;
                }
                report.ComputedJson = System.Text.Json.JsonSerializer.Serialize(
                    lines.Where(l => l.Source == FieldSource.Computed).ToDictionary(l => l.Key, l => l.Value));
                report.SubmittedAt = now;
                report.SubmittedById = userId;
                report.ReturnReason = null;
                break;
            case Action.Return:
                if (TypedText.Line(reason) is not { Length: > 0 } why)
                {
                    errors.Add("reason", "请填写退回原因");
                    return false;
                }
                report.ReturnReason = why;
                report.ComputedJson = null;
                report.ReviewedAt = now;
                report.ReviewedById = userId;
                break;
            case Action.Approve:
                report.ReviewedAt = now;
                report.ReviewedById = userId;
                report.PublishedAt = now;
                report.PublicUrl = publicUrl;
                break;
        }
        report.Status = next;
        return true;
    }

    /// <summary>Reports are due by 31 January of the next year; from 25 January an unsent one is flagged.</summary>
    public static bool IsLate(ReportStatus status, int year, DateOnly today) =>
        status is ReportStatus.Draft or ReportStatus.Returned && today >= new DateOnly(year + 1, 1, 25);
}
