using System.Text;
using QRCoder;

namespace GovSite.PublicSite.Extras;

/// <summary>
/// The QR code of a page's address (shown on article pages for reading on a phone): QRCoder
/// encodes it (byte mode, error correction level M, the smallest version that holds it, the mask
/// the standard's penalty rules choose); this class draws the symbol as SVG into the page.
/// </summary>
public sealed class QrCode
{
    private const int QuietZone = 4;
    private readonly QRCodeData _data;

    public int Version => _data.Version;

    /// <summary>Modules per side, without the quiet zone.</summary>
    public int Size { get; }

    public bool this[int x, int y] => _data.ModuleMatrix[y + QuietZone][x + QuietZone];

    private QrCode(QRCodeData data)
    {
        _data = data;
        Size = data.ModuleMatrix.Count - 2 * QuietZone;
    }

    public static QrCode Encode(string text) =>
        new(QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true));

    /// <summary>
    /// An SVG with a 4-module quiet zone, one path for all dark modules: one rectangle per run of
    /// dark modules in a row (a third of the bytes and appends of one square per module; every
    /// article page carries one).
    /// </summary>
    public string ToSvg(string label)
    {
        var sb = new StringBuilder(4096);
        WriteSvg(sb, label);
        return sb.ToString();
    }

    /// <summary><see cref="ToSvg"/> appended to a page being written, without a string of its own.</summary>
    public void WriteSvg(StringBuilder sb, string label)
    {
        var full = Size + 2 * QuietZone;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(full).Append(' ').Append(full)
            .Append("\" role=\"img\" aria-label=\"").Append(System.Net.WebUtility.HtmlEncode(label))
            .Append("\" shape-rendering=\"crispEdges\"><rect width=\"").Append(full).Append("\" height=\"").Append(full)
            .Append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < Size; y++)
        {
            var row = _data.ModuleMatrix[y + QuietZone];
            for (var x = 0; x < Size; x++)
            {
                if (!row[x + QuietZone])
                {
                    continue;
                }
                var run = 1;
                while (x + run < Size && row[x + run + QuietZone])
                {
                    run++;
                }
                sb.Append('M').Append(x + QuietZone).Append(',').Append(y + QuietZone).Append('h').Append(run).Append("v1h-").Append(run).Append('z');
                x += run;
            }
        }
        sb.Append("\"/></svg>");
    }
}
