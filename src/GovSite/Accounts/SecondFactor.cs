using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GovSite.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace GovSite.Accounts;

public enum CodeVerdict
{
    Accepted,
    AcceptedRecoveryCode,
    Wrong,
    AlreadyUsed,
}

/// <summary>
/// The staff second factor: TOTP (RFC 6238, 30-second steps, six digits) from an authenticator
/// app, plus single-use recovery codes for a lost phone. Platform administrators and supervisors
/// must enrol (their sign-in sees the whole region); other staff may. Codes are checked against
/// the step before, the current and the next one (clock drift), and a step once accepted is never
/// accepted again, on any node: the last step is moved forward with a conditional update.
/// </summary>
public sealed class SecondFactor(GovSiteDb db, TimeProvider clock, IDataProtectionProvider protection, IConfiguration configuration, Audit.AuditLog audit)
{
    /// <summary>The cookie held between the password and the code (or the enrolment); it grants nothing else.</summary>
    public const string PendingScheme = "govsite.2fa";
    public const string Issuer = "GovSite";
    public const int RecoveryCodeCount = 10;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private IDataProtector Protector => protection.CreateProtector("GovSite.Accounts.SecondFactor");

    /// <summary>
    /// GOVSITE_SECOND_FACTOR_REQUIRED (default true). Off only where nobody signs in for real:
    /// development and the test suite, whose own tests of the second factor turn it back on.
    /// </summary>
    public bool RequirementOn => configuration.GetValue("GOVSITE_SECOND_FACTOR_REQUIRED", true);

    public static bool RoleRequiresIt(IEnumerable<RoleGrant> grants) => grants.Any(g => g.Role is Role.PlatformAdmin or Role.Supervisor);

    /// <summary>Must this user enrol before using the back office or the API?</summary>
    public async Task<bool> IsRequiredAsync(User user, CancellationToken ct = default) =>
        RequirementOn && RoleRequiresIt(await db.RoleGrants.Where(g => g.UserId == user.Id).ToListAsync(ct));

