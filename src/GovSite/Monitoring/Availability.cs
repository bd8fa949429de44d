using System.Diagnostics;

namespace GovSite.Monitoring;

/// <summary>One homepage probe: when it ran, whether the page loaded within the limit, and how long it took.</summary>
public sealed record ProbeResult(DateTimeOffset At, bool Ok, TimeSpan Elapsed, int? Status = null, string? Error = null);

/// <param name="Vetoed">True when the week fails the availability rule.</param>
/// <param name="DaysShort">Days of the week with fewer probes than the rule asks for (the result is then provisional).</param>
public sealed record AvailabilityVerdict(bool Vetoed, int Probes, int Failed, double FailureRate, int DaysShort, string Detail);

/// <summary>
/// Availability (veto item 1 of domain.md): over a week, at least 20 probes a day; the site fails
/// when 5% or more of the probes did not load within 15 s.
/// </summary>
public static class Availability
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    public const int MinProbesPerDay = 20;
    public const double VetoFailureRate = 0.05;

    /// <summary>
    /// Evaluates a week of probes (the scheduled monitor calls this). Days are counted in China
    /// time. Too few probes do not excuse failures: the rate is computed over what was probed.
    /// </summary>
    public static AvailabilityVerdict EvaluateWeek(IReadOnlyCollection<ProbeResult> probes, DateOnly weekEnd)
    {
        var china = TimeSpan.FromHours(8);
        var first = weekEnd.AddDays(-6);
        var inWeek = probes.Where(p =>
        {
            var day = DateOnly.FromDateTime(p.At.ToOffset(china).DateTime);
            return day >= first && day <= weekEnd;
        }).ToList();
        var perDay = inWeek.GroupBy(p => DateOnly.FromDateTime(p.At.ToOffset(china).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var daysShort = Enumerable.Range(0, 7).Count(d => perDay.GetValueOrDefault(first.AddDays(d)) < MinProbesPerDay);
        var failed = inWeek.Count(p => !p.Ok || p.Elapsed > ProbeTimeout);
        var rate = inWeek.Count == 0 ? 0 : (double)failed / inWeek.Count;
        var vetoed = inWeek.Count > 0 && rate >= VetoFailureRate;
        var detail = inWeek.Count == 0
            ? "本周无可用性探测记录"
            : $"本周探测 {inWeek.Count} 次，失败 {failed} 次（{rate:P1}）" + (daysShort > 0 ? $"；{daysShort} 天探测不足 {MinProbesPerDay} 次" : "");
        return new AvailabilityVerdict(vetoed, inWeek.Count, failed, rate, daysShort, detail);
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
