using System.Diagnostics;

namespace GovSite.Monitoring;

/// <summary>One homepage probe: when it ran, whether the page loaded within the limit, and how long it took.</summary>
public sealed record ProbeResult(DateTimeOffset At, bool Ok, TimeSpan Elapsed, int? Status = null, string? Error = null);

/// <summary>A week of probes judged by the availability rule.</summary>
/// <param name="FullDays">Days (24-hour spans back from the end) with at least the probes the rule asks for.</param>
/// <param name="Judged">False when there are fewer probes than one day's worth: too little to fail a site on (e.g. one registered an hour ago).</param>
/// <param name="Vetoed">True when the week fails the availability rule.</param>
public sealed record AvailabilityWeek(int Probes, int Failed, int FullDays, bool Judged, bool Vetoed, string Detail)
{
    public double FailureRate => Probes == 0 ? 0 : (double)Failed / Probes;

    /// <summary>Days of the week with fewer probes than the rule asks for (the verdict is then provisional).</summary>
    public int DaysShort => 7 - FullDays;
}

/// <summary>
/// Availability (veto item 1 of domain.md): over a week, at least 20 probes a day; the site fails
/// when 5% or more of the probes did not load within 15 s. One rule for the one-shot check, the
/// scheduled monitor and the dashboard.
/// </summary>
public static class Availability
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public const int MinProbesPerDay = 20;
    public const double VetoFailureRate = 0.05;

    /// <summary>The seven China-time calendar days ending with <paramref name="weekEnd"/>.</summary>
    public static AvailabilityWeek EvaluateWeek(IEnumerable<ProbeResult> probes, DateOnly weekEnd) =>
        EvaluateWeek(probes, new DateTimeOffset(weekEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));

    /// <summary>
    /// The 7×24 hours up to <paramref name="end"/> (the scheduler's rolling week). A probe fails
    /// when it did not load or took longer than the limit. Too few probes do not excuse failures:
    /// once a day's worth exists, the rate is computed over what was probed.
    /// </summary>
    public static AvailabilityWeek EvaluateWeek(IEnumerable<ProbeResult> probes, DateTimeOffset end)
    {
        var week = probes.Where(p => p.At > end - Week && p.At <= end).ToList();
        var failed = week.Count(p => !p.Ok || p.Elapsed > ProbeTimeout);
        var fullDays = week.GroupBy(p => (int)((end - p.At).Ticks / TimeSpan.TicksPerDay)).Count(g => g.Count() >= MinProbesPerDay);
        var judged = week.Count >= MinProbesPerDay;
        var vetoed = judged && failed * 100 >= week.Count * (int)Math.Round(VetoFailureRate * 100);
        var rate = week.Count == 0 ? 0 : (double)failed / week.Count;
        var detail = week.Count == 0
            ? "本周无可用性探测记录"
            : $"近7天共探测 {week.Count} 次，其中 {failed} 次未能在15秒内打开（{rate:P1}，达到5%即单项否决）"
              + (fullDays < 7 ? $"；{7 - fullDays} 天探测不足 {MinProbesPerDay} 次" : "");
        return new AvailabilityWeek(week.Count, failed, fullDays, judged, vetoed, detail);
    }

    /// <summary>Replaces the one-shot availability judgement of a report with the week's, when the week is judged.</summary>
    public static SiteReport ApplyWeek(SiteReport report, AvailabilityWeek week, string homepage)
    {
        if (!week.Judged)
        {
            return report;
        }
        var vetoes = report.Vetoes.Where(v => v.Code != VetoCodes.SiteUnreachable).ToList();
        if (week.Vetoed)
        {
            vetoes.Insert(0, new Veto(VetoCodes.SiteUnreachable, week.Detail, [homepage]));
        }
        var failedOnScore = report.Vetoes.Count == 0 && report.Verdict == "fail";
        return report with { Vetoes = vetoes, Verdict = vetoes.Count > 0 || failedOnScore ? "fail" : "pass" };
    }

    /// <summary>One probe: GET the homepage and read the whole body within the limit.</summary>
    public static async Task<ProbeResult> ProbeAsync(HttpClient http, Uri url, TimeProvider clock, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var at = clock.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await body.CopyToAsync(Stream.Null, timeout.Token);
            var ok = response.IsSuccessStatusCode;
            return new ProbeResult(at, ok, Stopwatch.GetElapsedTime(started), (int)response.StatusCode, ok ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProbeResult(at, false, Stopwatch.GetElapsedTime(started), null, "超过15秒未能打开");
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(at, false, Stopwatch.GetElapsedTime(started), null, e.Message);
        }
    }
}
