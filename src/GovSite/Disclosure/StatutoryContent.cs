using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure;

/// <summary>
/// 法定主动公开内容: one category a site of a type must keep (条例 第二十、二十一条). A site's
/// published 主动公开 placements count towards it when their 体裁分类 is one of
/// <see cref="Genres"/> or their column is named one of <see cref="Columns"/>; the category is
/// empty without any, and stale when the newest is older than <see cref="FreshDays"/>.
/// </summary>
public class StatutoryCategory
{
    public int Id { get; set; }
    public SiteType SiteType { get; set; }
    public string Name { get; set; } = "";

    /// <summary>体裁分类 names, separated by 、 or commas.</summary>
    public string? Genres { get; set; }

    /// <summary>Column names, separated by 、 or commas.</summary>
    public string? Columns { get; set; }

    /// <summary>Days after which the newest entry is stale; null: never stale by date.</summary>
    public int? FreshDays { get; set; }
    public int SortOrder { get; set; }

    public static string[] Split(string? list) =>
        (list ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum CoverageState
{
    Fresh,
    Stale,
    Empty,
}

public sealed record CategoryCoverage(StatutoryCategory Category, int Count, DateTime? Newest, CoverageState State);

/// <summary>An item published later than the 20 working days after it was formed (成文).</summary>
public sealed record LatePublication(int ArticleId, string Title, DateOnly WrittenOn, DateOnly PublishedOn, int WorkingDays);

public sealed record Timeliness(int Year, int Counted, int Late, List<LatePublication> Items);

/// <summary>The categories every site of a type must keep, per type, and how far a site keeps them.</summary>
public sealed class StatutoryContent(GovSiteDb db, CalendarService calendar, IOptions<DisclosureOptions> options, TimeProvider clock)
{
    /// <summary>The starting rules, written by the migration and used by a platform that has none.</summary>
    public static IEnumerable<StatutoryCategory> Defaults()
    {
        var order = 0;
        foreach (var type in new[] { SiteType.Department, SiteType.Portal })
        {
            order = 0;
            yield return Rule(type, "机构职能", null, "机构概况、机构职能、领导信息", null, order += 10);
            yield return Rule(type, "规章", "规章", "规章", null, order += 10);
            yield return Rule(type, "规范性文件", "规范性文件", "规范性文件、政策文件", 180, order += 10);
            yield return Rule(type, "规划", "规划", "规划计划、发展规划", 365, order += 10);
            yield return Rule(type, "统计", "统计", "统计信息、统计数据", 90, order += 10);
            yield return Rule(type, "财政预决算", "预算、决算", "财政预决算、财政信息", 365, order += 10);
            yield return Rule(type, "行政许可", null, "行政许可、权责清单", 365, order += 10);
            yield return Rule(type, "行政处罚", null, "行政处罚、行政执法", 365, order += 10);
            yield return Rule(type, "收费", null, "行政事业性收费、收费项目", 365, order += 10);
            yield return Rule(type, "人事", null, "人事信息、人事任免", 365, order += 10);
            if (type == SiteType.Portal)
            {
                yield return Rule(type, "政府工作报告", "报告", "政府工作报告", 365, order += 10);
            }
        }
    }

    private static StatutoryCategory Rule(SiteType type, string name, string? genres, string? columns, int? days, int order) =>
        new() { SiteType = type, Name = name, Genres = genres, Columns = columns, FreshDays = days, SortOrder = order };

    public async Task<List<StatutoryCategory>> RulesAsync(SiteType type, CancellationToken ct)
    {
        var rules = await db.StatutoryCategories.AsNoTracking().Where(c => c.SiteType == type).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return rules;
    }

    /// <summary>For each category of the site's type: how many entries, the newest, and whether it is empty or stale.</summary>
    public async Task<List<CategoryCoverage>> CoverageAsync(SiteInfo site, CancellationToken ct)
    {
        var rules = await RulesAsync(site.Type, ct);
        var columns = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => c.SiteId == site.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<CategoryCoverage>();
        foreach (var rule in rules)
        {
            var genres = StatutoryCategory.Split(rule.Genres);
            var names = StatutoryCategory.Split(rule.Columns);
            var columnIds = columns.Where(c => names.Contains(c.Name)).Select(c => c.Id).ToArray();
            var entries = db.Articles.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= now
                    && (a.Disclosure == DisclosureMode.Proactive || a.Disclosure == null)
                    && ((a.GenreClass != null && genres.Contains(a.GenreClass)) || columnIds.Contains(a.ColumnId)));
            var count = await entries.CountAsync(ct);
            var newest = count == 0 ? null : await entries.MaxAsync(a => a.PublishedAt, ct);
            var state = count == 0 ? CoverageState.Empty
                : rule.FreshDays is int days && newest is { } n && (now - n).TotalDays > days ? CoverageState.Stale
                : CoverageState.Fresh;
            result.Add(new CategoryCoverage(rule, count, newest, state));
        }
        return result;
    }

    /// <summary>
    /// The 20-working-day rule of 主动公开 for one year: items published that year with a 成文日期,
    /// and those published more than 20 working days after it.
    /// </summary>
    public async Task<Timeliness> TimelinessAsync(int siteId, int year, CancellationToken ct)
    {
        var from = ChinaTime.ToUtc(new DateTime(year, 1, 1));
        var to = ChinaTime.ToUtc(new DateTime(year + 1, 1, 1));
        var rows = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Status == ArticleStatus.Published && a.Disclosure == DisclosureMode.Proactive
                && a.WrittenDate != null && a.PublishedAt >= from && a.PublishedAt < to && a.ReprintedFromSiteId == null)
            .Select(a => new { a.Id, a.Title, a.WrittenDate, a.PublishedAt })
            .ToListAsync(ct);
        var cal = calendar.Current;
        var limit = options.Value.ProactiveWorkingDays;
        var late = rows.Select(r =>
            {
                var published = DateOnly.FromDateTime(ChinaTime.ToLocal(r.PublishedAt!.Value));
                return new LatePublication(r.Id, r.Title, r.WrittenDate!.Value, published, cal.WorkingDaysAfter(r.WrittenDate.Value, published));
            })
            .Where(l => l.WorkingDays > limit).OrderByDescending(l => l.WorkingDays).ToList();
        return new Timeliness(year, rows.Count, late.Count, late);
    }

