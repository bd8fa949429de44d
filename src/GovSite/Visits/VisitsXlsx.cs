using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovSite.Visits;

/// <summary>Tables as an xlsx workbook, one sheet each: text as inline strings, numbers as number cells.</summary>
public static class VisitsXlsx
{
    public sealed record Sheet(string Name, string[] Header, IEnumerable<object[]> Rows);

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            var id = 0u;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var r = 0u;
                data.Append(Row(++r, sheet.Header.Cast<object>().ToArray()));
                foreach (var row in sheet.Rows)
                {
                    data.Append(Row(++r, row));
                }
                part.Worksheet = new Worksheet(data);
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = ++id, Name = sheet.Name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, object[] values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var reference = $"{(char)('A' + i)}{index}";
            row.Append(values[i] switch
            {
                long or int or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!),
                },
                var v => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(GovSite.Common.TypedText.ForXml(Convert.ToString(v, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }
}
