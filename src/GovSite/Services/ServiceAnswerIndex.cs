using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>
/// Guides as answer cards in search (搜索即服务): a query that names a service (its name, or one
/// of its everyday keywords such as 准生证) is answered with the guide's essentials and a link
/// to it, on the site that shows the item. The published items' names and summaries are held in
/// memory and read again after a change here, or after a minute (a change on another node).
/// </summary>
public sealed class ServiceAnswerIndex(IServiceScopeFactory scopes, SiteDirectory directory, TimeProvider clock) : IAnswerSource
{
    private sealed record Entry(int SiteId, string Code, string Name, string FoldedName, string[] Triggers, string Summary);

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Snapshot(List<Entry> Entries, DateTime LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<AnswerCandidate?> FindAsync(IReadOnlyList<string> forms, int? siteId, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        if (snapshot.Entries.Count == 0 || forms.Count == 0)
        {
            return null;
        }
        HashSet<int>? shown = null;
        SiteInfo? site = null;
        if (siteId is int id)
        {
            site = directory.FindById(id);
            if (site is null)
            {
                return null;
            }
            shown = [.. ServiceCatalogue.ShownOn(directory, site)];
        }
        Entry? best = null;
        var strength = 0.0;
        foreach (var entry in snapshot.Entries)
        {
            if (shown is not null && !shown.Contains(entry.SiteId))
            {
                continue;
            }
            var score = 0.0;
            foreach (var trigger in entry.Triggers)
            {
                if (trigger.Length > score && forms.Any(f => f.Contains(trigger, StringComparison.Ordinal)))
                {
                    score = trigger.Length;
                }
            }
            // A query of three characters or more inside a guide's name (居住证 → 居住证签注) answers too,
            // a little weaker than a named trigger, and the guide whose name it fills most wins.
            foreach (var form in forms)
            {
                if (form.Length >= 3 && entry.FoldedName.Contains(form, StringComparison.Ordinal))
                {
                    score = Math.Max(score, form.Length - 0.5 + (double)form.Length / entry.FoldedName.Length * 0.4);
                }
            }
            if (score > strength)
            {
                (best, strength) = (entry, score);
            }
        }
        if (best is null)
        {
            return null;
        }
        var on = site ?? directory.FindById(best.SiteId);
        var url = on is null ? null : $"/sites/{on.Code}/services/{best.Code}";
        return new AnswerCandidate(new AnswerCard($"{best.Name}（办事指南）", best.Summary, url, "查看办事指南"), strength);
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot is { } current && now - current.LoadedAt < MaxAge)
        {
            return current;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && now - again.LoadedAt < MaxAge)
            {
                return again;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var rows = await db.ServiceItems.AsNoTracking().IgnoreQueryFilters().Where(i => i.Status == ServiceItemStatus.Published)
                .Select(i => new
                {
                    i.SiteId, i.Code, i.Name, i.Keywords, i.PromisedDays, i.Fee, i.OnlineDepth, i.HallBroken, i.HallUrl,
                    Materials = i.Materials.OrderBy(m => m.SortOrder).Select(m => m.Name).Take(4).ToList(),
                    MaterialCount = i.Materials.Count,
                })
                .ToListAsync(ct);
            var entries = rows.Select(r =>
            {
                var triggers = (r.Keywords ?? "").Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(ChineseText.Fold).Append(ChineseText.Fold(r.Name)).Where(t => t.Length >= 2).Distinct().ToArray();
                var summary = $"承诺时限：{ServiceTaxonomy.Days(r.PromisedDays)}；收费：{Shorten(r.Fee, 30)}；" +
                    $"需要材料 {r.MaterialCount} 项" + (r.Materials.Count > 0 ? $"（{string.Join("、", r.Materials)}{(r.MaterialCount > r.Materials.Count ? "等" : "")}）" : "") +
                    (r.OnlineDepth != OnlineDepth.Information && r.HallUrl is not null && !r.HallBroken ? $"；可在网上办事大厅{ServiceTaxonomy.Label(r.OnlineDepth)}。" : "。");
                return new Entry(r.SiteId, r.Code, r.Name, ChineseText.Fold(r.Name), triggers, summary);
            }).ToList();
            var snapshot = new Snapshot(entries, now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
