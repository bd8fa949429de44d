using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Monitoring.Platform;
using GovSite.Sites;

namespace GovSite.Supervision;

/// <summary>One sheet of a workbook: a title row, then rows of text and numbers.</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// The desk's exports: an xlsx workbook (DocumentFormat.OpenXml: numbers stay numbers, text stays
/// text, never a formula) and a PDF made by Chromium from the same figures.
/// </summary>
public static class SupervisionExports
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/supervision/desk.xlsx", async (string region, SupervisorDesk desk, CancellationToken ct) =>
                await desk.FiguresAsync(region, ct) is { } f
                    ? Results.File(Workbook(DeskSheets(f)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"监管工作台-{f.RegionCode}.xlsx")
                    : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/admin/supervision/desk.pdf", async (string region, SupervisorDesk desk, PdfPrinter pdf, CancellationToken ct) =>
                await desk.FiguresAsync(region, ct) is { } f
                    ? Results.File(await pdf.PrintAsync(DeskDocument(f), ct), "application/pdf", $"监管工作台-{f.RegionCode}.pdf")
                    : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/admin/supervision/sites/{code}/migration/proof.csv", async (string code, SiteMoves moves, CancellationToken ct) =>
                await moves.ProofAsync(code, ct) is var (_, proof)
                    ? Results.File(SiteMoves.ProofCsv(proof), "text/csv; charset=utf-8", $"迁移证明-{code}.csv")
                    : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static List<ExportSheet> DeskSheets(DeskFigures f)
    {
        var overview = new List<IReadOnlyList<object?>>
        {
            new object?[] { "地区", $"{f.RegionName}（{f.RegionCode}）" },
            new object?[] { "统计季度", f.Period },
        };
        overview.AddRange(f.SitesByStatus.Select(kv => (IReadOnlyList<object?>)new object?[] { $"网站：{Labels.Of(kv.Key)}", kv.Value }));
        overview.AddRange(f.SitesByVerdict.Select(kv => (IReadOnlyList<object?>)new object?[] { $"最近检测：{MonitoringLabels.Verdict(kv.Key == "none" ? null : kv.Key)}", kv.Value }));
        overview.Add(["整改中的整改通知", f.OpenRectifications]);
        overview.Add(["逾期整改通知", f.LateRectifications.Count]);
        overview.Add(["逾期未办结留言", f.LateMessages]);
        overview.Add(["逾期找错", f.LateErrorReports is int e ? e : "（找错功能接入后统计）"]);
        overview.AddRange(f.Counterfeits.Select(kv => (IReadOnlyList<object?>)new object?[] { $"假冒网站：{Counterfeits.Label(kv.Key)}", kv.Value }));
        overview.Add(["政务新媒体账号", f.NewMediaAccounts]);
        overview.Add(["超过两周未更新的新媒体账号", f.StaleNewMediaAccounts]);
        return
        [
            new ExportSheet("概况", ["项目", "数值"], overview),
            new ExportSheet("抽查", ["季度", "状态", "运行网站数", "抽查数", "抽查比例", "已检测", "已签字", "合格", "不合格", "合格率", "通报已发布"],
                [.. f.Rounds.Select(r => (IReadOnlyList<object?>)new object?[]
                {
                    r.Period, r.Status, r.SitesRunning, r.Sampled, r.SampledRatio, r.Checked, r.Confirmed, r.Passed, r.Failed, r.PassRate, r.NoticePublished ? "是" : "否",
                })]),
            new ExportSheet("逾期整改", ["编号", "网站", "整改期限", "状态", "逾期工作日"],
                [.. f.LateRectifications.Select(o => (IReadOnlyList<object?>)new object?[] { o.Id, o.SiteName, o.DueDate, o.State, o.LateWorkingDays })]),
            new ExportSheet("问责", ["季度", "人数", "记录数", .. AccountabilityCounting.ReportColumns],
                [.. f.Accountability.Select(q => (IReadOnlyList<object?>)new object?[] { Quarters.Name(q.Year, q.Quarter), q.People, q.Records }
                    .Concat(AccountabilityCounting.ReportColumns.Select(c => (object?)q.Report[c])).ToArray())]),
        ];
    }

    /// <summary>An xlsx workbook: inline strings (no shared-string table to get wrong), numbers as numbers, column widths for Chinese text.</summary>
    public static byte[] Workbook(IEnumerable<ExportSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.Workbook = new Workbook();
            var list = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
                var widths = sheet.Header.Select(h => Width(h)).ToArray();
                uint rowIndex = 1;
                data.AppendChild(Row(rowIndex++, sheet.Header.Cast<object?>().ToList()));
                foreach (var row in sheet.Rows)
                {
                    data.AppendChild(Row(rowIndex++, row));
                    for (var i = 0; i < Math.Min(row.Count, widths.Length); i++)
                    {
                        widths[i] = Math.Max(widths[i], Width(Convert.ToString(row[i], CultureInfo.InvariantCulture) ?? ""));
                    }
                }
                var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Min(60, w + 2), CustomWidth = true }));
                part.Worksheet = new Worksheet(columns, data);
                list.AppendChild(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            book.Workbook.Save();
        }
        return stream.ToArray();

        static double Width(string text) => text.Sum(c => c > 0x2E80 ? 2.0 : 1.0);
    }

    private static Row Row(uint index, IReadOnlyList<object?> values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            row.AppendChild(values[i] switch
            {
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                null => new Cell { CellReference = reference },
                var v => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(GovSite.Common.TypedText.ForXml(Convert.ToString(v, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>The desk's figures as a standalone page for Chromium's PDF: every sheet as a table.</summary>
    public static string DeskDocument(DeskFigures f)
    {
        var sb = new StringBuilder();
        string E(object? v) => WebUtility.HtmlEncode(v switch
        {
            double d => d <= 1 && d >= 0 && d % 1 != 0 ? Pct(d) : d.ToString("0.##", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        });
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>监管工作台</title><style>")
            .Append("body{font-family:\"Noto Sans CJK SC\",sans-serif;font-size:10.5pt;margin:1.5cm}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.2em}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:3px 5px;text-align:left}</style></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(f.RegionName)}政府网站监管工作台（{E(f.Period)}）</h1>");
        foreach (var sheet in DeskSheets(f))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(sheet.Name)}</h2><table><thead><tr>");
            foreach (var h in sheet.Header)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<th>{E(h)}</th>");
            }
            sb.Append("</tr></thead><tbody>");
            if (sheet.Rows.Count == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{sheet.Header.Count}\">无</td></tr>");
            }
            foreach (var row in sheet.Rows)
            {
                sb.Append("<tr>");
                foreach (var v in row)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td>{E(v)}</td>");
                }
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }
}
