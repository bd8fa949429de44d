using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure;

/// <summary>
/// 政府信息公开指南 settings of a site, one row per saved version: the guide page, the letters
/// and the fee notices read the latest; older versions stay as the guide's history.
/// </summary>
public class DisclosureGuide
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int Version { get; set; }

    /// <summary>受理机构: the office that handles requests.</summary>
    public string Office { get; set; } = "";
    public string Address { get; set; } = "";
    public string? PostalCode { get; set; }

    /// <summary>办公时间</summary>
    public string Hours { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Fax { get; set; }
    public string? Email { get; set; }

    /// <summary>文书编号前缀, e.g. 江川发改公开: letters are numbered 前缀〔年〕n号.</summary>
    public string LetterPrefix { get; set; } = "";

    /// <summary>收费: what the site says about fees beyond the national standard (e.g. 减免).</summary>
    public string? Fees { get; set; }

    /// <summary>监督和救济: where to complain, the review body and the court.</summary>
    public string Remedies { get; set; } = "";

    /// <summary>Anything else the site adds to its guide.</summary>
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

public sealed class GuideInput
{
    public string? Office { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Hours { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? LetterPrefix { get; set; }
    public string? Fees { get; set; }
    public string? Remedies { get; set; }
    public string? Notes { get; set; }

    public static GuideInput From(DisclosureGuide g) => new()
    {
        Office = g.Office, Address = g.Address, PostalCode = g.PostalCode, Hours = g.Hours, Phone = g.Phone, Fax = g.Fax, Email = g.Email,
        LetterPrefix = g.LetterPrefix, Fees = g.Fees, Remedies = g.Remedies, Notes = g.Notes,
    };
}

/// <summary>The guide's settings: the latest version, a default for a site that never saved one, and saving a new version.</summary>
public sealed class GuideService(GovSiteDb db, SiteAccess access, SiteDirectory directory, TimeProvider clock)
{
    public async Task<DisclosureGuide> CurrentAsync(int siteId, CancellationToken ct) =>
        await db.DisclosureGuides.AsNoTracking().Where(g => g.SiteId == siteId).OrderByDescending(g => g.Version).FirstOrDefaultAsync(ct)
        ?? Default(directory.FindById(siteId));

    public Task<List<DisclosureGuide>> VersionsAsync(int siteId, CancellationToken ct) =>
        db.DisclosureGuides.AsNoTracking().Where(g => g.SiteId == siteId).OrderByDescending(g => g.Version).ToListAsync(ct);

    /// <summary>What a site's guide says before anyone edits it: its registry facts and the national remedies.</summary>
    public static DisclosureGuide Default(SiteInfo? site) => new()
    {
        SiteId = site?.Id ?? 0,
        Version = 0,
        Office = $"{site?.HostUnitName ?? site?.Name}政府信息公开工作机构",
        Address = site?.Address ?? "",
        Hours = "工作日上午 9:00—12:00，下午 14:00—17:30（法定节假日除外）",
        Phone = site?.ContactPhone ?? "",
        Email = site?.ContactEmail,
        LetterPrefix = $"{site?.Name}依申请公开",
        Remedies = "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
        CreatedBy = "系统",
    };

    public async Task<SaveResult<DisclosureGuide>> SaveAsync(int siteId, GuideInput input, CancellationToken ct)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return access.CanSee(siteId) ? SaveResult<DisclosureGuide>.Denied() : SaveResult<DisclosureGuide>.Missing();
        }
        var errors = new ValidationErrors();
        string Required(string? value, string field, string label, int max)
        {
            var text = TypedText.LineOrEmpty(value);
            if (text.Length == 0)
            {
                errors.Add(field, $"请填写{label}");
            }
            else if (TypedText.Length(text) > max)
            {
                errors.Add(field, $"{label}不能超过 {max} 个字");
            }
            return text;
        }
        string? Optional(string? value, string field, string label, int max, bool block = false)
        {
            var text = block ? TypedText.Block(value) : TypedText.Line(value);
            if (TypedText.Length(text) > max)
            {
                errors.Add(field, $"{label}不能超过 {max} 个字");
            }
            return text;
        }
        var guide = new DisclosureGuide
        {
            SiteId = siteId,
            Office = Required(input.Office, nameof(input.Office), "受理机构", 100),
            Address = Required(input.Address, nameof(input.Address), "通信地址", 200),
            PostalCode = Optional(input.PostalCode, nameof(input.PostalCode), "邮政编码", 10),
            Hours = Required(input.Hours, nameof(input.Hours), "办公时间", 200),
            Phone = Required(input.Phone, nameof(input.Phone), "联系电话", 50),
            Fax = Optional(input.Fax, nameof(input.Fax), "传真", 50),
            Email = Optional(input.Email, nameof(input.Email), "电子邮箱", 254),
            LetterPrefix = Required(input.LetterPrefix, nameof(input.LetterPrefix), "文书编号前缀", 40),
            Fees = Optional(input.Fees, nameof(input.Fees), "收费说明", 2000, block: true),
            Remedies = Required(input.Remedies, nameof(input.Remedies), "监督和救济", 2000),
            Notes = Optional(input.Notes, nameof(input.Notes), "其他说明", 4000, block: true),
        };
        // A text area's line breaks are kept; "Required" trimmed only the ends of the remedies.
        guide.Remedies = TypedText.Block(input.Remedies) ?? guide.Remedies;
        if (guide.PostalCode is { } postal && !(postal.Length == 6 && postal.All(char.IsAsciiDigit)))
        {
            errors.Add(nameof(input.PostalCode), "邮政编码应为 6 位数字");
        }
        if (guide.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确，如 gk@example.gov.cn");
        }
        if (!errors.IsValid)
        {
            return SaveResult<DisclosureGuide>.Invalid(errors);
        }
        guide.Version = (await db.DisclosureGuides.Where(g => g.SiteId == siteId).MaxAsync(g => (int?)g.Version, ct) ?? 0) + 1;
        guide.CreatedAt = clock.GetUtcNow().UtcDateTime;
        guide.CreatedBy = access.UserName ?? "";
        db.DisclosureGuides.Add(guide);
        await db.SaveChangesAsync(ct);
        return SaveResult<DisclosureGuide>.Ok(guide);
    }
}
