using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GovSite.Search;

/// <summary>When a query becomes 热门搜索: enough distinct visitors within the period (GOVSITE_HOT_SEARCH_VISITORS, _DAYS).</summary>
public sealed class HotSearchOptions
{
    public int MinVisitors { get; set; } = 5;
    public int Days { get; set; } = 30;
    public int Entries { get; set; } = 8;
}

/// <summary>A query as the admin page lists it: distinct visitors in the period, the admin's decision, and why it is not shown.</summary>
/// <param name="Refusal">Null when the entry is shown; otherwise the reason, in Chinese.</param>
public sealed record HotSearchCandidate(string Query, int Visitors, HotSearchState? State, string? Refusal);

/// <summary>
/// 热门搜索 is curated, not written by visitors: an entry appears only when enough distinct
/// visitors searched it within the period and found something, it reads as a search (no operators,
/// no code-like text), it passes the platform's and the site's sensitive-word and
/// inappropriate-phrase lists, and the site's admin has not hidden or blocked it; entries the admin
/// pins come first. Suggestions while typing offer the same curated queries.
/// </summary>
public sealed partial class HotSearches(GovSiteDb db, QualityGate quality, IMemoryCache cache, HotSearchOptions options, TimeProvider clock,
    SiteAccess access)
{
    /// <summary>The public list and the blocked queries of one site, computed at most once a minute per node.</summary>
    private sealed record SiteList(List<string> Shown, HashSet<string> Blocked);

    private static long _lastCleanUp;

    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Why a query may not be offered to visitors whatever its popularity, or null: length, the
    /// characters of a search (Han, letters, digits, the brackets of a 文号), operators and
    /// code-like text, letters that are neither pinyin nor a short word.
    /// </summary>
    public static string? Refusal(string query)
    {
        var folded = ChineseText.Fold(query).Trim();
        if (folded.Length is < 2 or > 32)
        {
            return "热门搜索词须为2至32个字";
        }
        if (folded.Any(c => !(ChineseText.IsHan(c) || ChineseText.IsWordChar(c) || c == ' ' || "〔〕()（）《》·-、".Contains(c, StringComparison.Ordinal))))
        {
            return "含有搜索词以外的符号";
        }
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.SelectMany(w => LatinRuns().Matches(w).Select(m => m.Value)))
        {
            if (CodeWords.Contains(word))
            {
                return "含有检索运算符或代码";
            }
            var letters = word.Any(char.IsAsciiLetter);
            if (letters && word.Any(char.IsAsciiDigit) && !folded.Any(ChineseText.IsHan))
            {
                return "字母和数字混杂，不像搜索词";
            }
            if (letters && !word.Any(char.IsAsciiDigit) && word.Length > 4 && Pinyin.Split(word) is null)
            {
                return "字母既不是拼音也不是常见缩写";
            }
        }
        return null;
    }

    private static readonly HashSet<string> CodeWords =
    [
        "and", "or", "not", "near", "select", "insert", "update", "delete", "drop", "union", "from", "where", "script", "javascript",
        "alert", "onerror", "onload", "eval", "exec", "http", "https", "www", "null", "sleep", "iframe", "img", "src", "href",
    ];

    [System.Text.RegularExpressions.GeneratedRegex("[a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex LatinRuns();

    /// <summary>Notes that a visitor searched a query and found something; nothing for an unpresentable or blocked query.</summary>
    public async Task RecordAsync(int siteId, string query, int results, IPAddress? address, CancellationToken ct)
    {
        query = query.Trim();
        if (results <= 0 || query.Length > 64 || Refusal(query) is not null || (await ListOfAsync(siteId, ct)).Blocked.Contains(query))
        {
            return;
        }
        var today = Today;
        var since = PeriodStart(today);
        var visitor = Visitor(await SaltAsync(since, ct), address);
        // One row per visitor, query and day; a repeat changes nothing.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SearchVisits" ("SiteId", "Query", "Day", "Visitor") VALUES ({siteId}, {query}, {today}, {visitor}) ON CONFLICT DO NOTHING
            """, ct);
    }

    /// <summary>The entries shown on the site's search page (site 0: the platform's), pinned first.</summary>
    public async Task<List<string>> ListAsync(int siteId, CancellationToken ct) => (await ListOfAsync(siteId, ct)).Shown;

    /// <summary>Call after an admin's change: this node shows it at once, the others within a minute.</summary>
    public void Changed(int siteId) => cache.Remove(Key(siteId));

    private static string Key(int siteId) => $"hot-searches:{siteId}";

    private async Task<SiteList> ListOfAsync(int siteId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(siteId), out SiteList? known) && known is not null)
        {
            return known;
        }
        await CleanUpAsync(ct);
        var rules = await db.HotSearchRules.AsNoTracking().Where(r => r.SiteId == siteId).ToListAsync(ct);
        var shown = rules.Where(r => r.State == HotSearchState.Pinned).OrderBy(r => r.Position).ThenBy(r => r.UpdatedAt)
            .Select(r => r.Query).ToList();
        var decided = rules.Select(r => r.Query).ToHashSet();
        foreach (var candidate in await PopularAsync(siteId, options.MinVisitors, 50, ct))
        {
            if (shown.Count >= options.Entries)
            {
                break;
            }
            if (!decided.Contains(candidate.Query) && await RefusedAsync(siteId, candidate.Query, ct) is null)
            {
                shown.Add(candidate.Query);
            }
        }
        var list = new SiteList([.. shown.Take(options.Entries)], [.. rules.Where(r => r.State == HotSearchState.Blocked).Select(r => r.Query)]);
        cache.Set(Key(siteId), list, TimeSpan.FromMinutes(1));
        return list;
    }

    /// <summary>Queries by distinct visitors within the period, most first, that still find something.</summary>
    private async Task<List<(string Query, int Visitors)>> PopularAsync(int siteId, int minVisitors, int take, CancellationToken ct)
    {
        var since = Today.AddDays(1 - options.Days);
        var counted = await db.SearchVisits.AsNoTracking().Where(v => v.SiteId == siteId && v.Day >= since)
            .GroupBy(v => v.Query).Select(g => new { Query = g.Key, Visitors = g.Select(v => v.Visitor).Distinct().Count() })
            .Where(x => x.Visitors >= minVisitors).OrderByDescending(x => x.Visitors).ThenBy(x => x.Query).Take(take).ToListAsync(ct);
        var queries = counted.Select(c => c.Query).ToList();
        var empty = await db.SearchLog.Where(l => l.SiteId == siteId && queries.Contains(l.Query) && l.Results == 0).Select(l => l.Query).ToListAsync(ct);
        return [.. counted.Where(c => !empty.Contains(c.Query)).Select(c => (c.Query, c.Visitors))];
    }

    /// <summary>Why the query may not be shown on this site: its shape, or a listed word it holds.</summary>
    private async Task<string?> RefusedAsync(int siteId, string query, CancellationToken ct)
    {
        if (Refusal(query) is { } shape)
        {
            return shape;
        }
        var terms = await quality.ForbiddenTermsAsync(siteId, query, ct);
        return terms.Count > 0 ? $"含有敏感词或不当用语「{string.Join("、", terms)}」" : null;
    }

    /// <summary>For the admin page: popular queries whatever their count, and every decided one, with why each is or is not shown.</summary>
    public async Task<List<HotSearchCandidate>> ReviewAsync(int siteId, CancellationToken ct)
    {
        var rules = await db.HotSearchRules.AsNoTracking().Where(r => r.SiteId == siteId).ToDictionaryAsync(r => r.Query, ct);
        var popular = await PopularAsync(siteId, 1, 100, ct);
        var visitors = popular.ToDictionary(p => p.Query, p => p.Visitors);
        var shown = (await ListOfAsync(siteId, ct)).Shown;
        var list = new List<HotSearchCandidate>();
        foreach (var query in popular.Select(p => p.Query).Concat(rules.Keys).Distinct())
        {
            var state = rules.TryGetValue(query, out var rule) ? rule.State : (HotSearchState?)null;
            var count = visitors.GetValueOrDefault(query);
            var refusal = shown.Contains(query) ? null : state switch
            {
                HotSearchState.Hidden => "已隐藏",
                HotSearchState.Blocked => "已屏蔽",
                _ => await RefusedAsync(siteId, query, ct)
                    ?? (count < options.MinVisitors ? $"访客不足（近{options.Days}天{count}人，需{options.MinVisitors}人）" : "名次靠后"),
            };
            list.Add(new HotSearchCandidate(query, count, state, refusal));
        }
        return [.. list.OrderBy(c => c.State == HotSearchState.Pinned ? 0 : c.Refusal is null ? 1 : c.State is null ? 2 : 3)
            .ThenByDescending(c => c.Visitors).ThenBy(c => c.Query, StringComparer.Ordinal)];
    }

    /// <summary>Pins, hides or blocks a query (or, with null, takes the decision back). Pinning checks the query as visitors' queries are checked.</summary>
    public async Task<SaveResult<HotSearchRule>> DecideAsync(int siteId, string? query, HotSearchState? state, CancellationToken ct)
    {
        if (!(siteId == 0 ? access.Unrestricted : access.CanAdministerSite(siteId)))
        {
            return SaveResult<HotSearchRule>.Denied();
        }
        var folded = ChineseText.Fold(ChineseText.Clean(query)).Trim();
        var errors = new ValidationErrors();
        if (folded.Length == 0)
        {
            errors.Add("Query", "请填写搜索词");
        }
        else if (folded.Length > 64)
        {
            errors.Add("Query", "搜索词不能超过64个字");
        }
        else if (state == HotSearchState.Pinned && await RefusedAsync(siteId, folded, ct) is { } refusal)
        {
            errors.Add("Query", $"“{folded}”不能作为热门搜索：{refusal}");
        }
        if (!errors.IsValid)
        {
            return SaveResult<HotSearchRule>.Invalid(errors);
        }
        var rule = await db.HotSearchRules.FirstOrDefaultAsync(r => r.SiteId == siteId && r.Query == folded, ct);
        if (state is not HotSearchState chosen)
        {
            if (rule is not null)
            {
                db.HotSearchRules.Remove(rule);
            }
        }
        else
        {
            if (rule is null)
            {
                rule = new HotSearchRule { SiteId = siteId, Query = folded };
                db.HotSearchRules.Add(rule);
            }
            if (chosen == HotSearchState.Pinned && rule.State != HotSearchState.Pinned)
            {
                rule.Position = 1 + (await db.HotSearchRules.Where(r => r.SiteId == siteId && r.State == HotSearchState.Pinned)
                    .MaxAsync(r => (int?)r.Position, ct) ?? 0);
            }
            rule.State = chosen;
            rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            rule.UpdatedBy = access.UserName;
        }
        await db.SaveChangesAsync(ct);
        Changed(siteId);
        return SaveResult<HotSearchRule>.Ok(rule ?? new HotSearchRule { SiteId = siteId, Query = folded });
    }

    /// <summary>Periods start on fixed days (every <see cref="HotSearchOptions.Days"/> days from 2000-01-01), one salt each.</summary>
    private DateOnly PeriodStart(DateOnly day)
    {
        var epoch = new DateOnly(2000, 1, 1);
        var days = day.DayNumber - epoch.DayNumber;
        return epoch.AddDays(days - days % Math.Max(1, options.Days));
    }

    private async Task<byte[]> SaltAsync(DateOnly since, CancellationToken ct)
    {
        var key = $"hot-search-salt:{since.DayNumber}";
        if (cache.TryGetValue(key, out byte[]? known) && known is not null)
        {
            return known;
        }
        var stored = await db.SearchSalts.AsNoTracking().Where(s => s.Since == since).Select(s => s.Salt).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            stored = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            // Another node may have made the period's salt first: then its is the one.
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "SearchSalts" ("Since", "Salt") VALUES ({since}, {stored}) ON CONFLICT DO NOTHING""", ct);
            stored = await db.SearchSalts.AsNoTracking().Where(s => s.Since == since).Select(s => s.Salt).FirstAsync(ct);
        }
        var salt = Convert.FromBase64String(stored);
        cache.Set(key, salt, TimeSpan.FromHours(1));
        return salt;
    }

    /// <summary>The client's network, keyed with the period's salt: an IPv4 address, an IPv6 /64 (one household or office).</summary>
    public static string Visitor(byte[] salt, IPAddress? address)
    {
        var network = address switch
        {
            null => "unknown",
            { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
            { AddressFamily: AddressFamily.InterNetworkV6 } => Convert.ToHexString(address.GetAddressBytes().AsSpan(0, 8)) + "/64",
            _ => address.ToString(),
        };
        return Convert.ToBase64String(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(network)).AsSpan(0, 16));
    }

    /// <summary>Visits and salts older than two periods go, at most once an hour per node: the hashes then link to nothing.</summary>
    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastCleanUp);
        if (now - last < TimeSpan.TicksPerHour || Interlocked.CompareExchange(ref _lastCleanUp, now, last) != last)
        {
            return;
        }
        var before = Today.AddDays(-2 * options.Days);
        await db.SearchVisits.Where(v => v.Day < before).ExecuteDeleteAsync(ct);
        await db.SearchSalts.Where(s => s.Since < before).ExecuteDeleteAsync(ct);
    }
}
