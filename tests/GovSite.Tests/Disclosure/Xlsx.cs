using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovSite.Tests.Disclosure;

/// <summary>Reads an .xlsx back the way a spreadsheet program does: every sheet's cells by reference, text or number.</summary>
public static class Xlsx
{
    public static Dictionary<string, Dictionary<string, string>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, string>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text;
                if (text is not null)
                {
                    cells[cell.CellReference!.Value!] = text;
                }
            }
            result[sheet.Name!.Value!] = cells;
        }
        return result;
    }

    /// <summary>The merged ranges of a sheet ("A1:D1").</summary>
    public static List<string> Merges(byte[] bytes, string sheetName)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!)];
    }
}
