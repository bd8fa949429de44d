using System.Text.RegularExpressions;

namespace GovSite.Interaction;

/// <summary>
/// Hides personal data in published messages and replies: ID numbers, mobile and landline numbers,
/// e-mail addresses, street addresses, and names (the writer's own, and names written as
/// 姓名：… / 我叫… / …先生 / …女士).
/// </summary>
public static partial class PersonalDataMask
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])|(?<!\d)[1-9]\d{14}(?!\d)")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(?:0\d{2,3}[- ]?)?[2-9]\d{6,7}(?!\d)")]
    private static partial Regex Landline();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // A place name ending in a road, street, lane, village or estate, followed by numbers of
    // house, building, unit or room: 建设路12号3栋2单元401室, 幸福小区5号楼.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{0,12}?(?:路|街|大道|巷|弄|胡同|村|小区|花园|社区|公寓|大厦)[\p{IsCJKUnifiedIdeographs}0-9一二三四五六七八九十百零〇\-]{0,8}?[0-9一二三四五六七八九十百零〇]+(?:号楼|号院|号|栋|幢|座|单元|室|楼|组)(?:[0-9一二三四五六七八九十百零〇\-]+(?:号楼|号|栋|幢|座|单元|室|楼|层))*")]
    private static partial Regex Address();

    [GeneratedRegex(@"(?<label>姓名[:：\s]*|我叫|我是|本人)(?<name>[\p{IsCJKUnifiedIdeographs}]{2,3}?)(?=[，,。.；;！!\s、]|$|的|，|电话|手机|身份|住)")]
    private static partial Regex LabelledName();

    [GeneratedRegex(@"(?<surname>[\p{IsCJKUnifiedIdeographs}])(?<given>[\p{IsCJKUnifiedIdeographs}]{1,2}?)(?<title>先生|女士|同志|老师)")]
    private static partial Regex TitledName();

    public const string Hidden = "***";

    public static string Mask(string? text, params string?[] knownNames)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var result = Email().Replace(text, "***@***");
        result = IdNumber().Replace(result, m => m.Value[..2] + new string('*', m.Length - 2));
        result = Mobile().Replace(result, m =>
        {
            var digits = new string([.. m.Value.Where(char.IsDigit)]);
            return digits[^11..^8] + "****" + digits[^4..];
        });
        result = Landline().Replace(result, m => m.Value.Length > 4 ? m.Value[..^4] + "****" : Hidden);
        result = Address().Replace(result, "（地址已隐去）");
        foreach (var name in knownNames)
        {
            var n = name?.Trim();
            if (n is { Length: >= 2 })
            {
                result = result.Replace(n, First(n) + "某某", StringComparison.Ordinal);
            }
        }
        result = LabelledName().Replace(result, m => m.Groups["label"].Value + First(m.Groups["name"].Value) + "某某");
        result = TitledName().Replace(result, m => m.Groups["surname"].Value + "某" + m.Groups["title"].Value);
        return result;
    }

    /// <summary>A writer's name as shown in public: the surname and 某某.</summary>
    public static string MaskName(string? name) => string.IsNullOrWhiteSpace(name) ? "匿名" : First(name.Trim()) + "某某";

    /// <summary>The first character as a reader sees it: a rare character or an emoji is two UTF-16 units, never cut in half.</summary>
    private static string First(string text) => text.Length == 0 ? "" : System.Globalization.StringInfo.GetNextTextElement(text);
}
