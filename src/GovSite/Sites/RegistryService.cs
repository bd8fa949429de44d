using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites;

public sealed class RegionInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
}

public sealed class OrganisationInput
{
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? Phone { get; set; }
    public string? Address { get; set; }
}

/// <summary>Regions and organisations: the registry that sites hang from. Platform admins and supervisors keep it.</summary>
public sealed partial class RegistryService(GovSiteDb db, SiteAccess access, Audit.AuditLog audit)
{
    public bool CanEdit => access.Unrestricted || access.RegionIds.Length > 0;

    public async Task<SaveResult<Region>> SaveRegionAsync(int? id, RegionInput input, CancellationToken ct = default)
    {
        if (!CanEdit)
        {
            return SaveResult<Region>.Denied();
        }
        var region = id is int existing ? await db.Regions.FindAsync([existing], ct) : new Region();
        if (region is null)
        {
            return SaveResult<Region>.Missing();
        }
        var errors = new ValidationErrors();
        var code = input.Code?.Trim() ?? "";
        if (!DivisionCode().IsMatch(code))
        {
            errors.Add(nameof(input.Code), "行政区划代码应为6位数字（乡镇街道为9位或12位）");
        }
        else if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != region.Id, ct))
        {
            errors.Add(nameof(input.Code), $"行政区划代码 {code} 已存在");
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), "请填写地区名称");
        }
        Region? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            parent = await db.Regions.FirstOrDefaultAsync(r => r.Code == input.ParentCode.Trim(), ct);
            if (parent is null || parent.Id == region.Id)
            {
                errors.Add(nameof(input.ParentCode), "上级地区不存在");
            }
        }
        else if (!access.Unrestricted)
        {
            errors.Add(nameof(input.ParentCode), "请选择上级地区");
        }
        if (parent is not null && !access.CanRegisterIn(parent.Id))
        {
            return SaveResult<Region>.Denied();
        }
        if (!Enum.IsDefined(input.Level))
        {
            errors.Add(nameof(input.Level), "地区级别无效");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Region>.Invalid(errors);
        }
        region.Code = code;
        region.Name = Common.TypedText.LineOrEmpty(input.Name);
        region.Level = input.Level;
        region.ParentId = parent?.Id;
        if (region.Id == 0)
        {
            db.Regions.Add(region);
        }
        audit.RecordChanges(Audit.AuditActions.Registry, $"地区「{region.Name}」（{region.Code}）", null, region);
        await db.SaveChangesAsync(ct);
        return SaveResult<Region>.Ok(region);
    }

    public async Task<SaveResult<Organisation>> SaveOrganisationAsync(int? id, OrganisationInput input, CancellationToken ct = default)
    {
        if (!CanEdit)
        {
            return SaveResult<Organisation>.Denied();
        }
        var organisation = id is int existing ? await db.Organisations.FindAsync([existing], ct) : new Organisation();
        if (organisation is null)
        {
            return SaveResult<Organisation>.Missing();
        }
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), "请填写单位名称");
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(nameof(input.Name), "单位名称不能超过200个字");
        }
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == (input.RegionCode ?? "").Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.RegionCode), "所属地区不存在");
        }
        else if (!access.CanRegisterIn(region.Id))
        {
            return SaveResult<Organisation>.Denied();
        }
        if (!errors.IsValid)
        {
            return SaveResult<Organisation>.Invalid(errors);
        }
        organisation.Name = Common.TypedText.LineOrEmpty(input.Name);
        organisation.RegionId = region!.Id;
        organisation.Phone = Common.TypedText.Line(input.Phone);
        organisation.Address = Common.TypedText.Line(input.Address);
        if (organisation.Id == 0)
        {
            db.Organisations.Add(organisation);
        }
        audit.RecordChanges(Audit.AuditActions.Registry, $"单位「{organisation.Name}」", null, organisation);
        await db.SaveChangesAsync(ct);
        return SaveResult<Organisation>.Ok(organisation);
    }

    [GeneratedRegex("^([0-9]{6}|[0-9]{9}|[0-9]{12})$")]
    private static partial Regex DivisionCode();
}
