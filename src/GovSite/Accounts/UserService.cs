using System.Text.RegularExpressions;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts;

public sealed class NewUserInput
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class GrantInput
{
    public Role Role { get; set; } = Role.Editor;
    public int? SiteId { get; set; }
    public int? RegionId { get; set; }
}

/// <summary>Accounts and their role grants. Only platform admins manage users.</summary>
public sealed partial class UserService(GovSiteDb db, SiteAccess access, TimeProvider clock, Audit.AuditLog audit, Sites.SiteDirectory directory)
{
    public bool CanManage => access.Unrestricted;

    public async Task<SaveResult<User>> CreateAsync(NewUserInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<User>.Denied();
        }
        var errors = new ValidationErrors();
        var userName = input.UserName?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add(nameof(input.UserName), "用户名为3至64位英文字母、数字或 . _ - @");
        }
        else if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            errors.Add(nameof(input.UserName), $"用户名 {userName} 已被使用");
        }
        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
        {
            errors.Add(nameof(input.DisplayName), "请填写姓名");
        }
        else if (displayName.Length > 100)
        {
            errors.Add(nameof(input.DisplayName), "姓名不能超过100个字");
        }
        if (AccountService.CheckPassword(input.Password ?? "", userName) is { } problem)
        {
            errors.Add(nameof(input.Password), problem);
        }
        if (!errors.IsValid)
        {
            return SaveResult<User>.Invalid(errors);
        }
        var user = new User { UserName = userName, DisplayName = displayName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        user.PasswordHash = AccountService.HashPassword(user, input.Password!);
        db.Users.Add(user);
        audit.Record(Audit.AuditActions.UserCreated, $"用户 {userName}", $"姓名：{displayName}");
        await db.SaveChangesAsync(ct);
        return SaveResult<User>.Ok(user);
    }

    /// <summary>Name and e-mail address (where notices are also sent).</summary>
    public async Task<SaveResult<User>> UpdateProfileAsync(int userId, string? displayName, string? email, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<User>.Denied();
        }
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
        {
            return SaveResult<User>.Missing();
        }
        var errors = new ValidationErrors();
        var name = Common.TypedText.LineOrEmpty(displayName);
        if (name.Length == 0)
        {
            errors.Add("DisplayName", "请填写姓名");
        }
        else if (Common.TypedText.Length(name) > 100)
        {
            errors.Add("DisplayName", "姓名不能超过100个字");
        }
        var address = Common.TypedText.Line(email);
        if (address is not null && (address.Length > 254 || !EmailPattern().IsMatch(address)))
        {
            errors.Add("Email", "电子邮箱格式不正确，如 name@example.gov.cn");
        }
        if (!errors.IsValid)
        {
            return SaveResult<User>.Invalid(errors);
        }
        user.DisplayName = name;
        user.Email = address;
        audit.RecordChanges(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", null, user);
        await db.SaveChangesAsync(ct);
        return SaveResult<User>.Ok(user);
    }

    public async Task<SaveResult<User>> ResetPasswordAsync(int userId, string password, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<User>.Denied();
        }
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
        {
            return SaveResult<User>.Missing();
        }
        if (AccountService.CheckPassword(password ?? "", user.UserName) is { } problem)
        {
            var errors = new ValidationErrors();
            errors.Add("Password", problem);
            return SaveResult<User>.Invalid(errors);
        }
        user.PasswordHash = AccountService.HashPassword(user, password!);
        user.FailedLoginCount = 0;
        user.LockoutEnd = null;
        user.RevokeSessions();
        audit.Record(Audit.AuditActions.PasswordReset, $"用户 {user.UserName}");
        await db.SaveChangesAsync(ct);
        return SaveResult<User>.Ok(user);
    }

    public async Task<SaveResult<User>> SetActiveAsync(int userId, bool active, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<User>.Denied();
        }
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
        {
            return SaveResult<User>.Missing();
        }
        if (!active && user.Id == access.UserId)
        {
            var errors = new ValidationErrors();
            errors.Add("IsActive", "不能停用自己的账号");
            return SaveResult<User>.Invalid(errors);
        }
        if (user.IsActive != active)
        {
            audit.Record(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", active ? "启用账号" : "停用账号");
        }
        if (!active)
        {
            user.RevokeSessions();
        }
        user.IsActive = active;
        await db.SaveChangesAsync(ct);
        return SaveResult<User>.Ok(user);
    }

    public async Task<SaveResult<RoleGrant>> GrantAsync(int userId, GrantInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<RoleGrant>.Denied();
        }
        var user = await db.Users.Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return SaveResult<RoleGrant>.Missing();
        }
        var errors = new ValidationErrors();
        var grant = new RoleGrant { Role = input.Role };
        switch (input.Role)
        {
            case Role.PlatformAdmin:
                break;
            case Role.Supervisor:
                if (input.RegionId is not int regionId || !await db.Regions.AnyAsync(r => r.Id == regionId, ct))
                {
                    errors.Add(nameof(input.RegionId), "监管人员须选择所监管的地区");
                }
                grant.RegionId = input.RegionId;
                break;
            case Role.SiteAdmin or Role.Editor or Role.Reviewer or Role.Contributor or Role.ConfidentialityReviewer:
                if (input.SiteId is not int siteId || !await db.Sites.AnyAsync(s => s.Id == siteId, ct))
                {
                    errors.Add(nameof(input.SiteId), "网站角色须选择所属网站");
                }
                grant.SiteId = input.SiteId;
                break;
            default:
                errors.Add(nameof(input.Role), "角色无效");
                break;
        }
        if (errors.IsValid && user.Grants.Any(g => g.Role == grant.Role && g.SiteId == grant.SiteId && g.RegionId == grant.RegionId))
        {
            errors.Add(nameof(input.Role), "该用户已有此角色");
        }
        if (!errors.IsValid)
        {
            return SaveResult<RoleGrant>.Invalid(errors);
        }
        user.Grants.Add(grant);
        user.RevokeSessions();
        audit.Record(Audit.AuditActions.RoleGranted, $"用户 {user.UserName}", await DescribeAsync(grant, ct), grant.SiteId);
        await db.SaveChangesAsync(ct);
        return SaveResult<RoleGrant>.Ok(grant);
    }

    public async Task<SaveResult<RoleGrant>> RevokeAsync(int userId, int grantId, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return SaveResult<RoleGrant>.Denied();
        }
        var grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.UserId == userId, ct);
        if (grant is null)
        {
            return SaveResult<RoleGrant>.Missing();
        }
        // Someone must always be able to manage the platform.
        if (grant.Role == Role.PlatformAdmin &&
            !await db.RoleGrants.AnyAsync(g => g.Role == Role.PlatformAdmin && g.Id != grant.Id && db.Users.Any(u => u.Id == g.UserId && u.IsActive), ct))
        {
            var errors = new ValidationErrors();
            errors.Add("Role", "这是最后一位平台管理员，不能撤销");
            return SaveResult<RoleGrant>.Invalid(errors);
        }
        db.RoleGrants.Remove(grant);
        var holder = await db.Users.FirstAsync(u => u.Id == userId, ct);
        holder.RevokeSessions();
        audit.Record(Audit.AuditActions.RoleRevoked, $"用户 {holder.UserName}", await DescribeAsync(grant, ct), grant.SiteId);
        await db.SaveChangesAsync(ct);
        return SaveResult<RoleGrant>.Ok(grant);
    }

    /// <summary>A grant in words for the audit log: the role and where it holds.</summary>
    private async Task<string> DescribeAsync(RoleGrant grant, CancellationToken ct)
    {
        var where = grant.SiteId is int site ? directory.FindById(site) is { } s ? $"网站「{s.Name}」（{s.Code}）" : $"网站 {site}"
            : grant.RegionId is int region ? $"地区「{await db.Regions.Where(r => r.Id == region).Select(r => r.Name).FirstOrDefaultAsync(ct)}」"
            : "全平台";
        return $"{GovSite.Common.Labels.Of(grant.Role)}，{where}";
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
