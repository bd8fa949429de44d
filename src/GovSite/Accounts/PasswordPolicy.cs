namespace GovSite.Accounts;

/// <summary>
/// What a staff password must be: at least ten characters with letters and digits, not the
/// user name (nor containing it), and not on the shipped list of common passwords
/// (<c>common-passwords.txt</c>), which is what guessing tries first. Messages name the field.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("GovSite.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }
        return set;
    });

    /// <summary>The problem with a password, in Chinese, or null when it is acceptable.</summary>
    public static string? Check(string password, string? userName = null)
    {
        if (password.Length < MinLength)
        {
            return $"密码至少{MinLength}位";
        }
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "密码须同时包含字母和数字";
        }
        var name = userName?.Trim() ?? "";
        if (name.Length >= 3 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名";
        }
        if (IsCommon(password))
        {
            return "密码过于常见，容易被猜中，请换一个";
        }
        return null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());
}