    /// <summary>Platform administrators maintain the rules; a blank name removes a rule.</summary>
    public async Task<ValidationErrors> SaveRulesAsync(SiteType type, IReadOnlyList<StatutoryCategory> rules, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            r.Name = TypedText.LineOrEmpty(r.Name);
            if (r.Name.Length == 0)
            {
                continue;
            }
            if (TypedText.Length(r.Name) > 50)
            {
                errors.Add($"Rules[{i}].Name", "类别名称不能超过 50 个字");
            }
            if (StatutoryCategory.Split(r.Genres).Length == 0 && StatutoryCategory.Split(r.Columns).Length == 0)
            {
                errors.Add($"Rules[{i}].Columns", $"“{r.Name}”请至少填写一个体裁分类或栏目名称");
            }
            if (r.FreshDays is < 1 or > 3650)
            {
                errors.Add($"Rules[{i}].FreshDays", $"“{r.Name}”的更新周期应为 1 到 3650 天，或留空表示不按日期判断");
            }
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        await db.StatutoryCategories.Where(c => c.SiteType == type).ExecuteDeleteAsync(ct);
        var order = 0;
        foreach (var r in rules.Where(r => r.Name.Length > 0))
        {
            db.StatutoryCategories.Add(new StatutoryCategory
            {
                SiteType = type, Name = r.Name, Genres = TypedText.Line(r.Genres), Columns = TypedText.Line(r.Columns), FreshDays = r.FreshDays,
                SortOrder = order += 10,
            });
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
