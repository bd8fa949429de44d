using GovSite.Monitoring;

namespace GovSite.Supervision;

/// <summary>A checker's veto or finding on a score sheet, with the key inspectors review it by.</summary>
public sealed record EvidenceItem(string Key, string Code, string Severity, string? Url, string Detail, bool IsVeto);

/// <summary>An inspector's decision on one item of evidence: upheld, or overturned with a comment.</summary>
public sealed record EvidenceReview(string Key, bool Upheld, string Comment, string By);

/// <summary>A finding the checker cannot see, or a judgement of a person-judged item: points (or a veto), comment, evidence.</summary>
public sealed record PersonEntry(string IndicatorCode, double Points, bool Veto, string Comment, string? Evidence, string By);

/// <param name="Checker">Points (or for a veto 1) from the checker's upheld findings.</param>
/// <param name="CheckerCount">How many upheld findings of the checker count for it.</param>
/// <param name="Person">Points added by people's entries.</param>
/// <param name="Value">Points the line takes off or adds (capped at the item's points); for a veto, 1 when it applies.</param>
/// <param name="Sources">Evidence keys and entries behind the number.</param>
/// <param name="ConfirmedBy">Inspectors who reviewed its evidence or made its entries.</param>
public sealed record ScoreLine(string Code, string Name, IndicatorKind Kind, IndicatorGroup? Group, double Points, IndicatorMeasure Measure,
    double Checker, int CheckerCount, double Person, double Value, List<string> Sources, List<string> ConfirmedBy)
{
    public bool Applies => Value > 0;
}

/// <param name="Score">Null when a veto applies (a vetoed site has no score).</param>
/// <param name="BaseScore">100 minus the deductions (scaled for a department without services), before any bonus.</param>
public sealed record ScoreSheet(int TableVersion, string Verdict, double? Score, double BaseScore, double Bonus, bool WithoutServices,
    bool Portal, List<ScoreLine> Lines)
{
    public IEnumerable<ScoreLine> Vetoes => Lines.Where(l => l.Kind == IndicatorKind.Veto && l.Applies);
}

