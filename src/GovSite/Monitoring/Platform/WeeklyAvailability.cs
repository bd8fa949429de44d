namespace GovSite.Monitoring.Platform;

/// <summary>
/// The scheduled availability verdict (veto item 1): over the last week, a site fails when 5% or
/// more of its probes did not load within 15 s. The rule's numbers are <see cref="Availability"/>'s;
/// this is the rolling-window form the scheduler needs (the last 7×24 hours up to now, judged only
/// once a day's worth of probes exists) and it rewrites a report's availability veto.
/// </summary>
public static class WeeklyAvailability
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public const int ProbesPerDay = Availability.MinProbesPerDay;

    public sealed record Result(int Probes, int Failures, int FullDays, bool Judged, bool Veto)
    {
        public double FailureRate => Probes == 0 ? 0 : (double)Failures / Probes;
    }

    /// <param name="probes">Probe times (UTC) and outcomes; those outside the week before <paramref name="nowUtc"/> are ignored.</param>
    public static Result Evaluate(IEnumerable<(DateTime At, bool Ok)> probes, DateTime nowUtc)
    {
        var from = nowUtc - Window;
        var week = probes.Where(p => p.At > from && p.At <= nowUtc).ToList();
        var failures = week.Count(p => !p.Ok);
        var fullDays = week.GroupBy(p => (int)((nowUtc - p.At).Ticks / TimeSpan.TicksPerDay)).Count(g => g.Count() >= ProbesPerDay);
        // Fewer probes than one full day's worth say too little to fail a site on (e.g. a site
        // registered an hour ago); the one-shot check's own probes decide then.
        var judged = week.Count >= ProbesPerDay;
        return new(week.Count, failures, fullDays, judged, judged && failures * 100 >= week.Count * (int)Math.Round(Availability.VetoFailureRate * 100));
    }

    /// <summary>Replaces the one-shot availability judgement of a report with the weekly one, when there is one.</summary>
    public static SiteReport Apply(SiteReport report, Result week, string homepage)
    {
        if (!week.Judged)
        {
            return report;
        }
        var vetoes = report.Vetoes.Where(v => v.Code != VetoCodes.SiteUnreachable).ToList();
        if (week.Veto)
        {
            vetoes.Insert(0, new Veto(VetoCodes.SiteUnreachable,
                $"近7天共探测 {week.Probes} 次，其中 {week.Failures} 次未能在15秒内打开（{week.FailureRate:P1}，达到5%即单项否决）",
                [homepage]));
        }
        var failedOnScore = report.Vetoes.Count == 0 && report.Verdict == "fail";
        return report with { Vetoes = vetoes, Verdict = vetoes.Count > 0 || failedOnScore ? "fail" : "pass" };
    }
}
