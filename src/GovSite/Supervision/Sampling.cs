using System.Globalization;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>A site that may be sampled: its stratum (level and type) and whether it was sampled lately.</summary>
public sealed record SamplingCandidate(int MonitoredSiteId, int? SiteId, string Name, SiteLevel Level, SiteType Type, bool RecentlySampled)
{
    public string Stratum => $"{Level}/{Type}";
}

public sealed record SampledSite(SamplingCandidate Site, bool Favoured);

/// <summary>
/// 抽查 sampling: at least the ratio of every stratum (level × type), so at least the ratio of
/// all; within a stratum sites not sampled in the last quarters first, each group in an order
/// drawn by System.Random from the recorded seed. Candidates are taken in id order, so the same
/// registry, history and seed draw the same sample: an auditor can redo it.
/// </summary>
public static class Sampling
{
    public static List<SampledSite> Draw(IEnumerable<SamplingCandidate> candidates, double ratio, int seed)
    {
        var random = new Random(seed);
        var sample = new List<SampledSite>();
        foreach (var stratum in candidates.GroupBy(c => (c.Level, c.Type)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Type))
        {
            var members = stratum.OrderBy(c => c.MonitoredSiteId).ToList();
            // A hair under the ratio still rounds up: 30% of 10 is 3, not 4 through floating point.
            var wanted = (int)Math.Ceiling(ratio * members.Count - 1e-9);
            var favoured = Shuffle([.. members.Where(c => !c.RecentlySampled)], random);
            var others = Shuffle([.. members.Where(c => c.RecentlySampled)], random);
            sample.AddRange(favoured.Take(wanted).Select(c => new SampledSite(c, true)));
            sample.AddRange(others.Take(Math.Max(0, wanted - favoured.Count)).Select(c => new SampledSite(c, false)));
        }
        return sample;
    }

    private static List<SamplingCandidate> Shuffle(List<SamplingCandidate> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}

/// <summary>Quarters as supervision counts them: "2026Q3".</summary>
public static class Quarters
{
    public static bool TryParse(string? text, out int year, out int quarter)
    {
        year = quarter = 0;
        var s = (text ?? "").Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var q = s.IndexOf('Q', StringComparison.Ordinal);
        return q == 4 && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100
               && int.TryParse(s.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out quarter) && quarter is >= 1 and <= 4;
    }

    public static string Name(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}Q{quarter}");

    public static string Label(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}年第{"一二三四"[quarter - 1]}季度");

    public static (int Year, int Quarter) Of(DateOnly date) => (date.Year, (date.Month - 1) / 3 + 1);

    public static (int Year, int Quarter) Previous(int year, int quarter) => quarter == 1 ? (year - 1, 4) : (year, quarter - 1);

    /// <summary>The <paramref name="count"/> quarters before this one, newest first.</summary>
    public static List<string> Before(int year, int quarter, int count)
    {
        var list = new List<string>();
        for (var i = 0; i < count; i++)
        {
            (year, quarter) = Previous(year, quarter);
            list.Add(Name(year, quarter));
        }
        return list;
    }

    public static DateOnly FirstDay(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 1);

    public static DateOnly LastDay(int year, int quarter) => FirstDay(year, quarter).AddMonths(3).AddDays(-1);
}

/// <summary>A region and every region below it.</summary>
public static class RegionScope
{
    public static async Task<int[]> WithDescendantsAsync(GovSiteDb db, int regionId, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
        var children = regions.ToLookup(r => r.ParentId);
        var all = new List<int>();
        var stack = new Stack<int>([regionId]);
        while (stack.TryPop(out var id))
        {
            all.Add(id);
            foreach (var child in children[id])
            {
                stack.Push(child.Id);
            }
        }
        return [.. all];
    }

    /// <summary>A site's level when the registry does not say (an external site): its region's.</summary>
    public static SiteLevel LevelOf(RegionLevel level) => level switch
    {
        RegionLevel.Province => SiteLevel.Province,
        RegionLevel.City => SiteLevel.City,
        _ => SiteLevel.County,
    };
}
