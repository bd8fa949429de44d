using System.Globalization;
using GovSite.AnnualReports;

namespace GovSite.ErrorReports;

/// <summary>
/// 我为政府网站找错 figures of the 政府网站工作年度报表: the reports made on the site that were
/// received in the year, how many were closed, and the share closed by their deadline (of those
/// closed, as the supervision report counts it), read through <see cref="ErrorReportFigures"/>.
/// </summary>
public sealed class ErrorReportsReportFigures(ErrorReportFigures figures) : IAnnualReportFigures
{
    public IReadOnlyCollection<string> Keys { get; } = ["interaction.errorReports", "interaction.errorClosed", "interaction.errorOnTime"];

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(ReportPeriod period, CancellationToken ct)
    {
        var (total, _) = await figures.ForSitesAsync([period.Site.Id], period.From, period.To, ct);
        return new Dictionary<string, string>
        {
            ["interaction.errorReports"] = total.Received.ToString(CultureInfo.InvariantCulture),
            ["interaction.errorClosed"] = total.Closed.ToString(CultureInfo.InvariantCulture),
            ["interaction.errorOnTime"] = ReportNumbers.Percent(total.ClosedOnTimeShare),
        };
    }
}
