using System.Globalization;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure;

public enum ReportStatus
{
    Draft,
    Published,
}

/// <summary>
/// 政府信息公开工作年度报告 of one site for one year. The counts the platform knows are computed
/// when shown; what it cannot know (licences, penalties, fees collected, reviews and lawsuits, and
/// any correction of a count) is entered by hand in <see cref="Manual"/> and marked as such. On
/// publication the figures are frozen in <see cref="Snapshot"/>.
/// </summary>
public class DisclosureReport
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int Year { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>JSON object: cell key → number entered by hand.</summary>
    public string Manual { get; set; } = "{}";

    /// <summary>一、总体情况</summary>
    public string? Overview { get; set; }

    /// <summary>五、存在的主要问题及改进情况</summary>
    public string? Problems { get; set; }

    /// <summary>六、其他需要报告的事项</summary>
    public string? Other { get; set; }

    /// <summary>JSON of the figures as published (<see cref="ReportFigures"/>); null while a draft.</summary>
    public string? Snapshot { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The library item that carries the report in the 政府信息公开年度报告 column.</summary>
    public int? ItemId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>One row of the report's tables: its key, its label and its depth (a sub-row of a group).</summary>
public sealed record ReportRow(string Key, string Label, int Depth = 0);

/// <summary>
/// The official table format (国办公开办函〔2021〕30号): the rows and columns of sections 二, 三 and 四,
/// each cell named by a key ("3.new.NaturalPerson", "2.regulations.made", "4.review.upheld").
/// </summary>
public static class ReportLayout
{
    public static readonly ApplicantKind[] Applicants = Enum.GetValues<ApplicantKind>();

    /// <summary>Section 二, part (一): 规章 and 行政规范性文件 made, repealed, in force.</summary>
    public static readonly (string Key, string Label)[] Documents = [("regulations", "规章"), ("normative", "行政规范性文件")];

    public static readonly (string Key, string Label)[] DocumentColumns = [("made", "本年制发件数"), ("repealed", "本年废止件数"), ("valid", "现行有效件数")];

    /// <summary>Section 二, parts (二)–(四): decisions and fees, entered by hand.</summary>
    public static readonly (string Key, string Label, string Part, string Unit)[] Decisions =
    [
        ("licensing", "行政许可", "（二）第二十条第（五）项", "本年处理决定数量"),
        ("penalty", "行政处罚", "（三）第二十条第（六）项", "本年处理决定数量"),
        ("enforcement", "行政强制", "（三）第二十条第（六）项", "本年处理决定数量"),
        ("fees", "行政事业性收费", "（四）第二十条第（八）项", "本年收费金额（单位：万元）"),
    ];

    /// <summary>Section 三's rows, in the order of the official table.</summary>
    public static readonly ReportRow[] RequestRows =
    [
        new("new", "一、本年新收政府信息公开申请数量"),
        new("carried", "二、上年结转政府信息公开申请数量"),
        new("disclosed", "（一）予以公开", 1),
        new("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
        .. Enum.GetValues<RefusalGround>().Select((g, i) => new ReportRow($"refused.{g}", $"{i + 1}.{DisclosureLabels.Of(g)}", 2)),
        .. Enum.GetValues<UnavailableReason>().Select((u, i) => new ReportRow($"unavailable.{u}", $"{i + 1}.{DisclosureLabels.Of(u)}", 2)),
        new("notProcessed.Petition", "1.信访举报投诉类申请", 2),
        new("notProcessed.Repeat", "2.重复申请", 2),
        new("notProcessed.Publication", "3.要求提供公开出版物", 2),
        new("notProcessed.Excessive", "4.无正当理由大量反复申请", 2),
        new("notProcessed.Confirmation", "5.要求行政机关确认或重新出具已获取信息", 2),
        new("other.NoCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2),
        new("other.Unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2),
        new("other.Other", "3.其他", 2),
        new("total", "（七）总计", 1),
        new("carriedOut", "四、结转下年度继续办理"),
    ];

    /// <summary>The group headings of section 三's result rows, before their first sub-row.</summary>
    public static readonly Dictionary<string, string> Groups = new()
    {
        ["disclosed"] = "三、本年度办理结果",
        [$"refused.{RefusalGround.StateSecret}"] = "（三）不予公开",
        [$"unavailable.{UnavailableReason.NotHeld}"] = "（四）无法提供",
        ["notProcessed.Petition"] = "（五）不予处理",
        ["other.NoCorrection"] = "（六）其他处理",
    };

    /// <summary>The rows whose sum is （七）总计.</summary>
    public static IEnumerable<string> ResultRows => RequestRows.Select(r => r.Key).Where(k => k is not ("new" or "carried" or "total" or "carriedOut"));

    /// <summary>Section 四: 行政复议, 行政诉讼 (未经复议直接起诉, 复议后起诉), five cells each.</summary>
    public static readonly (string Key, string Label)[] ReviewGroups = [("review", "行政复议"), ("direct", "行政诉讼（未经复议直接起诉）"), ("afterReview", "行政诉讼（复议后起诉）")];

    public static readonly (string Key, string Label)[] ReviewColumns =
        [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")];

    public static string Cell(string row, ApplicantKind kind) => $"3.{row}.{kind}";

    public static string TotalCell(string row) => $"3.{row}.Total";

    /// <summary>Every key a person may type a number into (section 三's 总计 column and row are always sums).</summary>
    public static IEnumerable<string> EditableKeys()
    {
        foreach (var (d, _) in Documents)
        {
            foreach (var (c, _) in DocumentColumns)
            {
                yield return $"2.{d}.{c}";
            }
        }
        foreach (var d in Decisions)
        {
            yield return $"2.{d.Key}";
        }
        foreach (var row in RequestRows.Where(r => r.Key != "total"))
        {
            foreach (var kind in Applicants)
            {
                yield return Cell(row.Key, kind);
            }
        }
        foreach (var (g, _) in ReviewGroups)
        {
            foreach (var (c, _) in ReviewColumns)
            {
                yield return $"4.{g}.{c}";
            }
        }
    }
}

/// <summary>
/// The numbers of one report: every cell with its value and where it came from. Section 三's
/// 总计 column and （七）总计 row are sums of the other cells, whatever their source.
/// </summary>
public sealed class ReportFigures
{
    public Dictionary<string, decimal> Values { get; set; } = [];

    /// <summary>Keys whose value was entered by hand (or that the platform cannot know and nobody entered).</summary>
    public HashSet<string> Manual { get; set; } = [];

    public decimal Get(string key) => Values.GetValueOrDefault(key);

    public bool IsManual(string key) => Manual.Contains(key);

    /// <summary>Fills the sums: each row's 总计 column, the （七）总计 row per column, and section 四's 总计 cells.</summary>
    public void Sum()
    {
        foreach (var kind in ReportLayout.Applicants)
        {
            Values[ReportLayout.Cell("total", kind)] = ReportLayout.ResultRows.Sum(r => Get(ReportLayout.Cell(r, kind)));
        }
        foreach (var row in ReportLayout.RequestRows)
        {
            Values[ReportLayout.TotalCell(row.Key)] = ReportLayout.Applicants.Sum(k => Get(ReportLayout.Cell(row.Key, k)));
        }
        foreach (var (g, _) in ReportLayout.ReviewGroups)
        {
            // 总计 is entered by hand only if someone wants to; otherwise it is the sum of the four results.
            var key = $"4.{g}.total";
            if (!Values.ContainsKey(key) || !Manual.Contains(key))
            {
                Values[key] = Get($"4.{g}.upheld") + Get($"4.{g}.corrected") + Get($"4.{g}.other") + Get($"4.{g}.pending");
            }
        }
    }

    /// <summary>
    /// The table's own arithmetic, checked before publishing: in every column (each applicant type
    /// and 总计), 本年新收 + 上年结转 = （七）总计 + 结转下年度; each row's 总计 is the sum of its columns;
    /// section 四's 总计 is the sum of its four results. Chinese messages name the column.
    /// </summary>
    public List<string> Check()
    {
        var problems = new List<string>();
        foreach (var kind in ReportLayout.Applicants)
        {
            Check(ReportLayout.Cell("new", kind), ReportLayout.Cell("carried", kind), ReportLayout.Cell("total", kind), ReportLayout.Cell("carriedOut", kind),
                DisclosureLabels.Of(kind), problems);
        }
        Check(ReportLayout.TotalCell("new"), ReportLayout.TotalCell("carried"), ReportLayout.TotalCell("total"), ReportLayout.TotalCell("carriedOut"), "总计", problems);
        foreach (var row in ReportLayout.RequestRows)
        {
            var sum = ReportLayout.Applicants.Sum(k => Get(ReportLayout.Cell(row.Key, k)));
            if (sum != Get(ReportLayout.TotalCell(row.Key)))
            {
                problems.Add($"“{row.Label}”一行的总计 {Get(ReportLayout.TotalCell(row.Key))} 与各列之和 {sum} 不一致");
            }
        }
        foreach (var kind in ReportLayout.Applicants)
        {
            var sum = ReportLayout.ResultRows.Sum(r => Get(ReportLayout.Cell(r, kind)));
            if (sum != Get(ReportLayout.Cell("total", kind)))
            {
                problems.Add($"“{DisclosureLabels.Of(kind)}”一列的（七）总计 {Get(ReportLayout.Cell("total", kind))} 与各项办理结果之和 {sum} 不一致");
            }
        }
        foreach (var (g, label) in ReportLayout.ReviewGroups)
        {
            var parts = Get($"4.{g}.upheld") + Get($"4.{g}.corrected") + Get($"4.{g}.other") + Get($"4.{g}.pending");
            if (parts != Get($"4.{g}.total"))
            {
                problems.Add($"{label}的总计 {Get($"4.{g}.total")} 与结果维持、结果纠正、其他结果、尚未审结之和 {parts} 不一致");
            }
        }
        foreach (var (key, value) in Values)
        {
            if (value < 0)
            {
                problems.Add($"{key} 不能为负数");
            }
            else if (!key.StartsWith("2.fees", StringComparison.Ordinal) && value != Math.Floor(value))
            {
                problems.Add($"{key} 应为整数");
            }
        }
        return problems;
    }

    private void Check(string added, string carried, string total, string carriedOut, string column, List<string> problems)
    {
        var left = Get(added) + Get(carried);
        var right = Get(total) + Get(carriedOut);
        if (left != right)
        {
            problems.Add($"“{column}”一列：本年新收 {Get(added)} + 上年结转 {Get(carried)} = {left}，但办理结果总计 {Get(total)} + 结转下年度 {Get(carriedOut)} = {right}，两者应相等");
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportFigures? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<ReportFigures>(json, Json);
}

/// <summary>
/// Computes a report's figures from the platform's data: section 二 (一) from the site's library
/// items by 体裁分类 (规章, 规范性文件) and validity, section 三 from its information requests, and
/// takes the rest from what was entered by hand.
/// </summary>
public sealed class AnnualReports(GovSiteDb db, SiteDirectory directory)
{
    public const string RegulationGenre = "规章";
    public const string NormativeGenre = "规范性文件";

    public async Task<ReportFigures> ComputeAsync(int siteId, int year, IReadOnlyDictionary<string, decimal> manual, CancellationToken ct)
    {
        var figures = new ReportFigures();
        await DocumentsAsync(siteId, year, figures, ct);
        await RequestsAsync(siteId, year, figures, ct);
        foreach (var d in ReportLayout.Decisions)
        {
            // The platform holds no licensing, penalty, enforcement or fee records: by hand, shown as such.
            figures.Values[$"2.{d.Key}"] = 0;
            figures.Manual.Add($"2.{d.Key}");
        }
        foreach (var (g, _) in ReportLayout.ReviewGroups)
        {
            foreach (var (c, _) in ReportLayout.ReviewColumns)
            {
                figures.Values[$"4.{g}.{c}"] = 0;
                if (c != "total")
                {
                    figures.Manual.Add($"4.{g}.{c}");
                }
            }
        }
        var editable = ReportLayout.EditableKeys().ToHashSet();
        foreach (var (key, value) in manual.Where(m => editable.Contains(m.Key)))
        {
            figures.Values[key] = value;
            figures.Manual.Add(key);
        }
        figures.Sum();
        return figures;
    }

    private async Task DocumentsAsync(int siteId, int year, ReportFigures figures, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var items = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.OwnerSiteId == siteId && (i.GenreClass == RegulationGenre || i.GenreClass == NormativeGenre)
                && (i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn) && i.WrittenDate != null && i.WrittenDate <= end)
            .Select(i => new { i.GenreClass, i.WrittenDate, i.Validity, i.ValidityDate })
            .ToListAsync(ct);
        foreach (var (key, genre) in new[] { ("regulations", RegulationGenre), ("normative", NormativeGenre) })
        {
            var of = items.Where(i => i.GenreClass == genre).ToList();
            bool Ended(PolicyValidity? v) => v is PolicyValidity.Repealed or PolicyValidity.Expired;
            figures.Values[$"2.{key}.made"] = of.Count(i => i.WrittenDate >= start);
            figures.Values[$"2.{key}.repealed"] = of.Count(i => Ended(i.Validity) && i.ValidityDate >= start && i.ValidityDate <= end);
            figures.Values[$"2.{key}.valid"] = of.Count(i => !Ended(i.Validity) || i.ValidityDate is null || i.ValidityDate > end);
        }
    }

    private async Task RequestsAsync(int siteId, int year, ReportFigures figures, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var requests = await db.InformationRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SiteId == siteId && r.ReceivedOn <= end
                && (r.ReceivedOn >= start || (r.AnsweredOn == null && r.ClosedOn == null) || r.AnsweredOn >= start || r.ClosedOn >= start))
            .Select(r => new { r.ApplicantKind, r.ReceivedOn, r.AnsweredOn, r.ClosedOn, r.AnswerType, r.AnswerGround, r.CloseReason })
            .ToListAsync(ct);
        foreach (var row in ReportLayout.RequestRows)
        {
            foreach (var kind in ReportLayout.Applicants)
            {
                figures.Values[ReportLayout.Cell(row.Key, kind)] = 0;
            }
        }
        foreach (var r in requests)
        {
            var finished = r.AnsweredOn ?? r.ClosedOn;
            void Count(string row) => figures.Values[ReportLayout.Cell(row, r.ApplicantKind)] += 1;
            if (r.ReceivedOn >= start)
            {
                Count("new");
            }
            else if (finished is null || finished >= start)
            {
                Count("carried");
            }
            if (finished is { } f && f >= start && f <= end)
            {
                Count(ResultRow(r.AnswerType, r.AnswerGround, r.CloseReason));
            }
            else if (finished is null || finished > end)
            {
                Count("carriedOut");
            }
        }
    }

    /// <summary>The row of section 三 a finished request counts in.</summary>
    public static string ResultRow(AnswerType? type, string? ground, CloseReason? closed) => type switch
    {
        AnswerType.AlreadyPublic or AnswerType.Disclosed => "disclosed",
        AnswerType.PartlyDisclosed => "partly",
        AnswerType.Refused => $"refused.{ground ?? nameof(RefusalGround.ProhibitedByLaw)}",
        AnswerType.Unavailable => $"unavailable.{ground ?? nameof(UnavailableReason.NotHeld)}",
        // Not this agency's: counted as 本机关不掌握相关政府信息.
        AnswerType.NotThisAgency => $"unavailable.{UnavailableReason.NotHeld}",
        AnswerType.Repeat => "notProcessed.Repeat",
        AnswerType.NotProcessed => $"notProcessed.{ground ?? nameof(NotProcessedGround.Petition)}",
        AnswerType.OtherChannel => "other.Other",
        _ => closed switch
        {
            CloseReason.NoCorrection => "other.NoCorrection",
            CloseReason.Unpaid => "other.Unpaid",
            _ => "other.Other",
        },
    };

    /// <summary>Fees actually collected in the year (paid notices), for section 六.</summary>
    public async Task<decimal> FeesCollectedAsync(int siteId, int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var paid = await (from e in db.RequestEvents.IgnoreQueryFilters().AsNoTracking()
                          join r in db.InformationRequests.IgnoreQueryFilters().AsNoTracking() on e.RequestId equals r.Id
                          where r.SiteId == siteId && e.Kind == RequestEventKind.FeePaid && e.OccurredOn >= start && e.OccurredOn <= end
                          select r.FeeAmount).ToListAsync(ct);
        return paid.Sum(a => a ?? 0);
    }

    /// <summary>A starting text for section 一 from the year's figures (staff rewrite it as they see fit).</summary>
    public static string DraftOverview(SiteInfo site, int year, ReportFigures f, Timeliness timeliness) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{year}年，{site.HostUnitName ?? site.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。"
            + $"全年制发规章 {f.Get("2.regulations.made")} 件、行政规范性文件 {f.Get("2.normative.made")} 件；主动公开的信息中，"
            + $"有成文日期的 {timeliness.Counted} 条，其中超过 20 个工作日公开的 {timeliness.Late} 条。"
            + $"全年新收政府信息公开申请 {f.Get(ReportLayout.TotalCell("new"))} 件，上年结转 {f.Get(ReportLayout.TotalCell("carried"))} 件，"
            + $"办结 {f.Get(ReportLayout.TotalCell("total"))} 件，结转下年度 {f.Get(ReportLayout.TotalCell("carriedOut"))} 件。");

    public static Dictionary<string, decimal> ParseManual(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];

    public string TitleOf(int siteId, int year) =>
        $"{(directory.FindById(siteId) is { } s ? s.HostUnitName ?? s.Name : "")}{year}年政府信息公开工作年度报告";
}
