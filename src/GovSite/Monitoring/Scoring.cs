namespace GovSite.Monitoring;

/// <summary>
/// The score of a site without a veto: deductions from 100 (domain.md). The national table's
/// per-item weights are not in domain.md; these are GovSite's, kept small so that no single kind
/// of deduction can fail a site on its own, and capped per kind.
/// </summary>
public static class Scoring
{
    public const double PassMark = 60;

    public static double Score(IEnumerable<Finding> findings, int brokenLinks, int slowPages)
    {
        var list = findings.ToList();
        double Count(string code) => list.Count(f => f.Code == code);
        var deduction =
            Math.Min(10, 5 * Count("availability_probe_failed"))
            + Math.Min(12, 2 * Count("missing_footer_item"))
            + Math.Min(2, 2 * Count("invalid_identifier_code"))
            + Math.Min(5, 1 * Count("missing_meta_tag"))
            + Math.Min(10, 2 * Count("column_stale"))
            + Math.Min(8, 2 * Count("column_empty"))
            + Math.Min(5, 1 * Count("service_guide_incomplete"))
            + Math.Min(10, 0.5 * brokenLinks)
            + Math.Min(5, 0.5 * slowPages);
        return Math.Round(Math.Max(0, 100 - deduction), 1);
    }
}
