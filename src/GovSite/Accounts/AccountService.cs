using System.Security.Claims;
using System.Security.Cryptography;
using GovSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts;

public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, User? User, DateTime? LockedUntil = null)
{
    public string Message => Outcome switch
    {
        SignInOutcome.WrongCredentials => "用户名或密码错误",
        SignInOutcome.LockedOut => $"登录失败次数过多，账号已锁定至 {GovSite.Common.ChinaTime.Format(LockedUntil)}，请稍后再试",
        _ => "",
    };
}

public sealed class AccountService(GovSiteDb db, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const string UserIdClaim = "govsite:uid";
    public const string SecurityStampClaim = "govsite:stamp";

    private static readonly PasswordHasher<User> Hasher = new();

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        var name = Cut(userName.Trim(), 64);
        if (user is null || !user.IsActive)
        {
            // Hash anyway so a missing account takes as long as a wrong password.
            Hasher.HashPassword(new User(), password);
            await audit.RecordAsync(Audit.AuditActions.LoginFailed, $"用户 {name}", user is null ? "用户名不存在" : "账号已停用", userName: name, ct: ct);
            return new(SignInOutcome.WrongCredentials, null);
        }
        if (user.LockoutEnd is DateTime until && until > now)
        {
            await audit.RecordAsync(Audit.AuditActions.LoginFailed, $"用户 {user.UserName}", "账号锁定期间尝试登录", userId: user.Id, userName: user.UserName, ct: ct);
            return new(SignInOutcome.LockedOut, null, until);
        }
        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return await RecordFailedAttemptAsync(user, "密码错误", ct);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
        if (user.HasSecondFactor)
        {
            // Half way: the failure count stays until the code is right, or a correct password
            // between wrong codes would reset it and the six digits could be guessed forever.
            await db.SaveChangesAsync(ct);
            return new(SignInOutcome.Succeeded, user);
        }
        await CompleteSignInAsync(user, ct);
        return new(SignInOutcome.Succeeded, user);
    }

    /// <summary>Every factor held: the failure count starts again and the sign-in is recorded.</summary>
    public async Task CompleteSignInAsync(User user, CancellationToken ct = default)
    {
        user.FailedLoginCount = 0;
        user.LockoutEnd = null;
        audit.Record(Audit.AuditActions.Login, $"用户 {user.UserName}", user.HasSecondFactor ? "密码与验证码" : null, userId: user.Id, userName: user.UserName);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A wrong password or a wrong second-factor code: both count toward the same lockout, so a
    /// stolen password does not buy unlimited guesses at the six digits.
    /// </summary>
    public async Task<SignInResult> RecordFailedAttemptAsync(User user, string what, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        user.FailedLoginCount++;
        if (user.FailedLoginCount >= MaxFailedAttempts)
        {
            user.LockoutEnd = now + LockoutDuration;
            user.FailedLoginCount = 0;
            // Someone is guessing: whoever is signed in as this user now signs in again after the lockout.
            user.RevokeSessions();
            audit.Record(Audit.AuditActions.LockedOut, $"用户 {user.UserName}", $"连续 {MaxFailedAttempts} 次登录失败（最后一次：{what}），锁定至 {Common.ChinaTime.Format(user.LockoutEnd)}",
                userId: user.Id, userName: user.UserName);
            await db.SaveChangesAsync(ct);
            return new(SignInOutcome.LockedOut, null, user.LockoutEnd);
        }
        audit.Record(Audit.AuditActions.LoginFailed, $"用户 {user.UserName}", what, userId: user.Id, userName: user.UserName);
        await db.SaveChangesAsync(ct);
        return new(SignInOutcome.WrongCredentials, null);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    public static ClaimsPrincipal Principal(User user, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, user.UserName),
             new Claim(SecurityStampClaim, user.SecurityStamp)],
            scheme));

    public static string HashPassword(User user, string password) => Hasher.HashPassword(user, password);

    public static string? CheckPassword(string password, string? userName = null) => PasswordPolicy.Check(password, userName);

    /// <summary>
    /// Creates the first platform admin on an empty database. Returns the generated password
    /// when none was configured, so start-up can print it once.
    /// </summary>
    public async Task<string?> EnsureAdminAsync(string? configuredPassword, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }
        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? GeneratePassword() : configuredPassword!;
        var admin = new User { UserName = "admin", DisplayName = "平台管理员", CreatedAt = clock.GetUtcNow().UtcDateTime };
        admin.PasswordHash = Hasher.HashPassword(admin, password);
        admin.Grants.Add(new RoleGrant { Role = Role.PlatformAdmin });
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        return generated ? password : null;
    }

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Gs" + RandomNumberGenerator.GetString(alphabet, 14) + "9";
    }

    /// <summary>
    /// Fills the request's <see cref="SiteAccess"/> from the user's grants. False when the session or
    /// token no longer holds: the user is gone or deactivated, or its security stamp has changed since.
    /// </summary>
    public async Task<bool> LoadAccessAsync(SiteAccess access, int userId, string securityStamp, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
        if (user is null || !string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal))
        {
            return false;
        }
        var regionIds = user.Grants.Where(g => g.Role == Role.Supervisor && g.RegionId is not null).Select(g => g.RegionId!.Value).ToArray();
        int[] supervised = [];
        if (regionIds.Length > 0)
        {
            var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
            var children = regions.ToLookup(r => r.ParentId);
            var all = new HashSet<int>();
            var stack = new Stack<int>(regionIds);
            while (stack.TryPop(out var id))
            {
                if (all.Add(id))
                {
                    foreach (var child in children[id])
                    {
                        stack.Push(child.Id);
                    }
                }
            }
            supervised = await db.Sites.Where(s => all.Contains(s.RegionId)).Select(s => s.Id).ToArrayAsync(ct);
            regionIds = [.. all];
        }
        access.SetUser(user.Id, user.UserName,
            user.Grants.Any(g => g.Role == Role.PlatformAdmin),
            user.Grants.Where(g => g.SiteId is not null).Select(g => (g.SiteId!.Value, g.Role)),
            regionIds, supervised);
        return true;
    }
}
