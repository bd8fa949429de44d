using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GovSite.Common;
using GovSite.PublicSite;

namespace GovSite.Disclosure;

/// <summary>A report ready to show: title, texts and figures.</summary>
public sealed record ReportContent(string Title, int Year, string? Overview, string? Problems, string? Other, ReportFigures Figures);

/// <summary>
/// The annual report in the official table layout, written once as HTML (the public page and,
/// printed by Chromium, the PDF) and once as an xlsx workbook. Numbers entered by hand carry a
/// mark (＊) and the note under the tables says what it means.
/// </summary>
public static class ReportDocument
{
    public const string ManualMark = "＊";
    public const string ManualNote = "标＊的数字为人工填报：平台无法从自身数据得出（行政许可、处罚、强制、收费和复议诉讼情况），或经人工修正。";

    private static string N(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The report's body (headings, paragraphs, tables), for the site page and the PDF.</summary>
    public static void WriteBody(HtmlWriter html, ReportContent report)
    {
        var f = report.Figures;
        void Num(string key) => html.Raw(f.IsManual(key) ? "<td class=\"manual\">" : "<td>").Text(N(f.Get(key)))
            .Raw(f.IsManual(key) ? ManualMark : "").Raw("</td>");
        void Para(string? text)
        {
            foreach (var p in (text ?? "无。").Split("\n", StringSplitOptions.RemoveEmptyEntries))
            {
                html.Raw("<p class=\"report-text\">").Text(p).Raw("</p>\n");
            }
        }
        html.Raw("<h1>").Text(report.Title).Raw("</h1>\n<h2>一、总体情况</h2>\n");
        Para(report.Overview);

        html.Raw("<h2>二、主动公开政府信息情况</h2>\n<table class=\"report\">\n<caption>（一）第二十条第（一）项</caption>\n<thead><tr><th scope=\"col\">信息内容</th>");
        foreach (var (_, label) in ReportLayout.DocumentColumns)
        {
            html.Raw("<th scope=\"col\">").Text(label).Raw("</th>");
        }
        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (var (key, label) in ReportLayout.Documents)
        {
            html.Raw("<tr><th scope=\"row\">").Text(label).Raw("</th>");
            foreach (var (column, _) in ReportLayout.DocumentColumns)
            {
                Num($"2.{key}.{column}");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody>\n</table>\n");
        foreach (var d in ReportLayout.Decisions)
        {
            html.Raw("<table class=\"report\">\n<caption>").Text(d.Part).Raw("</caption>\n<thead><tr><th scope=\"col\">信息内容</th><th scope=\"col\">")
                .Text(d.Unit).Raw("</th></tr></thead>\n<tbody><tr><th scope=\"row\">").Text(d.Label).Raw("</th>");
            Num($"2.{d.Key}");
            html.Raw("</tr></tbody>\n</table>\n");
        }

        html.Raw("<h2>三、收到和处理政府信息公开申请情况</h2>\n<table class=\"report requests\">\n<caption class=\"visually-hidden\">收到和处理政府信息公开申请情况（单位：件）</caption>\n")
            .Raw("<thead><tr><th scope=\"col\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th scope=\"colgroup\" colspan=\"7\">申请人情况</th></tr>\n")
            .Raw("<tr><th scope=\"col\" rowspan=\"2\">自然人</th><th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th><th scope=\"col\" rowspan=\"2\">总计</th></tr>\n<tr>");
        foreach (var kind in ReportLayout.Applicants.Skip(1))
        {
            html.Raw("<th scope=\"col\">").Text(DisclosureLabels.Of(kind)).Raw("</th>");
        }
        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in ReportLayout.RequestRows)
        {
            if (ReportLayout.Groups.TryGetValue(row.Key, out var group))
            {
                html.Raw("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"10\" class=\"text\">").Text(group).Raw("</th></tr>\n");
            }
            html.Raw("<tr><th scope=\"row\" colspan=\"3\" class=\"text depth-").Text(row.Depth.ToString(CultureInfo.InvariantCulture)).Raw("\">").Text(row.Label).Raw("</th>");
            foreach (var kind in ReportLayout.Applicants)
            {
                Num(ReportLayout.Cell(row.Key, kind));
            }
            Num(ReportLayout.TotalCell(row.Key));
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody>\n</table>\n");

        html.Raw("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n<table class=\"report\">\n<caption class=\"visually-hidden\">政府信息公开行政复议、行政诉讼情况（单位：件）</caption>\n<thead><tr>");
        foreach (var (_, label) in ReportLayout.ReviewGroups)
        {
            html.Raw("<th scope=\"colgroup\" colspan=\"5\">").Text(label).Raw("</th>");
        }
        html.Raw("</tr>\n<tr>");
        foreach (var _ in ReportLayout.ReviewGroups)
        {
            foreach (var (_, label) in ReportLayout.ReviewColumns)
            {
                html.Raw("<th scope=\"col\">").Text(label).Raw("</th>");
            }
        }
        html.Raw("</tr></thead>\n<tbody><tr>");
        foreach (var (g, _) in ReportLayout.ReviewGroups)
        {
            foreach (var (c, _) in ReportLayout.ReviewColumns)
            {
                Num($"4.{g}.{c}");
            }
        }
        html.Raw("</tr></tbody>\n</table>\n<h2>五、存在的主要问题及改进情况</h2>\n");
        Para(report.Problems);
        html.Raw("<h2>六、其他需要报告的事项</h2>\n");
        Para(report.Other);
        html.Raw("<p class=\"report-note\">").Text(ManualNote).Raw("</p>\n");
    }

    /// <summary>The report as a page of its own, for Chromium to print.</summary>
    public static string PrintPage(ReportContent report, HtmlEncoder encoder)
    {
        var sb = new StringBuilder(32768);
        var html = new HtmlWriter(sb, encoder);
        html.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Text(report.Title).Raw("</title>\n<style>")
            .Raw(Letters.PrintStyle)
            .Raw("h1{font-size:18pt}h2{font-size:13pt;margin:1em 0 .4em}.report-text{text-indent:2em;margin:0 0 .5em}.report-note{font-size:9pt}")
            .Raw(".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{page-break-inside:avoid}.depth-2{padding-left:2em}.depth-1{padding-left:1em}")
            .Raw("</style>\n</head>\n<body>\n");
        WriteBody(html, report);
        html.Raw("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The report as one worksheet in the official layout (merged headings, numbers as numbers).</summary>
    public static byte[] Xlsx(ReportContent report)
    {
        var f = report.Figures;
        var sheet = new XlsxSheet($"{report.Year}年度报告");
        sheet.Widths.AddRange([8, 8, 44, 12, 12, 12, 12, 12, 12, 12]);
        XlsxCell Num(string key) => XlsxCell.Of(f.Get(key), f.IsManual(key) ? XlsxStyle.Manual : XlsxStyle.Number);
        const int width = 10;
        void Title(string text, XlsxStyle style = XlsxStyle.Header)
        {
            sheet.AddRow([XlsxCell.Of(text, style), .. Enumerable.Repeat(XlsxCell.Of(null, style), width - 1)]);
            sheet.Merge(sheet.Rows.Count - 1, 0, width - 1);
        }
        void Paragraphs(string? text)
        {
            var body = text ?? "无。";
            sheet.AddRow([XlsxCell.Of(body, XlsxStyle.Paragraph), .. Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Paragraph), width - 1)]);
            sheet.Merge(sheet.Rows.Count - 1, 0, width - 1);
            sheet.Heights[sheet.Rows.Count - 1] = Math.Clamp(body.Length / 60.0 + body.Count(c => c == '\n'), 1, 20) * 16 + 8;
        }

        Title(report.Title, XlsxStyle.Title);
        Title("一、总体情况", XlsxStyle.Plain);
        Paragraphs(report.Overview);
        Title("二、主动公开政府信息情况", XlsxStyle.Plain);
        Title("第二十条第（一）项");
        // 信息内容 spans three columns; each count spans two.
        void Wide(XlsxCell label, params XlsxCell[] values)
        {
            var row = new List<XlsxCell> { label, XlsxCell.Of(null, label.Style), XlsxCell.Of(null, label.Style) };
            foreach (var v in values)
            {
                row.Add(v);
                row.Add(XlsxCell.Of(null, v.Style));
            }
            while (row.Count < width)
            {
                row.Add(XlsxCell.Of(null, XlsxStyle.Plain));
            }
            sheet.AddRow(row);
            var r = sheet.Rows.Count - 1;
            sheet.Merge(r, 0, 2);
            for (var i = 0; i < values.Length; i++)
            {
                sheet.Merge(r, 3 + i * 2, 4 + i * 2);
            }
        }
        Wide(XlsxCell.Of("信息内容", XlsxStyle.Header), [.. ReportLayout.DocumentColumns.Select(c => XlsxCell.Of(c.Label, XlsxStyle.Header))]);
        foreach (var (key, label) in ReportLayout.Documents)
        {
            Wide(XlsxCell.Of(label), [.. ReportLayout.DocumentColumns.Select(c => Num($"2.{key}.{c.Key}"))]);
        }
        foreach (var d in ReportLayout.Decisions)
        {
            Title(d.Part.TrimStart('（', '一', '二', '三', '四', '）'));
            Wide(XlsxCell.Of("信息内容", XlsxStyle.Header), XlsxCell.Of(d.Unit, XlsxStyle.Header));
            Wide(XlsxCell.Of(d.Label), Num($"2.{d.Key}"));
        }

        Title("三、收到和处理政府信息公开申请情况", XlsxStyle.Plain);
        var top = sheet.Rows.Count;
        sheet.AddRow([XlsxCell.Of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", XlsxStyle.Header), XlsxCell.Of(null, XlsxStyle.Header),
            XlsxCell.Of(null, XlsxStyle.Header), XlsxCell.Of("申请人情况", XlsxStyle.Header), .. Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Header), 6)]);
        sheet.AddRow([.. Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Header), 3), XlsxCell.Of("自然人", XlsxStyle.Header), XlsxCell.Of("法人或其他组织", XlsxStyle.Header),
            .. Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Header), 4), XlsxCell.Of("总计", XlsxStyle.Header)]);
        sheet.AddRow([.. Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Header), 4), .. ReportLayout.Applicants.Skip(1).Select(k => XlsxCell.Of(DisclosureLabels.Of(k), XlsxStyle.Header)),
            XlsxCell.Of(null, XlsxStyle.Header)]);
        sheet.Merge(top, 0, 2, top + 2);
        sheet.Merge(top, 3, 9);
        sheet.Merge(top + 1, 3, 3, top + 2);
        sheet.Merge(top + 1, 4, 8);
        sheet.Merge(top + 1, 9, 9, top + 2);
        var groupStart = -1;
        foreach (var row in ReportLayout.RequestRows)
        {
            var r = sheet.Rows.Count;
            var cells = new List<XlsxCell>();
            if (row.Depth == 0 || row.Key is "total")
            {
                cells.AddRange([XlsxCell.Of(row.Label), XlsxCell.Of(null), XlsxCell.Of(null)]);
            }
            else
            {
                if (row.Key == "disclosed")
                {
                    groupStart = r;
                }
                var first = row.Key == "disclosed" ? "三、本年度办理结果" : null;
                var second = row.Depth == 1 ? row.Label : ReportLayout.Groups.GetValueOrDefault(row.Key);
                var third = row.Depth == 2 ? row.Label : null;
                cells.AddRange([XlsxCell.Of(first), XlsxCell.Of(second), XlsxCell.Of(third)]);
            }
            cells.AddRange(ReportLayout.Applicants.Select(k => Num(ReportLayout.Cell(row.Key, k))));
            cells.Add(Num(ReportLayout.TotalCell(row.Key)));
            sheet.AddRow(cells);
            if (row.Depth == 0)
            {
                sheet.Merge(r, 0, 2);
            }
            else if (row.Depth == 1)
            {
                sheet.Merge(r, 1, 2);
            }
            if (row.Key == "total" && groupStart >= 0)
            {
                sheet.Merge(groupStart, 0, 0, r);
            }
        }
        // The group names of 不予公开, 无法提供, 不予处理 and 其他处理 stand beside their sub-rows.
        var keys = ReportLayout.RequestRows.Select(r => r.Key).ToList();
        var firstRow = top + 3;
        foreach (var start in ReportLayout.Groups.Keys.Where(k => k != "disclosed"))
        {
            var from = keys.IndexOf(start);
            var to = from;
            while (to + 1 < keys.Count && ReportLayout.RequestRows[to + 1].Depth == 2 && !ReportLayout.Groups.ContainsKey(keys[to + 1]))
            {
                to++;
            }
            if (to > from)
            {
                sheet.Merge(firstRow + from, 1, 1, firstRow + to);
            }
        }

        Title("四、政府信息公开行政复议、行政诉讼情况", XlsxStyle.Plain);
        var headRow = new List<XlsxCell>();
        foreach (var (_, label) in ReportLayout.ReviewGroups)
        {
            headRow.Add(XlsxCell.Of(label, XlsxStyle.Header));
            headRow.AddRange(Enumerable.Repeat(XlsxCell.Of(null, XlsxStyle.Header), 4));
        }
        var review = new XlsxSheet("复议诉讼");
        review.AddRow(headRow);
        review.AddRow(ReportLayout.ReviewGroups.SelectMany(_ => ReportLayout.ReviewColumns.Select(c => XlsxCell.Of(c.Label, XlsxStyle.Header))));
        review.AddRow(ReportLayout.ReviewGroups.SelectMany(g => ReportLayout.ReviewColumns.Select(c => Num($"4.{g.Key}.{c.Key}"))));
        for (var i = 0; i < ReportLayout.ReviewGroups.Length; i++)
        {
            review.Merge(0, i * 5, i * 5 + 4);
        }
        review.Widths.AddRange(Enumerable.Repeat(10.0, 15));

        Title("五、存在的主要问题及改进情况", XlsxStyle.Plain);
        Paragraphs(report.Problems);
        Title("六、其他需要报告的事项", XlsxStyle.Plain);
        Paragraphs(report.Other);
        Paragraphs(ManualNote);
        sheet.AddRow(XlsxCell.Of("第四部分（政府信息公开行政复议、行政诉讼情况，共 15 项）见工作表“复议诉讼”。", XlsxStyle.Plain));
        return XlsxBook.Write(sheet, review);
    }
}
