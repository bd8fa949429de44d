using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovSite.Common;

/// <summary>How a cell looks: the few styles GovSite's tables need.</summary>
public enum XlsxStyle : uint
{
    Plain = 0,

    /// <summary>A table heading: bold, bordered, centred, wrapped.</summary>
    Header = 1,

    /// <summary>Text in a table: bordered, wrapped, left.</summary>
    Text = 2,

    /// <summary>A number in a table: bordered, centred.</summary>
    Number = 3,

    /// <summary>The sheet's title: bold and larger.</summary>
    Title = 4,

    /// <summary>A number entered by hand: bordered, centred, italic.</summary>
    Manual = 5,

    /// <summary>A paragraph outside a table: wrapped, top-left.</summary>
    Paragraph = 6,
}

/// <summary>One cell: text or a number, with its style.</summary>
public readonly record struct XlsxCell(string? Text, decimal? Number, XlsxStyle Style)
{
    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Text) => new(text, null, style);

    public static XlsxCell Of(decimal number, XlsxStyle style = XlsxStyle.Number) => new(null, number, style);
}

/// <summary>One worksheet: rows of cells, merged ranges ("A1:D1") and column widths in characters.</summary>
public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;
    public List<List<XlsxCell>> Rows { get; } = [];
    public List<string> Merges { get; } = [];
    public List<double> Widths { get; } = [];

    /// <summary>Row heights by row index (0-based), for paragraphs that wrap.</summary>
    public Dictionary<int, double> Heights { get; } = [];

    public List<XlsxCell> AddRow(params IEnumerable<XlsxCell> cells)
    {
        var row = cells.ToList();
        Rows.Add(row);
        return row;
    }

    /// <summary>Merges columns <paramref name="from"/>..<paramref name="to"/> (0-based) of rows <paramref name="row"/>..<paramref name="toRow"/>.</summary>
    public void Merge(int row, int from, int to, int? toRow = null) =>
        Merges.Add($"{Reference(from, row)}:{Reference(to, toRow ?? row)}");

    public static string Reference(int column, int row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Writes an .xlsx workbook with the Open XML SDK: inline strings (no shared-string table to
/// keep in step), numbers as numbers, a small stylesheet. Excel, WPS and LibreOffice open it.
/// </summary>
public static class XlsxBook
{
    public static byte[] Write(params IEnumerable<XlsxSheet> sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var worksheet = new Worksheet();
                if (sheet.Widths.Count > 0)
                {
                    worksheet.Append(new Columns(sheet.Widths.Select((w, i) =>
                        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                }
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)r + 1 };
                    if (sheet.Heights.TryGetValue(r, out var height))
                    {
                        row.Height = height;
                        row.CustomHeight = true;
                    }
                    for (var c = 0; c < sheet.Rows[r].Count; c++)
                    {
                        row.Append(CellOf(sheet.Rows[r][c], XlsxSheet.Reference(c, r)));
                    }
                    data.Append(row);
                }
                worksheet.Append(data);
                if (sheet.Merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
                }
                part.Worksheet = worksheet;
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
            }
        }
        return buffer.ToArray();
    }

    private static Cell CellOf(XlsxCell cell, string reference)
    {
        var c = new Cell { CellReference = reference, StyleIndex = (uint)cell.Style };
        if (cell.Number is { } n)
        {
            c.DataType = CellValues.Number;
            c.CellValue = new CellValue(n);
        }
        else if (cell.Text is { Length: > 0 } text)
        {
            c.DataType = CellValues.InlineString;
            c.InlineString = new InlineString(new Text(TypedText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve });
        }
        return c;
    }

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(ch => ":\\/?*[]".Contains(ch, StringComparison.Ordinal) ? '_' : ch)]);
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet1" : clean;
    }

    private static Stylesheet Styles()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint font, uint border, HorizontalAlignmentValues align, bool wrap = true) => new(
            new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font, BorderId = border, FillId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
        };
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                Format(1, 1, HorizontalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Left),
                Format(0, 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(3, 0, HorizontalAlignmentValues.Center),
                Format(2, 1, HorizontalAlignmentValues.Center, wrap: false),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Top, WrapText = true })
                {
                    FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true,
                }));
    }
}
