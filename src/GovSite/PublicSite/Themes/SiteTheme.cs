using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Common;

namespace GovSite.PublicSite.Themes;

/// <summary>
/// A site's look, set by its admin. Two copies: what the public sees and the draft being
/// previewed; publishing the draft copies it over. Stored as JSON because the settings are
/// only ever read and written whole.
/// </summary>
public class SiteTheme
{
    public int SiteId { get; set; }
    public string Settings { get; set; } = "{}";
    public string? Draft { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The built-in themes. Each is a stylesheet class on &lt;body&gt;, not a separate layout.</summary>
public static class ThemeNames
{
    public const string Portal = "portal";
    public const string Department = "department";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Portal] = "门户网站（政府门户风格：大标题栏、图片新闻、多栏目首页）",
        [Department] = "部门网站（简洁风格：单色标题栏、两栏首页）",
    };
}

public enum BlockKind
{
    List,
    Pictures,
}

public sealed record HomeBlock(int ColumnId, int Count = 7, BlockKind Kind = BlockKind.List);

public sealed partial record ThemeSettings
{
    public string Theme { get; init; } = ThemeNames.Portal;

    /// <summary>Shown in the header instead of the registered site name, e.g. a shorter form.</summary>
    public string? DisplayName { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>One main colour and at most two more (#rrggbb).</summary>
    public string MainColour { get; init; } = "#a8101a";
    public string? SecondColour { get; init; }
    public string? ThirdColour { get; init; }

    /// <summary>Top-level columns in the main navigation, in order; null means all of them.</summary>
    public List<int>? NavColumnIds { get; init; }

    /// <summary>Homepage blocks in order; null means one list block per top-level column.</summary>
    public List<HomeBlock>? Blocks { get; init; }
    public bool ShowTopicBanners { get; init; } = true;

    /// <summary>迁移/关停公告: a banner on every page naming where the content went.</summary>
    public string? NoticeText { get; init; }
    public string? NoticeUrl { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ThemeSettings Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ThemeSettings() : JsonSerializer.Deserialize<ThemeSettings>(json, Json) ?? new ThemeSettings();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static bool IsColour(string? value) => value is not null && ColourPattern().IsMatch(value);

    /// <summary>Darker shade of the main colour for the navigation bar: 30% towards black.</summary>
    public string MainDark => Shade(MainColour, 0.7);

    public static string Shade(string colour, double factor)
    {
        if (!IsColour(colour))
        {
            return colour;
        }
        var rgb = Convert.FromHexString(colour.AsSpan(1));
        return "#" + Convert.ToHexStringLower([.. rgb.Select(c => (byte)(c * factor))]);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
