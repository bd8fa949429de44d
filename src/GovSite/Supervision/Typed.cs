namespace GovSite.Supervision;

/// <summary>
/// Plain text as typed: kept whole (encoded on output, never stripped), only the spaces around a
/// one-line field dropped and control characters a database cannot keep left out.
/// </summary>
internal static class Typed
{
    public static string? Line(string? value) => Keep(value)?.Trim() is { Length: > 0 } s ? s : null;

    public static string? Block(string? value) => Keep(value) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? Keep(string? value) =>
        value is null ? null : string.Concat(value.Where(c => c is '\t' or '\r' or '\n' || !(char.IsControl(c) || c is '\uFFFE' or '\uFFFF')));
}
