using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

public sealed class AccountabilityInput
{
    /// <summary>Division code of the region the decision belongs to.</summary>
    public string? Region { get; set; }

    /// <summary>网站标识码 of the site concerned, if any.</summary>
    public string? Site { get; set; }
    public int? OrganisationId { get; set; }
    public string? UnitName { get; set; }
    public string? PersonName { get; set; }
    public string? PersonPost { get; set; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? Date { get; set; }
    public string? Finding { get; set; }
    public AccountabilityForm? Form { get; set; }
    public string? DecidedBy { get; set; }
}

/// <summary>One quarter's counts per form under the heaviest-form rule, and as the annual report groups them.</summary>
public sealed record AccountabilityCounts(int Year, int Quarter, Dictionary<AccountabilityForm, int> ByForm, Dictionary<string, int> Report, int People, int Records);

/// <summary>
/// 问责 counting (domain.md): per quarter, the same person counts once, under the heaviest form
/// (其他 &lt; 约谈 &lt; 书面检查 &lt; 通报批评 &lt; 警告或记过处分 &lt; 调离岗位 &lt; 免职 &lt; 辞退); the
/// report puts 调离岗位 and 免职 in one column. A decision about a unit (no person named) counts
/// once per unit and quarter the same way.
/// </summary>
public static class AccountabilityCounting
{
    public static readonly IReadOnlyList<string> ReportColumns = ["约谈", "书面检查", "通报批评", "警告或记过处分", "调离岗位或免职", "辞退", "其他"];

    public static string Label(AccountabilityForm form) => form switch
    {
        AccountabilityForm.Talk => "约谈",
        AccountabilityForm.WrittenReview => "书面检查",
        AccountabilityForm.Criticism => "通报批评",
        AccountabilityForm.Warning => "警告或记过处分",
        AccountabilityForm.Transfer => "调离岗位",
        AccountabilityForm.Removal => "免职",
        AccountabilityForm.Dismissal => "辞退",
        _ => "其他",
    };

    public static string ReportColumn(AccountabilityForm form) => form is AccountabilityForm.Transfer or AccountabilityForm.Removal ? "调离岗位或免职" : Label(form);

    /// <summary>Who a record is about: the person (name within unit), or the unit itself.</summary>
    public static string Subject(AccountabilityRecord r) =>
        (Normal(r.PersonName) is { Length: > 0 } person ? "person:" + person : "unit:") + "|" + Normal(r.UnitName);

    public static List<AccountabilityCounts> Count(IEnumerable<AccountabilityRecord> records)
    {
        var result = new List<AccountabilityCounts>();
        foreach (var quarter in records.GroupBy(r => Quarters.Of(r.Date)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Quarter))
        {
            var heaviest = quarter.GroupBy(Subject).Select(g => g.Max(r => r.Form)).ToList();
            var byForm = Enum.GetValues<AccountabilityForm>().ToDictionary(f => f, f => heaviest.Count(h => h == f));
            var report = ReportColumns.ToDictionary(c => c, c => heaviest.Count(h => ReportColumn(h) == c));
            result.Add(new AccountabilityCounts(quarter.Key.Year, quarter.Key.Quarter, byForm, report, heaviest.Count, quarter.Count()));
        }
        return result;
    }

    private static string Normal(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
}

public sealed class Accountability(GovSiteDb db, SiteAccess access, TimeProvider clock)
{
    public async Task<SaveResult<AccountabilityRecord>> RecordAsync(AccountabilityInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == (input.Region ?? "").Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.Region), "请填写所属地区的行政区划代码");
        }
        else if (!access.Unrestricted && !access.RegionIds.Contains(region.Id))
        {
            return SaveResult<AccountabilityRecord>.Denied();
        }
        int? siteId = null;
        if (TypedText.Line(input.Site) is { } code)
        {
            siteId = await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (siteId is null)
            {
                errors.Add(nameof(input.Site), $"网站标识码 {code} 不存在");
            }
        }
        var unit = TypedText.Line(input.UnitName);
        if (input.OrganisationId is int orgId)
        {
            var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null)
            {
                errors.Add(nameof(input.OrganisationId), "所选单位不存在");
            }
            unit ??= org?.Name;
        }
        if (unit is null)
        {
            errors.Add(nameof(input.UnitName), "请填写被问责的单位");
        }
        else if (unit.Length > 200)
        {
            errors.Add(nameof(input.UnitName), "单位名称不能超过200个字");
        }
        var person = TypedText.Line(input.PersonName);
        if (person is { Length: > 50 })
        {
            errors.Add(nameof(input.PersonName), "姓名不能超过50个字");
        }
        var post = TypedText.Line(input.PersonPost);
        if (post is { Length: > 100 })
        {
            errors.Add(nameof(input.PersonPost), "职务不能超过100个字");
        }
        if (!DateOnly.TryParseExact((input.Date ?? "").Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            errors.Add(nameof(input.Date), "请按“2026-03-18”的格式填写问责日期");
        }
        var finding = TypedText.Block(input.Finding);
        if (finding is null)
        {
            errors.Add(nameof(input.Finding), "请写明问责所针对的问题");
        }
        else if (finding.Length > 2000)
        {
            errors.Add(nameof(input.Finding), "问题说明不能超过2000个字");
        }
        if (input.Form is not { } form || !Enum.IsDefined(form))
        {
            errors.Add(nameof(input.Form), "请选择问责方式");
        }
        var decidedBy = TypedText.Line(input.DecidedBy);
        if (decidedBy is null)
        {
            errors.Add(nameof(input.DecidedBy), "请填写作出问责决定的机关");
        }
        else if (decidedBy.Length > 200)
        {
            errors.Add(nameof(input.DecidedBy), "决定机关不能超过200个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<AccountabilityRecord>.Invalid(errors);
        }
        var record = new AccountabilityRecord
        {
            RegionId = region!.Id, SiteId = siteId, OrganisationId = input.OrganisationId, UnitName = unit!, PersonName = person, PersonPost = post,
            Date = date, Finding = finding!, Form = input.Form!.Value, DecidedBy = decidedBy!, CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = access.UserName ?? "系统",
        };
        db.AccountabilityRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return SaveResult<AccountabilityRecord>.Ok(record);
    }

    /// <summary>The region's (and below) records of a year, or of one quarter of it.</summary>
    public async Task<List<AccountabilityRecord>> RecordsAsync(int regionId, int year, int? quarter, CancellationToken ct = default)
    {
        var scope = await RegionScope.WithDescendantsAsync(db, regionId, ct);
        var (from, to) = quarter is int q ? (Quarters.FirstDay(year, q), Quarters.LastDay(year, q)) : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.AccountabilityRecords.AsNoTracking().Where(r => scope.Contains(r.RegionId) && r.Date >= from && r.Date <= to)
            .OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);
    }
}