    /// <summary>The secret being enrolled (a new one unless enrolment has already started), Base32 as apps take it.</summary>
    public async Task<string> BeginEnrolmentAsync(User user, CancellationToken ct = default)
    {
        if (user.HasSecondFactor)
        {
            throw new InvalidOperationException("Already enrolled.");
        }
        if (user.SecondFactorSecret is { } existing && TryUnprotect(existing) is { } kept)
        {
            return Base32Encoding.ToString(kept);
        }
        var secret = KeyGeneration.GenerateRandomKey(20);
        user.SecondFactorSecret = Protector.Protect(Convert.ToBase64String(secret));
        await db.SaveChangesAsync(ct);
        return Base32Encoding.ToString(secret);
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string OtpAddress(string base32Secret, string userName) =>
        new OtpUri(OtpType.Totp, base32Secret, userName, Issuer).ToString();

    /// <summary>
    /// The first code proves the app holds the secret: the factor comes into force, every other
    /// session ends, and the recovery codes are returned (shown once; only hashes are kept).
    /// Null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(User user, string code, CancellationToken ct = default)
    {
        if (user.HasSecondFactor || user.SecondFactorSecret is null || TryUnprotect(user.SecondFactorSecret) is not { } secret)
        {
            return null;
        }
        if (SixDigits(code) is not { } digits || !new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window))
        {
            return null;
        }
        user.SecondFactorEnabledAt = clock.GetUtcNow().UtcDateTime;
        user.SecondFactorLastStep = step;
        var codes = NewRecoveryCodes(user);
        user.RevokeSessions();
        audit.Record(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", "启用两步验证", userId: user.Id, userName: user.UserName);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>New recovery codes replace the old ones (all of which stop working).</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(User user, CancellationToken ct = default)
    {
        var codes = NewRecoveryCodes(user);
        audit.Record(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", "重新生成两步验证恢复码", userId: user.Id, userName: user.UserName);
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>Turns the factor off (the user's own choice where it is optional, or an administrator's reset); sessions end.</summary>
    public async Task RemoveAsync(User user, string why, CancellationToken ct = default)
    {
        user.SecondFactorSecret = null;
        user.SecondFactorEnabledAt = null;
        user.SecondFactorLastStep = 0;
        user.RecoveryCodeHashes = null;
        user.RevokeSessions();
        audit.Record(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", why, userId: user.Id, userName: user.UserName);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A code typed at sign-in: six digits from the app, or a recovery code (used up). Wrong codes
    /// are the caller's to count toward lockout.
    /// </summary>
    public async Task<CodeVerdict> VerifyAsync(User user, string? typed, CancellationToken ct = default)
    {
        if (!user.HasSecondFactor || user.SecondFactorSecret is null || TryUnprotect(user.SecondFactorSecret) is not { } secret || string.IsNullOrWhiteSpace(typed))
        {
            return CodeVerdict.Wrong;
        }
        if (SixDigits(typed) is { } digits)
        {
            if (!new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window))
            {
                return CodeVerdict.Wrong;
            }
            // Moving the step forward only from below makes two nodes racing with one code accept it once.
            var moved = await db.Users.Where(u => u.Id == user.Id && u.SecondFactorLastStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecondFactorLastStep, step), ct);
            if (moved == 0)
            {
                return CodeVerdict.AlreadyUsed;
            }
            user.SecondFactorLastStep = step;
            return CodeVerdict.Accepted;
        }
        var hash = RecoveryHash(typed);
        var before = user.RecoveryCodeHashes ?? "";
        var hashes = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!hashes.Remove(hash))
        {
            return CodeVerdict.Wrong;
        }
        var after = string.Join(' ', hashes);
        var used = await db.Users.Where(u => u.Id == user.Id && u.RecoveryCodeHashes == before)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.RecoveryCodeHashes, after), ct);
        if (used == 0)
        {
            return CodeVerdict.AlreadyUsed;
        }
        user.RecoveryCodeHashes = after;
        audit.Record(Audit.AuditActions.UserChanged, $"用户 {user.UserName}", $"使用两步验证恢复码登录（剩余 {hashes.Count} 个）", userId: user.Id, userName: user.UserName);
        return CodeVerdict.AcceptedRecoveryCode;
    }

    public static int RecoveryCodesLeft(User user) => (user.RecoveryCodeHashes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The principal of the pending cookie: who typed the right password, and the stamp it was typed against.</summary>
    public static ClaimsPrincipal PendingPrincipal(User user) =>
        new(new ClaimsIdentity(
            [new Claim(AccountService.UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim(AccountService.SecurityStampClaim, user.SecurityStamp)],
            PendingScheme));

    /// <summary>The user a pending cookie names, if it still holds (same stamp, active, not locked).</summary>
    public async Task<User?> PendingUserAsync(ClaimsPrincipal? pending, CancellationToken ct = default)
    {
        if (pending?.FindFirst(AccountService.UserIdClaim)?.Value is not { } id
            || !int.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            return null;
        }
        var stamp = pending.FindFirst(AccountService.SecurityStampClaim)?.Value;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return user is not null && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal) && !(user.LockoutEnd > now) ? user : null;
    }

    private static List<string> NewRecoveryCodes(User user)
    {
        // 10 characters from 32 (no 0/O/1/I): 50 bits each, so a plain SHA-256 is enough to keep them.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var codes = Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => RandomNumberGenerator.GetString(alphabet, 10).Insert(5, "-"))
            .ToList();
        user.RecoveryCodeHashes = string.Join(' ', codes.Select(RecoveryHash));
        return codes;
    }

    private static string RecoveryHash(string code)
    {
        var normal = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>
    /// Six digits, or null: apps show "123 456", and a Chinese input method may type full-width
    /// digits, which NFKC folds to ASCII.
    /// </summary>
    private static string? SixDigits(string typed)
    {
        var folded = new string([.. typed.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);
        return folded.Length == 6 && folded.All(char.IsAsciiDigit) ? folded : null;
    }

    private byte[]? TryUnprotect(string stored)
    {
        try
        {
            return Convert.FromBase64String(Protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
