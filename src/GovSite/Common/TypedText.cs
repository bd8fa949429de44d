using System.Text;

namespace GovSite.Common;

/// <summary>
/// What a person types into a plain-text field is kept as typed: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>,
/// quotes, emoji, full-width punctuation, Windows line endings and zero-width characters alike.
/// Pages encode it on the way out (Razor, <c>HtmlWriter</c>); it is never run through an HTML
/// stripper on the way in, which would cut <c>a&lt;b 这种写法</c> down to <c>a</c>. HTML is
/// accepted, and sanitised, only in the fields that say so (bodies, through <c>HtmlSanitiser</c>).
/// </summary>
public static class TypedText
{
    /// <summary>
    /// A one-line field (a name, a title, a subject): the spaces around it dropped, everything
    /// inside kept; null when nothing is left.
    /// </summary>
    public static string? Line(string? value)
    {
        var kept = Keep(value);
        return kept is null ? null : kept.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>
    /// A text area (a letter, a comment, a reply): every character kept, line breaks as sent and
    /// the full-width spaces that indent a Chinese paragraph too; null when it holds only spaces.
    /// </summary>
    public static string? Block(string? value)
    {
        var kept = Keep(value);
        return string.IsNullOrWhiteSpace(kept) ? null : kept;
    }

    /// <summary>Like <see cref="Line"/>, for a field that must hold something: "" instead of null.</summary>
    public static string LineOrEmpty(string? value) => Line(value) ?? "";

    /// <summary>Like <see cref="Block"/>, for a field that must hold something: "" instead of null.</summary>
    public static string BlockOrEmpty(string? value) => Block(value) ?? "";

    /// <summary>
    /// Length as a person counts it: an emoji or a rare character outside the BMP is one, not two
    /// UTF-16 units, so a limit of 50 characters means 50 whatever was typed.
    /// </summary>
    public static int Length(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }
        var n = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            n++;
        }
        return n;
    }

    /// <summary>
    /// Drops only what nobody types and a database cannot keep: control characters other than tab,
    /// CR and LF (PostgreSQL refuses NUL in text), unpaired surrogates and the non-characters
    /// U+FFFE/U+FFFF. Returns the same string when there is nothing to drop.
    /// </summary>
    private static string? Keep(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var clean = true;
        for (var i = 0; i < value.Length && clean; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            clean = Typeable(c);
        }
        if (clean)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (Typeable(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static bool Typeable(char c) =>
        c is '\t' or '\r' or '\n' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');
}