/// <summary>
/// Scores a site from its evidence by one version of the indicator table. A pure function: the
/// same report, reviews, entries and table give the same sheet, so any score can be recomputed
/// and audited (and 10,000 sites rescored from stored evidence, bench/supervision.sh).
/// </summary>
public static class AssessmentScoring
{
    /// <summary>Every veto and finding of a report as reviewable evidence, keyed by position.</summary>
    public static List<EvidenceItem> Evidence(SiteReport? report)
    {
        if (report is null)
        {
            return [];
        }
        var items = new List<EvidenceItem>(report.Vetoes.Count + report.Findings.Count);
        for (var i = 0; i < report.Vetoes.Count; i++)
        {
            var v = report.Vetoes[i];
            items.Add(new EvidenceItem($"veto:{i}", v.Code, "veto", v.Evidence.FirstOrDefault(), v.Detail, true));
        }
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            items.Add(new EvidenceItem($"finding:{i}", f.Code, f.Severity, f.Url, f.Detail, false));
        }
        return items;
    }

    /// <param name="withoutServices">A department without external services: scored without the 办事服务 group, scaled to 100.</param>
    public static ScoreSheet Compute(IndicatorTable table, SiteReport? report, IReadOnlyCollection<EvidenceReview> reviews,
        IReadOnlyCollection<PersonEntry> entries, bool portal, bool withoutServices)
    {
        withoutServices &= !portal;
        var evidence = Evidence(report);
        var reviewed = reviews.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last());
        var upheld = evidence.Where(e => !reviewed.TryGetValue(e.Key, out var r) || r.Upheld).ToList();
        var lines = new List<ScoreLine>();
        foreach (var item in table.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id))
        {
            var codes = item.Measure == IndicatorMeasure.Person ? [] : item.Codes;
            var mine = entries.Where(e => string.Equals(e.IndicatorCode, item.Code, StringComparison.OrdinalIgnoreCase)).ToList();
            var sources = new List<string>();
            var confirmed = new List<string>();
            double checker = 0, person = 0, value;
            var count = 0;
            switch (item.Kind)
            {
                case IndicatorKind.Veto:
                    var vetoes = upheld.Where(e => e.IsVeto && codes.Contains(e.Code)).ToList();
                    count = vetoes.Count;
                    checker = count > 0 ? 1 : 0;
                    sources.AddRange(vetoes.Select(e => e.Key));
                    var personVetoes = mine.Where(e => e.Veto).ToList();
                    person = personVetoes.Count > 0 ? 1 : 0;
                    value = checker > 0 || person > 0 ? 1 : 0;
                    Confirm(evidence.Where(e => e.IsVeto && codes.Contains(e.Code)), personVetoes);
                    break;
                case IndicatorKind.Deduction:
                    var findings = upheld.Where(e => !e.IsVeto && codes.Contains(e.Code)).ToList();
                    count = findings.Count;
                    // The report lists at most 50 broken links as findings but counts them all: those
                    // beyond the list count too (they cannot be overturned one by one, only by a re-check).
                    var listed = evidence.Count(e => e.Code == "broken_link");
                    if (report is not null && codes.Contains("broken_link") && report.BrokenLinks.Count > listed)
                    {
                        count += report.BrokenLinks.Count - listed;
                    }
                    checker = Math.Min(item.Points, item.PerFinding * count);
                    sources.AddRange(findings.Select(e => e.Key));
                    person = mine.Where(e => !e.Veto).Sum(e => Math.Max(0, e.Points));
                    value = Math.Min(item.Points, checker + person);
                    Confirm(evidence.Where(e => !e.IsVeto && codes.Contains(e.Code)), mine);
                    break;
                default:
                    var offered = report is not null && portal ? codes.Where(c => report.Bonus.Contains(c)).ToList() : [];
                    count = offered.Count;
                    checker = count > 0 ? item.Points : 0;
                    sources.AddRange(offered.Select(c => "bonus:" + c));
                    person = portal ? mine.Where(e => !e.Veto).Sum(e => Math.Max(0, e.Points)) : 0;
                    value = Math.Min(item.Points, checker + person);
                    Confirm([], mine);
                    break;
            }
            sources.AddRange(mine.Select(e => $"entry:{e.By}"));
            lines.Add(new ScoreLine(item.Code, item.Name, item.Kind, item.Group, item.Points, item.Measure, Round(checker), count, Round(person),
                Round(value), sources, [.. confirmed.Distinct()]));

            void Confirm(IEnumerable<EvidenceItem> reviewable, IEnumerable<PersonEntry> made)
            {
                foreach (var e in reviewable)
                {
                    if (reviewed.TryGetValue(e.Key, out var r))
                    {
                        confirmed.Add(r.By);
                    }
                }
                confirmed.AddRange(made.Select(m => m.By));
            }
        }

        var servicesTotal = table.Items.Where(i => i.Kind == IndicatorKind.Deduction && i.Group == IndicatorGroup.Services).Sum(i => i.Points);
        var deducted = lines.Where(l => l.Kind == IndicatorKind.Deduction && !(withoutServices && l.Group == IndicatorGroup.Services)).Sum(l => l.Value);
        var baseScore = withoutServices && servicesTotal < 100
            ? (100 - servicesTotal - deducted) * 100 / (100 - servicesTotal)
            : 100 - deducted;
        baseScore = Math.Max(0, Round(baseScore));
        var bonus = portal && baseScore > table.BonusThreshold
            ? Math.Min(table.MaxBonus, lines.Where(l => l.Kind == IndicatorKind.Bonus).Sum(l => l.Value))
            : 0;
        var vetoed = lines.Any(l => l.Kind == IndicatorKind.Veto && l.Applies);
        double? score = vetoed ? null : Round(baseScore + bonus);
        var verdict = vetoed || score < table.PassMark ? "fail" : "pass";
        return new ScoreSheet(table.Version, verdict, score, baseScore, Round(bonus), withoutServices, portal, lines);
    }

    /// <summary>Whether a report's site is a department without external services (no service column, no guide found).</summary>
    public static bool LacksServices(SiteReport? report) =>
        report is not null && report.Kind == "department"
        && !report.Columns.Any(c => c.Type == "service")
        && !report.Findings.Any(f => f.Code == "service_guide_incomplete")
        && !report.Vetoes.Any(v => v.Code == VetoCodes.ServiceGuideIncomplete);

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
