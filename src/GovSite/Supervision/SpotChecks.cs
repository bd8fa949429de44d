using System.Security.Cryptography;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

public sealed class SpotCheckInput
{
    /// <summary>Division code of the region whose sites (and everything below) are sampled.</summary>
    public string? Region { get; set; }

    /// <summary>"2026Q3".</summary>
    public string? Quarter { get; set; }
    public double? Ratio { get; set; }
    public int? Seed { get; set; }

    /// <summary>Instead of the whole region: these sites (网站标识码 of hosted sites, homepage addresses of others).</summary>
    public List<string>? Sites { get; set; }
}

/// <summary>A failing site as the 通报 lists it.</summary>
public sealed record FailingSite(int AssessmentId, string Name, string Url, string[] Vetoes, double? Score, string[] Problems);

public sealed record GoodSite(string Name, string Url, double? Score);

public sealed record FollowUp(int OrderId, string Name, string State, string DueDate, bool Late, string? ClosedOn);

/// <summary>The figures of a round: what the 通报 states, each computed from the sheets.</summary>
public sealed record RoundFigures(
    string Period, string Region, int SitesRunning, int Sampled, double SampledRatio, int Passed, int Failed, double PassRate,
    List<FailingSite> Failing, List<GoodSite> Good, List<FollowUp> PreviousFailures);

