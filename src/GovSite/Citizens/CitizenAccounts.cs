using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Citizens;

public sealed record RegistrationInput(CitizenKind? Kind, string? Name, string? Mobile, string? CreditCode, string? Code, string? Password, string? Email);

public sealed record CitizenSignIn(Citizen? Citizen, ValidationErrors Errors, DateTime? LockedUntil = null);

/// <summary>
/// Registration, sign-in and deletion of citizen and enterprise accounts. Locked like staff
/// accounts (<see cref="AccountService.MaxFailedAttempts"/> wrong answers lock the account for
/// <see cref="AccountService.LockoutDuration"/>), passwords hashed like staff passwords
/// (ASP.NET's PasswordHasher); one-time codes go out through the SMS outbox, are kept only as
/// hashes, expire, die after a few wrong guesses, and are limited per number.
/// </summary>
public sealed partial class CitizenAccounts(GovSiteDb db, TimeProvider clock)
{
    public const int MaxCodeAttempts = 5;
    public const int MaxCodesPerDay = 10;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan CodeInterval = TimeSpan.FromSeconds(60);

    private static readonly PasswordHasher<Citizen> Hasher = new();

    /// <summary>A password hash as registration writes it (the demo's accounts use it too).</summary>
    public static string HashPassword(Citizen citizen, string password) => Hasher.HashPassword(citizen, password);

    /// <summary>Writes a new code to the SMS outbox for <paramref name="mobile"/>; the errors say why not.</summary>
    public async Task<ValidationErrors> SendCodeAsync(string? mobile, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var number = NormaliseMobile(mobile);
        if (number is null)
        {
            errors.Add("mobile", "请填写正确的手机号码（11 位数字，以 1 开头）");
            return errors;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.CitizenCodes.AsNoTracking().Where(c => c.Mobile == number && c.CreatedAt > now.AddDays(-1))
            .Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count >= MaxCodesPerDay)
        {
            errors.Add("mobile", "该手机号今天获取验证码的次数已达上限，请明天再试");
            return errors;
        }
        if (recent.Any(t => t > now - CodeInterval))
        {
            errors.Add("mobile", "验证码已发送，请 60 秒后再重新获取");
            return errors;
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.CitizenCodes.Add(new CitizenCode { Mobile = number, CodeHash = Hash(number, code), CreatedAt = now, ExpiresAt = now + CodeLifetime });
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = OutboxChannel.Sms, Recipient = number, Subject = "验证码",
            Body = $"【政府网站】您的验证码是 {code}，{CodeLifetime.TotalMinutes:0} 分钟内有效。请勿告诉他人。",
            Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<SaveResult<Citizen>> RegisterAsync(RegistrationInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind)
        {
            errors.Add("kind", "请选择账号类型（个人或法人）");
            kind = CitizenKind.Person;
        }
        var name = TypedText.LineOrEmpty(input.Name);
        var label = kind == CitizenKind.Enterprise ? "单位名称" : "姓名";
        if (name.Length == 0)
        {
            errors.Add("name", $"请填写{label}");
        }
        else if (TypedText.Length(name) > 100)
        {
            errors.Add("name", $"{label}不能超过 100 个字");
        }
        var mobile = NormaliseMobile(input.Mobile);
        if (mobile is null)
        {
            errors.Add("mobile", "请填写正确的手机号码（11 位数字，以 1 开头）");
        }
        else if (await db.Citizens.AnyAsync(c => c.Mobile == mobile, ct))
        {
            errors.Add("mobile", "该手机号已注册，请直接登录");
        }
        string? creditCode = null;
        if (kind == CitizenKind.Enterprise)
        {
            creditCode = (input.CreditCode ?? "").Trim().ToUpperInvariant();
            if (creditCode.Length == 0)
            {
                errors.Add("creditCode", "请填写统一社会信用代码");
            }
            else if (!IsCreditCode(creditCode))
            {
                errors.Add("creditCode", "统一社会信用代码应为 18 位，且校验位正确（如 91350100MA2XXXXXXX 的最后一位由前 17 位计算）");
            }
            else if (await db.Citizens.AnyAsync(c => c.CreditCode == creditCode, ct))
            {
                errors.Add("creditCode", "该统一社会信用代码已注册，请用注册时的手机号登录");
            }
        }
        var email = CheckEmail(input.Email, errors);
        var password = input.Password ?? "";
        if (password.Length > 0 && AccountService.CheckPassword(password) is { } weak)
        {
            errors.Add("password", weak);
        }
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            errors.Add("code", "请填写短信验证码（先点击“获取验证码”）");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Citizen>.Invalid(errors);
        }
        // The code is checked last, so a form with other mistakes does not spend a guess.
        if (await SpendCodeAsync(mobile!, input.Code!, ct) is { } wrong)
        {
            errors.Add("code", wrong);
            return SaveResult<Citizen>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var citizen = new Citizen { Kind = kind, Name = name, Mobile = mobile!, CreditCode = creditCode, Email = email, CreatedAt = now, LastSignInAt = now };
        if (password.Length > 0)
        {
            citizen.PasswordHash = Hasher.HashPassword(citizen, password);
        }
        db.Citizens.Add(citizen);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same number registered a moment ago in another request.
            errors.Add("mobile", "该手机号已注册，请直接登录");
            return SaveResult<Citizen>.Invalid(errors);
        }
        return SaveResult<Citizen>.Ok(citizen);
    }

