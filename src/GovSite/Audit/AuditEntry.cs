namespace GovSite.Audit;

/// <summary>
/// One line of the platform's audit log: who did what to what, and when. Logins (and failed
/// ones), role grants, the registry, themes, settings and deletions are written here; content has
/// its own trail (<c>ItemTransitions</c>). Both tables only grow: triggers refuse UPDATE and DELETE.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>A code from <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was acted on, in words a person reads (网站「…」（代码）, 用户 wang).</summary>
    public string Target { get; set; } = "";
    public int? SiteId { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login_failed";
    public const string LockedOut = "locked_out";
    public const string UserCreated = "user_created";
    public const string UserChanged = "user_changed";
    public const string PasswordReset = "password_reset";
    public const string RoleGranted = "role_granted";
    public const string RoleRevoked = "role_revoked";
    public const string Registry = "registry";
    public const string Theme = "theme";
    public const string Settings = "settings";
    public const string Deleted = "deleted";

    public static string Label(string action) => action switch
    {
        Login => "登录",
        LoginFailed => "登录失败",
        LockedOut => "账号锁定",
        UserCreated => "新建用户",
        UserChanged => "修改用户",
        PasswordReset => "重置密码",
        RoleGranted => "授予角色",
        RoleRevoked => "撤销角色",
        Registry => "网站与单位登记",
        Theme => "主题",
        Settings => "设置",
        Deleted => "删除",
        _ => action,
    };

    public static readonly IReadOnlyList<string> All =
        [Login, LoginFailed, LockedOut, UserCreated, UserChanged, PasswordReset, RoleGranted, RoleRevoked, Registry, Theme, Settings, Deleted];
}
