using System.Globalization;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>A score sheet with everything it is computed from, for its page and the API.</summary>
public sealed record AssessmentView(
    Assessment Assessment, string SiteName, string SiteUrl, string? SiteCode, IndicatorTable Table, CheckRun? Run, SiteReport? Report,
    List<EvidenceItem> Evidence, List<AssessmentReview> Reviews, List<AssessmentEntry> Entries, ScoreSheet Sheet);

/// <summary>
/// Score sheets: the checker's evidence reviewed by inspectors (upheld or overturned with a
/// comment), findings they add, person-judged items, the signature; the score is always
/// recomputed from these and the sheet's table version.
/// </summary>
public sealed class Assessments(GovSiteDb db, SiteAccess access, IndicatorTables tables, JobQueue queue, TimeProvider clock)
{
    public bool Supervises(int regionId) => access.Unrestricted || access.RegionIds.Contains(regionId);

    public async Task<AssessmentView?> LoadAsync(int id, CancellationToken ct = default)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : await ViewAsync(a, ct);
    }

    public async Task<AssessmentView> ViewAsync(Assessment a, CancellationToken ct = default)
    {
        var site = await db.MonitoredSites.IgnoreQueryFilters().AsNoTracking().Where(m => m.Id == a.MonitoredSiteId)
            .Select(m => new { m.Name, m.Url }).FirstAsync(ct);
        var code = a.SiteId is int siteId ? await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.Code).FirstOrDefaultAsync(ct) : null;
        var table = await tables.FindAsync(a.IndicatorTableId, ct) ?? throw new InvalidOperationException($"indicator table {a.IndicatorTableId} is missing");
        var run = a.CheckRunId is int runId ? await db.CheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) : null;
        var report = ReportOf(run);
        var reviews = await db.AssessmentReviews.AsNoTracking().Where(r => r.AssessmentId == a.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var entries = await db.AssessmentEntries.AsNoTracking().Where(e => e.AssessmentId == a.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var sheet = Compute(table, report, reviews, entries, a);
        return new AssessmentView(a, site.Name, site.Url, code, table, run, report, AssessmentScoring.Evidence(report), reviews, entries, sheet);
    }

    public static SiteReport? ReportOf(CheckRun? run) =>
        run is null || run.Verdict == "error" || string.IsNullOrEmpty(run.Report) || run.Report == "{}"
            ? null
            : JsonSerializer.Deserialize<SiteReport>(run.Report, CheckReport.Json);

    public static ScoreSheet Compute(IndicatorTable table, SiteReport? report, IEnumerable<AssessmentReview> reviews, IEnumerable<AssessmentEntry> entries,
        Assessment a) =>
        AssessmentScoring.Compute(table, report,
            [.. reviews.Select(r => new EvidenceReview(r.EvidenceKey, r.Upheld, r.Comment, r.By))],
            [.. entries.Select(e => new PersonEntry(e.IndicatorCode, e.Points, e.Veto, e.Comment, e.Evidence, e.By))],
            a.Portal, a.WithoutServices ?? AssessmentScoring.LacksServices(report));

    /// <summary>Upholds or overturns one veto or finding of the checker.</summary>
    public async Task<SaveResult<Assessment>> ReviewAsync(int id, string key, bool upheld, string? comment, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        var errors = new ValidationErrors();
        var report = ReportOf(a.CheckRunId is int runId ? await db.CheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) : null);
        if (AssessmentScoring.Evidence(report).All(e => e.Key != key))
        {
            errors.Add("Key", "没有这条检测结果");
        }
        var text = TypedText.Block(comment);
        if (!upheld && text is null)
        {
            errors.Add("Comment", "推翻检测结果须填写理由");
        }
        else if (text is { Length: > 2000 })
        {
            errors.Add("Comment", "意见不能超过2000个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Assessment>.Invalid(errors);
        }
        db.AssessmentReviews.Add(new AssessmentReview
        {
            AssessmentId = a.Id, EvidenceKey = key, Upheld = upheld, Comment = text ?? "", By = Actor, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(a, ct);
        return SaveResult<Assessment>.Ok(a);
    }

    /// <summary>Adds a finding the checker cannot see, or a person's judgement of an item.</summary>
    public async Task<SaveResult<Assessment>> AddEntryAsync(int id, EntryInput input, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        var table = await tables.FindAsync(a.IndicatorTableId, ct);
        var item = table!.Items.FirstOrDefault(i => string.Equals(i.Code, input.IndicatorCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        var errors = new ValidationErrors();
        if (item is null)
        {
            errors.Add(nameof(input.IndicatorCode), "请选择指标");
        }
        else if (item.Kind == IndicatorKind.Veto)
        {
            input.Veto = true;
            input.Points = 0;
        }
        else if (input.Veto)
        {
            errors.Add(nameof(input.Veto), "只有单项否决指标可以认定否决");
        }
        else if (!(input.Points > 0 && input.Points <= item.Points))
        {
            errors.Add(nameof(input.Points), $"分值应大于0且不超过该指标的{item.Points:0.##}分");
        }
        var comment = TypedText.Block(input.Comment);
        if (comment is null)
        {
            errors.Add(nameof(input.Comment), "请写明问题或评判理由");
        }
        else if (comment.Length > 2000)
        {
            errors.Add(nameof(input.Comment), "说明不能超过2000个字");
        }
        var evidence = TypedText.Block(input.Evidence);
        if (evidence is { Length: > 2000 })
        {
            errors.Add(nameof(input.Evidence), "证据说明不能超过2000个字");
        }
        if (item is { Kind: IndicatorKind.Veto } && evidence is null)
        {
            errors.Add(nameof(input.Evidence), "认定单项否决须提供证据（网址、截图说明等）");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Assessment>.Invalid(errors);
        }
        db.AssessmentEntries.Add(new AssessmentEntry
        {
            AssessmentId = a.Id, IndicatorCode = item!.Code, Points = input.Points, Veto = input.Veto, Comment = comment!, Evidence = evidence,
            By = Actor, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(a, ct);
        return SaveResult<Assessment>.Ok(a);
    }

    public async Task<SaveResult<Assessment>> RemoveEntryAsync(int id, int entryId, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        var entry = await db.AssessmentEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.AssessmentId == id, ct);
        if (entry is null)
        {
            return SaveResult<Assessment>.Missing();
        }
        db.AssessmentEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(a, ct);
        return SaveResult<Assessment>.Ok(a);
    }

    /// <summary>A department without external services (or not): scored without 办事服务 and scaled.</summary>
    public async Task<SaveResult<Assessment>> SetWithoutServicesAsync(int id, bool? value, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        a.WithoutServices = value;
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(a, ct);
        return SaveResult<Assessment>.Ok(a);
    }

    /// <summary>Signs the sheet: it becomes final. Only a checked sheet can be signed.</summary>
    public async Task<SaveResult<Assessment>> SignAsync(int id, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        if (a.Status != AssessmentStatus.Checked)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "检测尚未完成（或检测失败，请重新检测），不能签字确认");
            return SaveResult<Assessment>.Invalid(errors);
        }
        await RecomputeAsync(a, ct);
        a.Status = AssessmentStatus.Confirmed;
        a.SignedAt = clock.GetUtcNow().UtcDateTime;
        a.SignedBy = Actor;
        await db.SaveChangesAsync(ct);
        return SaveResult<Assessment>.Ok(a);
    }

    /// <summary>Runs the checker on the site again for this sheet (a failed check, or a site fixed before signing).</summary>
    public async Task<SaveResult<Assessment>> RecheckAsync(int id, CancellationToken ct = default)
    {
        var (a, refusal) = await EditableAsync(id, ct);
        if (a is null)
        {
            return refusal!;
        }
        await EnqueueCheckAsync(queue, a, clock.GetUtcNow().UtcDateTime, ct);
        return SaveResult<Assessment>.Ok(a);
    }

    public static Task<bool> EnqueueCheckAsync(JobQueue queue, Assessment a, DateTime nowUtc, CancellationToken ct) =>
        queue.EnqueueAsync(MonitoringJobTypes.Check, MonitoringJobTypes.CheckPayload(a.MonitoredSiteId, $"assessment:{a.Id}"), nowUtc,
            string.Create(CultureInfo.InvariantCulture, $"{MonitoringJobTypes.Check}:{a.MonitoredSiteId}:assessment:{a.Id}:{nowUtc.Ticks}"), ct: ct);

    /// <summary>The checker's run for a sheet arrived (<see cref="SupervisionCheckRuns"/>).</summary>
    public async Task RunArrivedAsync(int id, CheckRun run, CancellationToken ct)
    {
        var a = await db.Assessments.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || a.Status == AssessmentStatus.Confirmed)
        {
            return;
        }
        a.CheckRunId = run.Id;
        a.Status = run.Verdict == "error" ? AssessmentStatus.Waiting : AssessmentStatus.Checked;
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(a, ct);
    }

    /// <summary>Stores the sheet's verdict and score for listing (the sheet itself is always recomputed).</summary>
    public async Task RecomputeAsync(Assessment a, CancellationToken ct)
    {
        var view = await ViewAsync(a, ct);
        a.Verdict = a.CheckRunId is null || view.Report is null ? null : view.Sheet.Verdict;
        a.Score = a.Verdict is null ? null : view.Sheet.Score;
        a.VetoCodes = string.Join(',', view.Sheet.Vetoes.Select(l => l.Code));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Recomputes every sheet (or a round's) from its stored evidence and its own table version, in
    /// batches, and counts those whose stored verdict or score differs: the audit that scores are
    /// reproducible (and bench/supervision.sh's scoring of 10,000 sites).
    /// </summary>
    public async Task<(int Sheets, int Differing)> RecomputeAllAsync(int? roundId, CancellationToken ct = default)
    {
        const int Batch = 500;
        var tablesById = new Dictionary<int, IndicatorTable>();
        var lastId = 0;
        var (count, differing) = (0, 0);
        while (true)
        {
            var query = db.Assessments.AsNoTracking().Where(a => a.Id > lastId && a.CheckRunId != null);
            if (roundId is int r)
            {
                query = query.Where(a => a.RoundId == r);
            }
            var batch = await query.OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (count, differing);
            }
            lastId = batch[^1].Id;
            var ids = batch.Select(a => a.Id).ToList();
            var runIds = batch.Select(a => a.CheckRunId!.Value).ToList();
            var runs = await db.CheckRuns.AsNoTracking().Where(x => runIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
            var reviews = (await db.AssessmentReviews.AsNoTracking().Where(x => ids.Contains(x.AssessmentId)).OrderBy(x => x.Id).ToListAsync(ct)).ToLookup(x => x.AssessmentId);
            var entries = (await db.AssessmentEntries.AsNoTracking().Where(x => ids.Contains(x.AssessmentId)).OrderBy(x => x.Id).ToListAsync(ct)).ToLookup(x => x.AssessmentId);
            foreach (var a in batch)
            {
                if (!tablesById.TryGetValue(a.IndicatorTableId, out var table))
                {
                    tablesById[a.IndicatorTableId] = table = (await tables.FindAsync(a.IndicatorTableId, ct))!;
                }
                var report = ReportOf(runs.GetValueOrDefault(a.CheckRunId!.Value));
                var sheet = Compute(table, report, reviews[a.Id], entries[a.Id], a);
                count++;
                if (report is not null && (sheet.Verdict != a.Verdict || sheet.Score != a.Score))
                {
                    differing++;
                }
            }
        }
    }

    /// <summary>The sheets of a site for a period (or all), newest first.</summary>
    public async Task<List<AssessmentView>?> ForSiteAsync(string code, string? period, CancellationToken ct = default)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (site is null)
        {
            return null;
        }
        var query = db.Assessments.AsNoTracking().Where(a => a.SiteId == site.Id);
        if (period is { Length: > 0 })
        {
            query = query.Where(a => a.Period == period);
        }
        var list = await query.OrderByDescending(a => a.Period).ThenByDescending(a => a.Id).Take(20).ToListAsync(ct);
        var views = new List<AssessmentView>();
        foreach (var a in list)
        {
            views.Add(await ViewAsync(a, ct));
        }
        return views;
    }

    private string Actor => access.UserName ?? "系统";

    private async Task<(Assessment? Assessment, SaveResult<Assessment>? Refusal)> EditableAsync(int id, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return (null, SaveResult<Assessment>.Missing());
        }
        if (!Supervises(a.RegionId))
        {
            return (null, SaveResult<Assessment>.Denied());
        }
        if (a.Status == AssessmentStatus.Confirmed)
        {
            var errors = new ValidationErrors();
            errors.Add("Status", "考评表已签字确认，不能再修改");
            return (null, SaveResult<Assessment>.Invalid(errors));
        }
        return (a, null);
    }
}

public sealed class EntryInput
{
    public string? IndicatorCode { get; set; }
    public double Points { get; set; }
    public bool Veto { get; set; }
    public string? Comment { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>Reads the check runs supervision asked for: score sheets ("assessment:N") and rectification re-checks ("rectification:N").</summary>
public sealed class SupervisionCheckRuns(Assessments assessments, Rectifications rectifications) : ICheckRunObserver
{
    public async Task CheckRunSavedAsync(CheckRun run, CancellationToken ct)
    {
        if (run.RequestedFor is not { } asker || asker.Split(':') is not [var kind, var idText, ..]
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return;
        }
        if (kind == "assessment")
        {
            await assessments.RunArrivedAsync(id, run, ct);
        }
        else if (kind == "rectification")
        {
            await rectifications.RecheckArrivedAsync(id, run, ct);
        }
    }
}
