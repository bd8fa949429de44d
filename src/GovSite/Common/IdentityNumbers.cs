using System.Text.RegularExpressions;

namespace GovSite.Common;

/// <summary>
/// The shapes of the numbers people give on government forms: 居民身份证号码 (GB 11643, with its
/// check digit), 统一社会信用代码 (GB 32100, with its check character), telephone numbers and
/// e-mail addresses.
/// </summary>
public static partial class IdentityNumbers
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdChecks = "10X98765432";
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>An 18-character resident ID: 17 digits, a check character, and a real birth date.</summary>
    public static bool IsResidentId(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * IdWeights[i];
        }
        return IdChecks[sum % 11] == char.ToUpperInvariant(id[17]);
    }

    /// <summary>An 18-character unified social credit code with its check character.</summary>
    public static bool IsCreditCode(string code)
    {
        if (code.Length != 18)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditAlphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }
            sum += v * CreditWeights[i];
        }
        var check = (31 - sum % 31) % 31;
        return CreditAlphabet[check] == code[17];
    }

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone);

    public static bool IsEmail(string email) => EmailPattern().IsMatch(email);
}
