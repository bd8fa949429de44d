using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovSite.Common;

/// <summary>
/// What a person gets back after writing in (a message, an information request, an error report):
/// a number that names the case and a query code that proves it is theirs. The code is shown once
/// and stored as a SHA-256 hash; a lookup needs both.
/// </summary>
public static class ReceiptCodes
{
    // No 0/O, 1/I: a code read out over the telephone must not be misheard.
    private static readonly char[] Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".ToCharArray();

    public static string NewQueryCode() => new(RandomNumberGenerator.GetItems<char>(Alphabet, 8));

    /// <summary>A prefix, the China date and six random digits: GK20260213482913.</summary>
    public static string NewNumber(string prefix, DateTime nowUtc) =>
        prefix + GovSite.Common.ChinaTime.ToLocal(nowUtc).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>True when the typed code (any case, spaces around) hashes to <paramref name="hash"/>; constant time.</summary>
    public static bool Matches(string hash, string? typed) =>
        !string.IsNullOrWhiteSpace(typed)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(typed.Trim().ToUpperInvariant())));
}
