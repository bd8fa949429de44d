namespace GovSite.AnnualReports;

/// <summary>
/// One supervising office's 政府网站监管年度报表 for one calendar year: the office is the 主管单位
/// of a region, so the report belongs to the region. The same life as a site's report
/// (<see cref="ReportWorkflow"/>): a draft computed when read, frozen at submission by the office,
/// returned or approved by the office above it (a platform administrator for a top region), and
/// published on the region's portal with its address recorded.
/// </summary>
public sealed class SupervisionReport : YearReport
{
    public int RegionId { get; set; }
}

/// <summary>The layout of the 政府网站监管年度报表, as data (<c>supervision-report-template.json</c>, or <c>AnnualReports:SupervisionTemplate</c>).</summary>
public sealed record SupervisionReportTemplate(AnnualReportTemplate Template);
