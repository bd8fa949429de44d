using System.Globalization;
using System.Text;
using CsvHelper;

namespace GovSite.Common;

/// <summary>
/// Tables as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Chinese), and a
/// cell that a spreadsheet would run as a formula (starting with = + - @) gets a leading
/// apostrophe, the usual guard against formula injection through typed text.
/// </summary>
public static class CsvExport
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Guard(cell ?? ""));
                }
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private static string Guard(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
