namespace GovSite.AnnualReports;

/// <summary>
/// One supervising office's 政府网站监管年度报表 for one calendar year: the office is the 主管单位
/// of a region, so the report belongs to the region. The same life as a site's report
/// (<see cref="ReportWorkflow"/>): a draft computed when read, frozen at submission by the office,
/// returned or approved by the office above it (a platform administrator for a top region), and
/// published on the region's portal with its address recorded.
/// </summary>
public sealed class SupervisionReport
{
    public int Id { get; set; }
    public int RegionId { get; set; }
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

    /// <summary>Where the published report lives on the region's portal (its 政府信息公开目录 links it, its homepage lists it).</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>The layout of the 政府网站监管年度报表, as data (<c>supervision-report-template.json</c>, or <c>AnnualReports:SupervisionTemplate</c>).</summary>
public sealed record SupervisionReportTemplate(AnnualReportTemplate Template);
