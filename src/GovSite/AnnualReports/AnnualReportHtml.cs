using System.Text;
using System.Text.Encodings.Web;

namespace GovSite.AnnualReports;

/// <summary>
/// The report as a printable page in the official layout (a table per section, the sign-off last),
/// written in code so the public page, the back office and the PDF show the same thing.
/// </summary>
public static class AnnualReportHtml
{
    public static void WriteTable(StringBuilder html, AnnualReportView report, HtmlEncoder encoder) =>
        WriteTable(html, report.Year, report.Title, report.Sections, encoder);

    public static void WriteTable(StringBuilder html, int year, string title, IReadOnlyList<ReportSectionView> sections, HtmlEncoder encoder)
    {
        string E(string? s) => encoder.Encode(s ?? "");
        html.Append("<table class=\"annual-report\">\n<caption>").Append(E($"{year}年{title}")).Append("</caption>\n");
        html.Append("<thead><tr><th scope=\"col\">栏目</th><th scope=\"col\">项目</th><th scope=\"col\">数值</th></tr></thead>\n<tbody>\n");
        foreach (var section in sections)
        {
            var first = true;
            foreach (var line in section.Lines)
            {
                html.Append("<tr>");
                if (first)
                {
                    html.Append("<th scope=\"rowgroup\" rowspan=\"").Append(section.Lines.Count).Append("\">").Append(E(section.Title)).Append("</th>");
                    first = false;
                }
                html.Append("<th scope=\"row\">").Append(E(line.Label)).Append("</th><td data-key=\"").Append(E(line.Key)).Append("\">")
                    .Append(line.Value.Length > 0 ? E(line.Value) : "—");
                if (line.Source == FieldSource.Manual)
                {
                    html.Append(" <span class=\"manual\">（手工填报）</span>");
                }
                html.Append("</td></tr>\n");
            }
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A whole document for printing (the PDF): no scripts, no external resources.</summary>
    public static string Document(AnnualReportView report, HtmlEncoder encoder) =>
        Document(report.Site.Name, report.Year, report.Title, report.Report.Status, report.Sections, encoder);

    public static string Document(string owner, int year, string title, ReportStatus status, IReadOnlyList<ReportSectionView> sections, HtmlEncoder encoder)
    {
        var html = new StringBuilder(16384);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(encoder.Encode($"{owner}{year}年{title}")).Append("</title>\n<style>")
            .Append("body{font-family:'Noto Sans CJK SC','Noto Sans SC','WenQuanYi Micro Hei',sans-serif;font-size:10.5pt;margin:0}")
            .Append("h1{font-size:16pt;text-align:center;margin:0 0 4pt}p.meta{text-align:center;margin:0 0 8pt}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #333;padding:3pt 5pt;text-align:left;vertical-align:top}")
            .Append("caption{display:none}.manual{color:#555;font-size:9pt}tr{break-inside:avoid}")
            .Append("@page{size:A4;margin:15mm}</style>\n</head>\n<body>\n<h1>")
            .Append(encoder.Encode($"{year}年{title}")).Append("</h1>\n<p class=\"meta\">")
            .Append(encoder.Encode($"{owner}　{ReportWorkflow.Label(status)}")).Append("</p>\n");
        WriteTable(html, year, title, sections, encoder);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
