using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites;

/// <summary>What a person fills in to register or edit a site.</summary>
public sealed class SiteInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public SiteType Type { get; set; }
    public SiteLevel Level { get; set; }
    public SiteStatus Status { get; set; } = SiteStatus.Applied;
    public string RegionCode { get; set; } = "";
    public string? ParentCode { get; set; }
    public int? CompetentUnitId { get; set; }
    public int? HostUnitId { get; set; }
    public int? OperatorUnitId { get; set; }
    public List<string> Domains { get; set; } = [];
    public string? MainDomain { get; set; }
    public string? IcpNumber { get; set; }
    public string? PoliceRecordNumber { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
}

public sealed class SiteService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>Registers a site and provisions its standard columns, all or nothing.</summary>
    public async Task<SaveResult<Site>> CreateAsync(SiteInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == input.RegionCode.Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.RegionCode), "所属地区不存在，请先在“地区”中添加该行政区划代码");
        }
        else if (!access.CanRegisterIn(region.Id))
        {
            return SaveResult<Site>.Denied();
        }
        var site = new Site { CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(site, input, region, errors, ct);
        if (!errors.IsValid)
        {
            return SaveResult<Site>.Invalid(errors);
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Sites.Add(site);
            audit.Record(Audit.AuditActions.Registry, $"网站「{site.Name}」（{site.Code}）", "登记新网站");
            await db.SaveChangesAsync(ct);
            await StandardColumns.ProvisionAsync(db, site.Id, StandardColumns.For(site.Type), ct: ct);
            await tx.CommitAsync(ct);
        }
        // After the commit: another request must not reload the snapshot before the site exists.
        await changes.RegistryChangedAsync(site.Id, ct);
        return SaveResult<Site>.Ok(site);
    }

    public async Task<SaveResult<Site>> UpdateAsync(int id, SiteInput input, CancellationToken ct = default)
    {
        var site = await db.Sites.Include(s => s.Domains).Include(s => s.Region).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return SaveResult<Site>.Missing();
        }
        if (!access.CanAdministerSite(site.Id) && !access.CanRegisterIn(site.RegionId))
        {
            return SaveResult<Site>.Denied();
        }
        var errors = new ValidationErrors();
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == input.RegionCode.Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.RegionCode), "所属地区不存在");
        }
        else if (region.Id != site.RegionId && !access.CanRegisterIn(region.Id))
        {
            return SaveResult<Site>.Denied();
        }
        await ApplyAsync(site, input, region, errors, ct);
        if (!errors.IsValid)
        {
            return SaveResult<Site>.Invalid(errors);
        }
        audit.RecordChanges(Audit.AuditActions.Registry, $"网站「{site.Name}」（{site.Code}）", site.Id, [site, .. site.Domains]);
        await db.SaveChangesAsync(ct);
        await changes.RegistryChangedAsync(site.Id, ct);
        return SaveResult<Site>.Ok(site);
    }

    private async Task ApplyAsync(Site site, SiteInput input, Region? region, ValidationErrors errors, CancellationToken ct)
    {
        var code = input.Code.Trim();
        var check = SiteCode.Check(code, region?.Code);
        if (!check.Acceptable)
        {
            errors.Add(nameof(input.Code), check.Warning!);
        }
        else if (await db.Sites.AnyAsync(s => s.Code == code && s.Id != site.Id, ct))
        {
            errors.Add(nameof(input.Code), $"网站标识码 {code} 已被其他网站使用");
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), "请填写网站名称");
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(nameof(input.Name), "网站名称不能超过200个字");
        }

        Site? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            parent = await db.Sites.FirstOrDefaultAsync(s => s.Code == input.ParentCode.Trim(), ct);
            if (parent is null)
            {
                errors.Add(nameof(input.ParentCode), "上级网站不存在");
            }
            else if (parent.Id == site.Id)
            {
                errors.Add(nameof(input.ParentCode), "上级网站不能是本网站");
            }
        }

        foreach (var (field, unitId) in new[]
                 {
                     (nameof(input.CompetentUnitId), input.CompetentUnitId),
                     (nameof(input.HostUnitId), input.HostUnitId),
                     (nameof(input.OperatorUnitId), input.OperatorUnitId),
                 })
        {
            if (unitId is int u && !await db.Organisations.AnyAsync(o => o.Id == u, ct))
            {
                errors.Add(field, "所选单位不存在");
            }
        }
        if (input.HostUnitId is null)
        {
            errors.Add(nameof(input.HostUnitId), "请选择主办单位（页面底部须显示主办单位）");
        }

        var hosts = input.Domains.Select(HostName.Normalise).Where(h => h.Length > 0).Distinct().ToList();
        if (hosts.Count == 0)
        {
            errors.Add(nameof(input.Domains), "请至少填写一个域名（英文域名以 .gov.cn 结尾，中文域名以 .政务 结尾）");
        }
        foreach (var host in hosts)
        {
            if (!HostName.IsGovCn(host) && !HostName.IsZhengwu(host))
            {
                errors.Add(nameof(input.Domains), $"域名 {host} 不符合要求：英文域名须以 .gov.cn 结尾，中文域名须以 .政务 结尾");
            }
        }
        var taken = await db.SiteDomains.Where(d => hosts.Contains(d.Host) && d.SiteId != site.Id).Select(d => d.Host).ToListAsync(ct);
        foreach (var host in taken)
        {
            errors.Add(nameof(input.Domains), $"域名 {host} 已被其他网站使用");
        }
        var main = string.IsNullOrWhiteSpace(input.MainDomain) ? hosts.FirstOrDefault() : HostName.Normalise(input.MainDomain);
        if (main is not null && !hosts.Contains(main))
        {
            errors.Add(nameof(input.MainDomain), "主域名必须是上面填写的域名之一");
        }
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add(nameof(input.Type), "网站类型无效");
        }
        if (!Enum.IsDefined(input.Level))
        {
            errors.Add(nameof(input.Level), "网站级别无效");
        }
        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(nameof(input.Status), "网站状态无效");
        }
        if (!errors.IsValid)
        {
            return;
        }

        site.Code = code;
        site.Name = Common.TypedText.LineOrEmpty(input.Name);
        site.Type = input.Type;
        site.Level = input.Level;
        site.Status = input.Status;
        site.RegionId = region!.Id;
        site.ParentId = parent?.Id;
        site.CompetentUnitId = input.CompetentUnitId;
        site.HostUnitId = input.HostUnitId;
        site.OperatorUnitId = input.OperatorUnitId;
        site.IcpNumber = Trimmed(input.IcpNumber);
        site.PoliceRecordNumber = Trimmed(input.PoliceRecordNumber);
        site.ContactPhone = Trimmed(input.ContactPhone);
        site.ContactEmail = Trimmed(input.ContactEmail);
        site.Address = Trimmed(input.Address);
        site.Description = Trimmed(input.Description);
        site.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        site.Domains.RemoveAll(d => !hosts.Contains(d.Host));
        foreach (var host in hosts)
        {
            var domain = site.Domains.FirstOrDefault(d => d.Host == host);
            if (domain is null)
            {
                site.Domains.Add(domain = new SiteDomain { Host = host });
            }
            domain.IsMain = host == main;
        }
    }

    private static string? Trimmed(string? value) => Common.TypedText.Line(value);

    public static SiteInput ToInput(Site site, string regionCode, string? parentCode) => new()
    {
        Code = site.Code,
        Name = site.Name,
        Type = site.Type,
        Level = site.Level,
        Status = site.Status,
        RegionCode = regionCode,
        ParentCode = parentCode,
        CompetentUnitId = site.CompetentUnitId,
        HostUnitId = site.HostUnitId,
        OperatorUnitId = site.OperatorUnitId,
        Domains = [.. site.Domains.OrderByDescending(d => d.IsMain).Select(d => d.Host)],
        MainDomain = site.Domains.FirstOrDefault(d => d.IsMain)?.Host,
        IcpNumber = site.IcpNumber,
        PoliceRecordNumber = site.PoliceRecordNumber,
        ContactPhone = site.ContactPhone,
        ContactEmail = site.ContactEmail,
        Address = site.Address,
        Description = site.Description,
    };
}
