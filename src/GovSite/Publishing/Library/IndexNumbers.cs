using System.Globalization;
using System.Text.RegularExpressions;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>
/// 索引号: made per site from its pattern when a policy is published there. Placeholders:
/// {code} the site's 网站标识码, {year} the publishing year, {seq} or {seq:N} the site's running
/// number for that year, zero-padded to N digits. The counter is bumped in one statement
/// (INSERT … ON CONFLICT … RETURNING), so two nodes never hand out the same number, and the
/// unique index on (site, 索引号) stands behind it.
/// </summary>
public sealed partial class IndexNumbers(GovSiteDb db, SiteDirectory directory)
{
    public const string DefaultPattern = "{code}/{year}-{seq:5}";

    public async Task<string> NextAsync(int siteId, DateTime publishedUtc, CancellationToken ct = default)
    {
        var pattern = await db.PublishingSettings.Where(s => s.SiteId == siteId).Select(s => s.IndexNumberPattern).FirstOrDefaultAsync(ct)
            ?? DefaultPattern;
        var year = ChinaTime.ToLocal(publishedUtc).Year;
        var code = directory.FindById(siteId)?.Code ?? siteId.ToString(CultureInfo.InvariantCulture);
        // A number typed in by hand earlier may already hold the next value: skip over it.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var seq = await db.Database.SqlQuery<int>($"""
                INSERT INTO "IndexNumberCounters" ("SiteId", "Year", "Next") VALUES ({siteId}, {year}, 1)
                ON CONFLICT ("SiteId", "Year") DO UPDATE SET "Next" = "IndexNumberCounters"."Next" + 1
                RETURNING "Next" AS "Value"
                """).ToListAsync(ct);
            var number = Format(pattern, code, year, seq[0]);
            if (!await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.SiteId == siteId && a.IndexNumber == number, ct))
            {
                return number;
            }
        }
        throw new InvalidOperationException("索引号生成失败：请检查索引号规则");
    }

    public static string Format(string pattern, string code, int year, int seq) =>
        Placeholder().Replace(pattern, m => m.Groups[1].Value switch
        {
            "code" => code,
            "year" => year.ToString(CultureInfo.InvariantCulture),
            "seq" => seq.ToString("D" + (m.Groups[2].Success ? m.Groups[2].Value : "1"), CultureInfo.InvariantCulture),
            _ => m.Value,
        });

    /// <summary>A pattern must number items, or every policy of a year would get the same 索引号.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "请填写索引号规则";
        }
        if (pattern.Length > 100)
        {
            return "索引号规则不能超过100个字符";
        }
        if (!Placeholder().Matches(pattern).Any(m => m.Groups[1].Value == "seq"))
        {
            return "索引号规则须包含流水号 {seq} 或 {seq:位数}";
        }
        return Placeholder().Matches(pattern).FirstOrDefault(m => m.Groups[1].Value is not ("code" or "year" or "seq")) is { } unknown
            ? $"不认识的占位符 {unknown.Value}，可用：{{code}} {{year}} {{seq}}"
            : null;
    }

    [GeneratedRegex(@"\{(\w+)(?::(\d{1,2}))?\}")]
    private static partial Regex Placeholder();
}
