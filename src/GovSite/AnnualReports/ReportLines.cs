using System.Globalization;
using GovSite.Common;

namespace GovSite.AnnualReports;

/// <summary>What both annual reports share: a template's lines with their values and sources, and the checks of what is entered.</summary>
public static class ReportLines
{
    /// <summary>
    /// Computed when a source supplies the key; 手工填报 (manual) when the template means it to be
    /// computed but no source does; otherwise entered, with what was typed.
    /// </summary>
    public static List<ReportSectionView> Build(AnnualReportTemplate template, IReadOnlySet<string> computedKeys,
        IReadOnlyDictionary<string, string> computed, IReadOnlyDictionary<string, string> entered) =>
        [.. template.Sections.Select(s => new ReportSectionView(s.Key, s.Title, [.. s.Fields.Select(f =>
        {
            var source = computedKeys.Contains(f.Key) && computed.ContainsKey(f.Key) ? FieldSource.Computed
                : f.Computed ? FieldSource.Manual : FieldSource.Entered;
            var value = source == FieldSource.Computed ? computed[f.Key] : entered.GetValueOrDefault(f.Key, "");
            return new ReportLine(f.Key, f.Label, f.Type, source, value);
        })]))];

    /// <summary>Checks every value typed for a line not computed; the good ones go into <paramref name="entered"/>, each problem is named in Chinese.</summary>
    public static void Enter(IEnumerable<ReportLine> view, IReadOnlyDictionary<string, string?> input, Dictionary<string, string> entered, ValidationErrors errors)
    {
        var lines = view.ToDictionary(l => l.Key);
        foreach (var (key, raw) in input)
        {
            if (!lines.TryGetValue(key, out var line))
            {
                errors.Add(key, $"报表中没有“{key}”这一项");
                continue;
            }
            if (line.Source == FieldSource.Computed)
            {
                errors.Add(key, $"“{line.Label}”由平台统计，不能手工填写");
                continue;
            }
            var value = TypedText.Line(raw) ?? "";
            if (value.Length > 200)
            {
                errors.Add(key, $"“{line.Label}”不能超过 200 个字");
                continue;
            }
            if (value.Length > 0 && line.Type == FieldType.Number
                && !(decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= 0))
            {
                errors.Add(key, $"“{line.Label}”应填写不小于 0 的数字");
                continue;
            }
            if (value.Length > 0 && line.Type == FieldType.YesNo && value is not ("是" or "否"))
            {
                errors.Add(key, $"“{line.Label}”应填写“是”或“否”");
                continue;
            }
            entered[key] = value;
        }
    }
}