/// <summary>抽查 rounds: sampling, the checker on every sampled site (through the job queue), closing with orders.</summary>
public sealed class SpotChecks(GovSiteDb db, SiteAccess access, IndicatorTables tables, MonitoredSiteRegistry monitored, JobQueue queue,
    Rectifications rectifications, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    public async Task<(SaveResult<SpotCheckRound> Result, List<Assessment> Sample)> OpenAsync(SpotCheckInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == (input.Region ?? "").Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.Region), "请填写本辖区的行政区划代码");
        }
        else if (!access.Unrestricted && !access.RegionIds.Contains(region.Id))
        {
            return (SaveResult<SpotCheckRound>.Denied(), []);
        }
        if (!Quarters.TryParse(input.Quarter, out var year, out var quarter))
        {
            errors.Add(nameof(input.Quarter), "季度格式应为“2026Q3”");
        }
        var ratio = input.Ratio ?? options.Value.DefaultRatio;
        if (double.IsNaN(ratio) || ratio <= 0 || ratio > 1)
        {
            errors.Add(nameof(input.Ratio), "抽查比例应大于0且不超过1（如0.3表示30%）");
        }
        if (!errors.IsValid)
        {
            return (SaveResult<SpotCheckRound>.Invalid(errors), []);
        }
        await monitored.ReconcileHostedAsync(ct);
        var scope = await RegionScope.WithDescendantsAsync(db, region!.Id, ct);
        var candidates = await CandidatesAsync(scope, year, quarter, ct);
        if (input.Sites is { Count: > 0 } listed)
        {
            var wanted = listed.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var codes = await db.Sites.AsNoTracking().Where(s => wanted.Contains(s.Code)).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
            var urls = await db.MonitoredSites.AsNoTracking().Where(m => wanted.Contains(m.Url)).Select(m => new { m.Id, m.Url }).ToListAsync(ct);
            var found = candidates.Where(c => codes.Any(x => x.Id == c.Candidate.SiteId) || urls.Any(u => u.Id == c.Candidate.MonitoredSiteId)).ToList();
            var unknown = wanted.Where(w => !codes.Any(c => string.Equals(c.Code, w, StringComparison.OrdinalIgnoreCase))
                                            && !urls.Any(u => string.Equals(u.Url, w, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0 || found.Count == 0)
            {
                errors.Add(nameof(input.Sites), unknown.Count > 0
                    ? $"以下网站不在本辖区运行中的网站中：{string.Join("、", unknown.Take(10))}"
                    : "所列网站都不在本辖区运行中的网站中");
                return (SaveResult<SpotCheckRound>.Invalid(errors), []);
            }
            candidates = found;
        }
        if (candidates.Count == 0)
        {
            errors.Add(nameof(input.Region), "该地区没有正在运行的网站，无法抽查");
            return (SaveResult<SpotCheckRound>.Invalid(errors), []);
        }
        var seed = input.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var drawn = Sampling.Draw(candidates.Select(c => c.Candidate), ratio, seed);
        var table = await tables.CurrentAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var round = new SpotCheckRound
        {
            RegionId = region.Id, Year = year, Quarter = quarter, Ratio = ratio, Seed = seed,
            SiteList = input.Sites is { Count: > 0 } ? string.Join('\n', input.Sites.Select(s => s.Trim())) : null,
            SitesRunning = candidates.Count, IndicatorTableId = table.Id, Status = RoundStatus.Checking,
            CreatedAt = now, CreatedBy = access.UserName ?? "系统",
        };
        var byId = candidates.ToDictionary(c => c.Candidate.MonitoredSiteId);
        var sample = new List<Assessment>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.SpotCheckRounds.Add(round);
            await db.SaveChangesAsync(ct);
            foreach (var s in drawn)
            {
                var c = byId[s.Site.MonitoredSiteId];
                sample.Add(new Assessment
                {
                    MonitoredSiteId = s.Site.MonitoredSiteId, SiteId = s.Site.SiteId, RegionId = c.RegionId, RoundId = round.Id,
                    Period = round.Period, IndicatorTableId = table.Id, Stratum = s.Site.Stratum, Favoured = s.Favoured,
                    Portal = s.Site.Type == SiteType.Portal, Status = AssessmentStatus.Waiting, CreatedAt = now,
                });
            }
            db.Assessments.AddRange(sample);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var a in sample)
        {
            await Assessments.EnqueueCheckAsync(queue, a, now, ct);
        }
        return (SaveResult<SpotCheckRound>.Ok(round), sample);
    }

    private sealed record RunningSite(SamplingCandidate Candidate, int RegionId);

    /// <summary>Every running site in the regions: hosted sites online, and active external sites, with their strata.</summary>
    private async Task<List<RunningSite>> CandidatesAsync(int[] regions, int year, int quarter, CancellationToken ct)
    {
        var rows = await (from m in db.MonitoredSites.IgnoreQueryFilters().AsNoTracking()
                          join r in db.Regions.AsNoTracking() on m.RegionId equals r.Id
                          join s in db.Sites.AsNoTracking() on m.SiteId equals (int?)s.Id into hosted
                          from s in hosted.DefaultIfEmpty()
                          where regions.Contains(m.RegionId) && m.IsActive && (s == null || s.Status == SiteStatus.Online)
                          select new
                          {
                              m.Id, m.SiteId, m.Name, m.RegionId, RegionLevel = r.Level,
                              Level = s == null ? (SiteLevel?)null : s.Level, Type = s == null ? (SiteType?)null : s.Type,
                          }).ToListAsync(ct);
        var recent = Quarters.Before(year, quarter, options.Value.FavourQuarters);
        var sampled = (await db.Assessments.IgnoreQueryFilters().AsNoTracking().Where(a => a.RoundId != null && recent.Contains(a.Period))
            .Select(a => a.MonitoredSiteId).Distinct().ToListAsync(ct)).ToHashSet();
        return [.. rows.Select(m => new RunningSite(new SamplingCandidate(m.Id, m.SiteId, m.Name,
            m.Level ?? RegionScope.LevelOf(m.RegionLevel),
            m.Type ?? (Scoring.KindFromName(m.Name) == SiteKind.Portal ? SiteType.Portal : SiteType.Department),
            sampled.Contains(m.Id)), m.RegionId))];
    }

    /// <summary>Closes a round whose every sheet is signed, and orders every failing site to rectify.</summary>
    public async Task<SaveResult<SpotCheckRound>> CloseAsync(int id, int? workingDays, CancellationToken ct = default)
    {
        var round = await db.SpotCheckRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return SaveResult<SpotCheckRound>.Missing();
        }
        var errors = new ValidationErrors();
        if (round.Status == RoundStatus.Closed)
        {
            errors.Add("Status", "本轮抽查已结束");
        }
        var unsigned = await db.Assessments.CountAsync(a => a.RoundId == id && a.Status != AssessmentStatus.Confirmed, ct);
        if (unsigned > 0)
        {
            errors.Add("Status", $"还有 {unsigned} 张考评表未签字确认，全部签字后才能结束本轮抽查");
        }
        if (workingDays is < 1 or > 60)
        {
            errors.Add("WorkingDays", "整改期限应为1到60个工作日");
        }
        if (!errors.IsValid)
        {
            return SaveResult<SpotCheckRound>.Invalid(errors);
        }
        var failing = await db.Assessments.Where(a => a.RoundId == id && a.Verdict == "fail").OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var a in failing)
        {
            await rectifications.IssueForAsync(a, workingDays ?? options.Value.RectificationWorkingDays, ct);
        }
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        round.ClosedBy = access.UserName ?? "系统";
        await db.SaveChangesAsync(ct);
        return SaveResult<SpotCheckRound>.Ok(round);
    }

    /// <summary>The round's figures as the 通报 states them.</summary>
    public async Task<RoundFigures> FiguresAsync(SpotCheckRound round, Assessments sheets, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == round.RegionId, ct);
        var list = await db.Assessments.AsNoTracking().Where(a => a.RoundId == round.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var failing = new List<FailingSite>();
        var good = new List<(GoodSite Site, double Score)>();
        foreach (var a in list)
        {
            var view = await sheets.ViewAsync(a, ct);
            if (view.Sheet.Verdict == "fail")
            {
                failing.Add(new FailingSite(a.Id, view.SiteName, view.SiteUrl, [.. view.Sheet.Vetoes.Select(v => v.Name)], view.Sheet.Score,
                    [.. ProblemsOf(view)]));
            }
            else if (view.Sheet.Score is double score)
            {
                good.Add((new GoodSite(view.SiteName, view.SiteUrl, score), score));
            }
        }
        var passed = list.Count - failing.Count;
        var previous = await db.SpotCheckRounds.AsNoTracking()
            .Where(r => r.RegionId == round.RegionId && r.Id != round.Id && (r.Year < round.Year || r.Year == round.Year && r.Quarter < round.Quarter))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var followUps = new List<FollowUp>();
        if (previous is not null)
        {
            var today = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
            foreach (var o in await db.RectificationOrders.AsNoTracking().Where(o => o.RoundId == previous.Id).OrderBy(o => o.Id).ToListAsync(ct))
            {
                followUps.Add(new FollowUp(o.Id, o.SiteName, Rectifications.StateLabel(o, today), Format(o.DueDate), Rectifications.IsLate(o, today),
                    o.ClosedAt is DateTime closed ? Format(DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(closed))) : null));
            }
        }
        return new RoundFigures(
            Quarters.Label(round.Year, round.Quarter), region.Name, round.SitesRunning, list.Count,
            round.SitesRunning == 0 ? 0 : Math.Round((double)list.Count / round.SitesRunning, 4),
            passed, failing.Count, list.Count == 0 ? 0 : Math.Round((double)passed / list.Count, 4),
            failing, [.. good.OrderByDescending(g => g.Score).ThenBy(g => g.Site.Name, StringComparer.Ordinal).Take(3).Select(g => g.Site)], followUps);
    }

    /// <summary>What a failing site has to fix: its vetoes and deductions, as lines a site's staff read.</summary>
    public static IEnumerable<string> ProblemsOf(AssessmentView view)
    {
        var reviewed = view.Reviews.GroupBy(r => r.EvidenceKey).ToDictionary(g => g.Key, g => g.Last().Upheld);
        foreach (var e in view.Evidence.Where(e => e.Severity is "veto" or "deduction" && reviewed.GetValueOrDefault(e.Key, true)))
        {
            var label = e.IsVeto ? MonitoringLabels.Veto(e.Code) : MonitoringLabels.Finding(e.Code);
            yield return $"{label}：{MonitoringLabels.Detail(e.Code, e.Detail)}{(e.Url is null ? "" : $"（{e.Url}）")}";
        }
        var names = view.Table.Items.ToDictionary(i => i.Code, i => i.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in view.Entries)
        {
            yield return $"{names.GetValueOrDefault(entry.IndicatorCode, entry.IndicatorCode)}：{entry.Comment}{(entry.Evidence is null ? "" : $"（{entry.Evidence}）")}";
        }
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
