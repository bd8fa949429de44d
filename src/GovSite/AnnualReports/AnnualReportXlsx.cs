using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovSite.AnnualReports;

/// <summary>
/// The report as an xlsx workbook (Open XML SDK): the title, then one row per line in the
/// template's order — column A the section, B the item, C the value (a number cell for numbers),
/// D 手工填报 where the figure was entered by hand — and the sign-off.
/// </summary>
public static class AnnualReportXlsx
{
    public static byte[] Write(AnnualReportView report) =>
        Write(report.Year, report.Title, "填报单位：" + report.Value("header.hostUnit"), report.Report.Status, report.Sections, "工作年度报表");

    public static byte[] Write(int year, string title, string unitLine, ReportStatus status, IReadOnlyList<ReportSectionView> sections, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rowIndex = 0u;
            Row(data, ++rowIndex, $"{year}年{title}", "", "", "");
            Row(data, ++rowIndex, unitLine, "", "状态：" + ReportWorkflow.Label(status), "");
            Row(data, ++rowIndex, "栏目", "项目", "数值", "来源");
            foreach (var section in sections)
            {
                foreach (var line in section.Lines)
                {
                    var row = new Row { RowIndex = ++rowIndex };
                    row.Append(Text("A", rowIndex, section.Title), Text("B", rowIndex, line.Label));
                    row.Append(line.Type == FieldType.Number && decimal.TryParse(line.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                        ? new Cell { CellReference = $"C{rowIndex}", DataType = CellValues.Number, CellValue = new CellValue(line.Value) }
                        : Text("C", rowIndex, line.Value));
                    row.Append(Text("D", rowIndex, line.Source switch
                    {
                        FieldSource.Computed => "平台统计",
                        FieldSource.Manual => "手工填报",
                        _ => "填报",
                    }));
                    data.Append(row);
                }
            }
            sheetPart.Worksheet = new Worksheet(
                new Columns(
                    new Column { Min = 1, Max = 1, Width = 14, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 48, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 36, CustomWidth = true },
                    new Column { Min = 4, Max = 4, Width = 12, CustomWidth = true }),
                data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void Row(SheetData data, uint index, params string[] values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            row.Append(Text(((char)('A' + i)).ToString(), index, values[i]));
        }
        data.Append(row);
    }

    private static Cell Text(string column, uint row, string value) => new()
    {
        CellReference = $"{column}{row}",
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(GovSite.Common.TypedText.ForXml(value)) { Space = SpaceProcessingModeValues.Preserve }),
    };
}