    /// <summary>Signs in with the password, or with a one-time code when <paramref name="code"/> is given.</summary>
    public async Task<CitizenSignIn> SignInAsync(string? mobile, string? password, string? code, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var number = NormaliseMobile(mobile);
        var byCode = code is not null;
        if (number is null)
        {
            errors.Add("mobile", "请填写正确的手机号码（11 位数字，以 1 开头）");
        }
        if (byCode ? string.IsNullOrWhiteSpace(code) : string.IsNullOrEmpty(password))
        {
            errors.Add(byCode ? "code" : "password", byCode ? "请填写短信验证码" : "请填写密码");
        }
        if (!errors.IsValid)
        {
            return new(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var citizen = await db.Citizens.FirstOrDefaultAsync(c => c.Mobile == number, ct);
        if (citizen?.LockoutEnd is DateTime until && until > now)
        {
            errors.Add("form", $"登录失败次数过多，账号已锁定至 {GovSite.Common.ChinaTime.Format(until)}，请稍后再试");
            return new(null, errors, until);
        }
        bool ok;
        if (byCode)
        {
            ok = citizen is not null && await SpendCodeAsync(number!, code!, ct) is null;
        }
        else if (citizen?.PasswordHash is null)
        {
            // Hash anyway so a missing account takes as long as a wrong password.
            Hasher.HashPassword(new Citizen(), password!);
            ok = false;
        }
        else
        {
            var verdict = Hasher.VerifyHashedPassword(citizen, citizen.PasswordHash, password!);
            ok = verdict != PasswordVerificationResult.Failed;
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                citizen.PasswordHash = Hasher.HashPassword(citizen, password!);
            }
        }
        if (!ok)
        {
            if (citizen is not null && ++citizen.FailedLoginCount >= AccountService.MaxFailedAttempts)
            {
                citizen.FailedLoginCount = 0;
                citizen.LockoutEnd = now + AccountService.LockoutDuration;
                await db.SaveChangesAsync(ct);
                errors.Add("form", $"登录失败次数过多，账号已锁定至 {GovSite.Common.ChinaTime.Format(citizen.LockoutEnd)}，请稍后再试");
                return new(null, errors, citizen.LockoutEnd);
            }
            await db.SaveChangesAsync(ct);
            errors.Add("form", byCode ? "手机号或验证码错误，或验证码已过期" : "手机号或密码错误");
            return new(null, errors);
        }
        citizen!.FailedLoginCount = 0;
        citizen.LockoutEnd = null;
        citizen.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        return new(citizen, errors);
    }

    /// <summary>The owner's own settings: e-mail, events for suggestions, a new password.</summary>
    public async Task<ValidationErrors> UpdateAsync(Citizen citizen, string? email, IEnumerable<string> events, string? newPassword, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var checkedEmail = CheckEmail(email, errors);
        var known = citizen.Kind == CitizenKind.Enterprise ? Services.ServiceTaxonomy.BusinessEvents : Services.ServiceTaxonomy.LifeEvents;
        var chosen = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        if (chosen.FirstOrDefault(e => !known.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"“{unknown}”不是可选的事件，请从列表中选择");
        }
        if (!string.IsNullOrEmpty(newPassword) && AccountService.CheckPassword(newPassword) is { } weak)
        {
            errors.Add("password", weak);
        }
        if (!errors.IsValid)
        {
            return errors;
        }
        citizen.Email = checkedEmail;
        citizen.Events = string.Join(',', chosen);
        if (!string.IsNullOrEmpty(newPassword))
        {
            citizen.PasswordHash = Hasher.HashPassword(citizen, newPassword);
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Deletion by the owner: the account, its saved items, subscriptions, codes and every outbox
    /// message addressed to it go, and so do its links to messages, information requests and error
    /// reports (those stay with the sites that handle them, as records); ratings stay in the public
    /// figures, with the account and the comment removed from them.
    /// </summary>
    public async Task DeleteAsync(int citizenId, CancellationToken ct)
    {
        var citizen = await db.Citizens.FirstOrDefaultAsync(c => c.Id == citizenId, ct);
        if (citizen is null)
        {
            return;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.ServiceRatings.IgnoreQueryFilters().Where(r => r.CitizenId == citizenId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CitizenId, (int?)null).SetProperty(r => r.Comment, (string?)null), ct);
            var addresses = new[] { citizen.Mobile, citizen.Email }.OfType<string>().ToList();
            await db.OutboxMessages.Where(m => m.NoticeId == null && addresses.Contains(m.Recipient)).ExecuteDeleteAsync(ct);
            await db.CitizenCodes.Where(c => c.Mobile == citizen.Mobile).ExecuteDeleteAsync(ct);
            await db.SavedEntries.Where(s => s.CitizenId == citizenId).ExecuteDeleteAsync(ct);
            await db.Subscriptions.Where(s => s.CitizenId == citizenId).ExecuteDeleteAsync(ct);
            await db.CitizenMessages.Where(s => s.CitizenId == citizenId).ExecuteDeleteAsync(ct);
            // The requests and reports themselves are the sites' records (the law keeps requests); only their link to the person goes.
            await db.CitizenRequests.Where(s => s.CitizenId == citizenId).ExecuteDeleteAsync(ct);
            await db.CitizenErrorReports.Where(s => s.CitizenId == citizenId).ExecuteDeleteAsync(ct);
            await db.Citizens.Where(c => c.Id == citizenId).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Null when the code is right (and now spent); otherwise what to tell the person.</summary>
    private async Task<string?> SpendCodeAsync(string mobile, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.CitizenCodes.Where(c => c.Mobile == mobile && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (current is null || current.Attempts >= MaxCodeAttempts)
        {
            return "验证码已过期或已失效，请重新获取";
        }
        var given = Encoding.ASCII.GetBytes(Hash(mobile, code.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(current.CodeHash)))
        {
            current.Attempts++;
            await db.SaveChangesAsync(ct);
            return current.Attempts >= MaxCodeAttempts ? "验证码错误次数过多，请重新获取" : "验证码不正确，请检查短信中的 6 位数字";
        }
        // Spent by one conditional update: two requests with the same code cannot both succeed.
        var spent = await db.CitizenCodes.Where(c => c.Id == current.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        return spent == 1 ? null : "验证码已使用，请重新获取";
    }

    private static string Hash(string mobile, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{mobile}:{code}")));

    private static string? CheckEmail(string? email, ValidationErrors errors)
    {
        var value = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (value is not null && (value.Length > 254 || !EmailPattern().IsMatch(value)))
        {
            errors.Add("email", "电子邮箱格式不正确，如 name@example.com");
        }
        return value;
    }

    /// <summary>11 digits starting with 1, spaces and dashes and a +86 prefix allowed; null otherwise.</summary>
    public static string? NormaliseMobile(string? value)
    {
        var digits = (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>统一社会信用代码 by GB 32100-2015: 18 characters of its alphabet, the last a check character.</summary>
    public static bool IsCreditCode(string code)
    {
        if (code.Length != 18 || code.Any(c => !CreditAlphabet.Contains(c)))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(code[i]) * CreditWeights[i];
        }
        var check = (31 - sum % 31) % 31;
        return CreditAlphabet[check] == code[17];
    }

    /// <summary>The check character completing 17 characters (the demo and tests make valid codes with it).</summary>
    public static string WithCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(first17[i]) * CreditWeights[i];
        }
        return first17 + CreditAlphabet[(31 - sum % 31) % 31];
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
