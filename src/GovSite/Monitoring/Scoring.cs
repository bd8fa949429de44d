namespace GovSite.Monitoring;

public enum SiteKind { Portal, Department }

/// <summary>
/// The score of a site without a veto (domain.md): deductions from 100 in parts (availability,
/// updates, interaction, services, function design); below 60 fails; above 80 a portal adds its
/// bonus items, up to 30; a department without external services is scored without the services
/// part and scaled by 4/3. The national table's per-item weights are not in domain.md; these are
/// GovSite's, kept small so that no single kind of deduction can fail a site on its own, and
/// capped per kind and per part.
/// </summary>
public static class Scoring
{
    public const double PassMark = 60;
    public const double BonusThreshold = 80;
    public const double MaxBonus = 30;
    public const double BonusPerItem = 5;

    /// <summary>The services part: what a department without external services is scored without.</summary>
    public const double ServicesPart = 25;

    /// <summary>Bonus items a portal shows on its homepage, by the words of its links (first match wins).</summary>
    public static readonly IReadOnlyList<(string Item, string[] Words)> BonusItems =
    [
        ("accessibility", ["无障碍", "长者", "关怀版", "适老"]),
        ("new_media", ["移动版", "手机版", "微信", "微博", "客户端", "政务新媒体"]),
        ("english", ["English", "ENGLISH", "英文版"]),
        ("open_data", ["数据开放", "开放数据"]),
        ("participation", ["在线访谈", "意见征集", "网上调查"]),
        ("smart_qa", ["智能问答", "智能客服"]),
    ];

    /// <summary>A government's own site (…人民政府, …人民政府门户网站) is its portal; any other is a department's.</summary>
    public static SiteKind KindFromName(string? name)
    {
        var n = (name ?? "").Trim();
        foreach (var suffix in (string[])["门户网站", "网站", "门户"])
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal))
            {
                n = n[..^suffix.Length];
                break;
            }
        }
        return n.EndsWith("人民政府", StringComparison.Ordinal) || n.EndsWith("政府门户", StringComparison.Ordinal) ? SiteKind.Portal : SiteKind.Department;
    }

    /// <summary>The bonus items named by a page's link texts.</summary>
    public static List<string> BonusItemsIn(IEnumerable<string> linkTexts)
    {
        var texts = linkTexts.ToList();
        return [.. BonusItems.Where(b => texts.Any(t => b.Words.Any(w => t.Contains(w, StringComparison.Ordinal)))).Select(b => b.Item)];
    }

    public static double Score(IEnumerable<Finding> findings, int brokenLinks, int slowPages,
        SiteKind kind = SiteKind.Department, bool hasServices = true, IReadOnlyCollection<string>? bonusItems = null)
    {
        var list = findings.ToList();
        double Count(string code) => list.Count(f => f.Code == code);
        var availability = Math.Min(10, 5 * Count("availability_probe_failed")) + Math.Min(10, 0.5 * brokenLinks) + Math.Min(5, 0.5 * slowPages);
        var updates = Math.Min(10, 2 * Count("column_stale")) + Math.Min(8, 2 * Count("column_empty"));
        var services = Math.Min(ServicesPart, Math.Min(5, 1 * Count("service_guide_incomplete")));
        var design = Math.Min(12, 2 * Count("missing_footer_item")) + Math.Min(2, 2 * Count("invalid_identifier_code"))
            + Math.Min(5, 1 * Count("missing_meta_tag"));
        var others = availability + updates + design;
        var score = kind == SiteKind.Department && !hasServices
            ? (100 - ServicesPart - others) * 4 / 3
            : 100 - others - services;
        score = Math.Max(0, score);
        if (kind == SiteKind.Portal && score > BonusThreshold && bonusItems is { Count: > 0 })
        {
            score += Math.Min(MaxBonus, BonusPerItem * bonusItems.Count);
        }
        return Math.Round(score, 1);
    }
}
