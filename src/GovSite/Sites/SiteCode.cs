using System.Text.RegularExpressions;

namespace GovSite.Sites;

/// <summary>
/// 网站标识码 rules. A local site's code is its 6-digit division code plus a 4-digit serial
/// (3301000012); a central department's is "bm", a 2-digit department code, 2 digits and a
/// 4-digit serial (bm07000001). Anything else is flagged for review, never refused: older
/// registrations exist that follow neither pattern.
/// </summary>
public static partial class SiteCode
{
    public static SiteCodeCheck Check(string? code, string? regionCode = null)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new(false, "请填写网站标识码");
        }
        code = code.Trim();
        if (LocalPattern().IsMatch(code))
        {
            if (regionCode is { Length: 6 } && !code.StartsWith(regionCode, StringComparison.Ordinal))
            {
                return new(true, $"标识码前六位 {code[..6]} 与所属地区代码 {regionCode} 不一致，请人工复核");
            }
            return new(true, null);
        }
        if (CentralPattern().IsMatch(code))
        {
            return new(true, null);
        }
        return new(true, "标识码格式不符合“6位行政区划代码+4位顺序号”或“bm+部门代码+顺序号”，请人工复核");
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex LocalPattern();

    [GeneratedRegex("^bm[0-9]{8}$")]
    private static partial Regex CentralPattern();
}

/// <param name="Acceptable">False only when the code is missing.</param>
/// <param name="Warning">A reviewable warning about an unusual format, or null.</param>
public readonly record struct SiteCodeCheck(bool Acceptable, string? Warning);
