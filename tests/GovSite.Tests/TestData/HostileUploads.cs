using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GovSite.Tests.TestData;

/// <summary>One hostile file, as a visitor (or a careless editor) would upload it.</summary>
/// <param name="Kind">What the attack is, one of <see cref="HostileUploads.Kinds"/>.</param>
/// <param name="FileName">The name the browser sends, tricks included.</param>
/// <param name="ContentType">The content type the browser sends (it is the attacker's claim).</param>
/// <param name="Description">One line saying what the file does to a careless server.</param>
public sealed record HostileUpload(string Kind, string FileName, string ContentType, byte[] Bytes, string Description)
{
    public override string ToString() => $"{Kind}: {Description}";
}

/// <summary>
/// Hostile upload files built in memory from public descriptions of the attacks: zip bombs (the
/// classic 42.zip layout), zip slip (Snyk, 2018), billion laughs and XXE inside Office XML, image
/// polyglots, pixel floods and decompression bombs, scripted SVG, and file names that try paths,
/// device names and bidi tricks. Nothing is written to disk; the big ones are built once per process.
/// </summary>
public static class HostileUploads
{
    public const string ZipBombKind = "zip-bomb";
    public const string NestedZipBombKind = "nested-zip-bomb";
    public const string ZipSlipKind = "zip-slip";
    public const string BillionLaughsKind = "billion-laughs";
    public const string XxeKind = "xxe";
    public const string PolyglotKind = "polyglot";
    public const string PixelFloodKind = "pixel-flood";
    public const string DecompressionBombKind = "decompression-bomb";
    public const string ScriptedSvgKind = "scripted-svg";
    public const string FileNameKind = "file-name";
    public const string LyingExtensionKind = "lying-extension";
    public const string EmptyKind = "empty";

    public static readonly IReadOnlyList<string> Kinds =
    [
        ZipBombKind, NestedZipBombKind, ZipSlipKind, BillionLaughsKind, XxeKind, PolyglotKind, PixelFloodKind,
        DecompressionBombKind, ScriptedSvgKind, FileNameKind, LyingExtensionKind, EmptyKind,
    ];

    /// <summary>What the zip bomb's one entry inflates to: 1 GiB of zero bytes.</summary>
    public const long ZipBombEntryLength = 1L << 30;

    /// <summary>Each level of the nested bomb holds this many copies of the level below.</summary>
    public const int NestedFanOut = 16;

    public const int PixelFloodSide = 50_000;
    public const int GifFloodSide = 65_535;
    public const int PngBombWidth = 16_383;
    public const int PngBombHeight = 16_384;

    private static readonly Lazy<byte[]> zipBomb = new(BuildZipBomb);
    private static readonly Lazy<byte[]> nestedZipBomb = new(BuildNestedZipBomb);
    private static readonly Lazy<byte[]> pngBomb = new(BuildPngDecompressionBomb);

    public static IReadOnlyList<HostileUpload> All() =>
    [
        ZipBomb(),
        NestedZipBomb(),
        ZipSlip(),
        BillionLaughsDocx(),
        XxeDocx(),
        PngHtmlPolyglot(),
        PdfHtmlPolyglot(),
        GifJavaScriptPolyglot(),
        PngPixelFlood(),
        GifPixelFlood(),
        PngDecompressionBomb(),
        SvgWithScript(),
        SvgWithScriptLinks(),
        .. TrickFileNames(),
        .. LyingExtensions(),
        EmptyFile(),
    ];

    public static HostileUpload ZipBomb() => new(ZipBombKind, "扫描件.zip", "application/zip", zipBomb.Value,
        "One entry that inflates to 1 GiB of zeros from about 1 MB (deflate's limit of about 1032:1).");

    public static HostileUpload NestedZipBomb() => new(NestedZipBombKind, "材料汇总.zip", "application/zip", nestedZipBomb.Value,
        $"42.zip layout: {NestedFanOut} zips each holding {NestedFanOut} copies of the 1 GiB bomb, {NestedFanOut * NestedFanOut} GiB in all from about 14 KB.");

    public static HostileUpload ZipSlip() => new(ZipSlipKind, "模板.zip", "application/zip",
        Zip(
            ("../../../../../../tmp/govsite-zip-slip.txt", "zip slip"u8.ToArray()),
            ("..\\..\\..\\..\\Windows\\Temp\\govsite-zip-slip.txt", "zip slip"u8.ToArray()),
            ("/etc/cron.d/govsite-zip-slip", "* * * * * root touch /tmp/pwned\n"u8.ToArray()),
            ("附件/../../../govsite-zip-slip.aspx", "<%@ Page Language=\"C#\" %>"u8.ToArray())),
        "A zip whose entry names climb out of any folder it is unpacked into (../, ..\\, an absolute path).");

    public static HostileUpload BillionLaughsDocx() => new(BillionLaughsKind, "通知.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Docx(BillionLaughsXml),
        "A .docx whose word/document.xml nests ten entities ten deep: 3 GB of text from a 1 KB DTD.");

    public static HostileUpload XxeDocx() => new(XxeKind, "报告.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Docx(XxeXml),
        "A .docx whose word/document.xml declares an external entity reading file:///etc/passwd into the text.");

    public static HostileUpload PngHtmlPolyglot() => new(PolyglotKind, "头像.png", "image/png",
        Png(1, 1, ZLib([0, 0]), ("tEXt", Encoding.ASCII.GetBytes("Comment\0<html><body><script>alert(1)</script></body></html>"))),
        "A valid 1x1 PNG whose text chunk is an HTML page: served or sniffed as text/html, the script runs.");

    public static HostileUpload PdfHtmlPolyglot() => new(PolyglotKind, "申请表.pdf", "application/pdf",
        Encoding.ASCII.GetBytes(
            "%PDF-1.4\n%<html><body><script>alert(1)</script></body></html>\n" +
            "1 0 obj <</Type /Catalog /Pages 2 0 R /OpenAction 3 0 R>> endobj\n" +
            "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
            "3 0 obj <</S /JavaScript /JS (app.alert\\(1\\))>> endobj\n" +
            "trailer <</Root 1 0 R>>\n%%EOF\n"),
        "A PDF that opens with an HTML page in a comment and runs JavaScript on open (OpenAction).");

    public static HostileUpload GifJavaScriptPolyglot() => new(PolyglotKind, "图标.gif", "image/gif", GifJavaScript(),
        "A valid GIF that is also JavaScript (GIF89a/*...*/=alert(1);): loaded by <script src> and sent without an image type, it runs.");

    public static HostileUpload PngPixelFlood() => new(PixelFloodKind, "大图.png", "image/png",
        Png(PixelFloodSide, PixelFloodSide, ZLib(new byte[PixelFloodSide + 1])),
        $"A PNG declaring {PixelFloodSide:N0} x {PixelFloodSide:N0} pixels (2.5 GB to decode) in a file of about 130 bytes.");

    public static HostileUpload GifPixelFlood() => new(PixelFloodKind, "动图.gif", "image/gif", GifFlood(),
        $"A GIF declaring {GifFloodSide:N0} x {GifFloodSide:N0} pixels (4.3 G pixels) in under 40 bytes.");

    public static HostileUpload PngDecompressionBomb() => new(DecompressionBombKind, "全景图.png", "image/png", pngBomb.Value,
        $"A real {PngBombWidth:N0} x {PngBombHeight:N0} greyscale PNG: 256 MiB of pixels from about 260 KB.");

    public static HostileUpload SvgWithScript() => new(ScriptedSvgKind, "logo.svg", "image/svg+xml", Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" onload=\"alert(1)\">\n" +
        "  <rect width=\"100\" height=\"100\" fill=\"#c00\"/>\n" +
        "  <script type=\"text/javascript\">alert(1)</script>\n" +
        "</svg>\n"),
        "An SVG with a <script> element and an onload handler: opened directly, both run on the site's origin.");

    public static HostileUpload SvgWithScriptLinks() => new(ScriptedSvgKind, "图示.svg", "image/svg+xml", Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" height=\"100\">" +
        "<a xlink:href=\"javascript:alert(1)\"><text x=\"10\" y=\"20\">政务公开</text></a>" +
        "<foreignObject width=\"100\" height=\"50\" y=\"40\"><body xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(1)\"/></body></foreignObject>" +
        "<animate xlink:href=\"#t\" attributeName=\"href\" values=\"javascript:alert(1)\"/>" +
        "</svg>\n"),
        "An SVG without <script>: a javascript: link, HTML with an onerror handler in foreignObject, an animated href.");

    /// <summary>A harmless PDF under names that try to escape the upload folder or fool a person.</summary>
    public static IReadOnlyList<HostileUpload> TrickFileNames()
    {
        var pdf = MinimalPdf();
        HostileUpload Named(string name, string description) => new(FileNameKind, name, "application/pdf", pdf, description);
        return
        [
            Named("../../etc/passwd", "Climbs two folders with ../ to an absolute system file."),
            Named("../../../../../../var/www/html/index.pdf", "Climbs far enough to reach any folder from a deep upload path."),
            Named("..\\..\\x.pdf", "Climbs with Windows separators (..\\)."),
            Named("..%2f..%2fetc%2fpasswd", "Climbs with percent-encoded slashes, for a server that decodes the name."),
            Named("%2e%2e%2f%2e%2e%2fx.pdf", "Climbs with percent-encoded dots and slashes (%2e%2e%2f)."),
            Named("．．／．．／etc／passwd", "Climbs with full-width dots and solidus, which NFKC folds to ../."),
            Named("/etc/passwd", "An absolute Unix path as the name."),
            Named("C:\\Windows\\win.ini", "An absolute Windows path with a drive letter."),
            Named("\\\\fileserver\\share\\x.pdf", "A UNC path to another machine."),
            Named("report.pdf\0.exe", "A NUL byte: C string handling sees report.pdf, the file system may keep .exe."),
            Named("invoice\u202Efdp.exe", "A right-to-left override: shown as invoiceexe.pdf, really an .exe."),
            Named(new string('长', 300) + ".pdf", "300 CJK characters: 904 UTF-8 bytes, past the 255-byte limit of most file systems."),
            Named(new string('a', 1_000) + ".pdf", "A 1,004-character ASCII name."),
            Named("con.pdf", "A Windows device name (CON) that cannot be a file on Windows."),
            Named("AUX", "A Windows device name with no extension."),
            Named("nul.txt", "The Windows NUL device with an extension."),
            Named("COM1.pdf", "A Windows serial-port device name."),
            Named("LPT1", "A Windows printer device name."),
            Named("report.pdf.", "A trailing dot, which Windows drops (report.pdf. becomes report.pdf)."),
            Named("report.pdf ", "A trailing space, which Windows drops."),
            Named("report.pdf::$DATA", "An NTFS alternate data stream suffix."),
            Named("shell.aspx;.pdf", "The IIS semicolon trick: ends in .pdf, served as .aspx."),
            Named("photo.pdf.aspx", "A double extension whose last part is executable on the server."),
            Named(".htaccess", "A web-server configuration file name."),
            Named("web.config", "An ASP.NET configuration file name."),
            Named("a.pdf\r\nContent-Type: text/html", "CR LF in the name, to inject a header where the name is echoed in Content-Disposition."),
            Named("<img src=x onerror=alert(1)>.pdf", "Markup in the name, for pages that show the name without encoding."),
            Named(".pdf", "No name before the extension."),
        ];
    }

    public static IReadOnlyList<HostileUpload> LyingExtensions() =>
    [
        new(LyingExtensionKind, "通知.pdf", "application/pdf", MinimalPe(), "Named and typed as a PDF, but the bytes are a Windows program (MZ ... PE)."),
        new(LyingExtensionKind, "照片.jpg", "image/jpeg",
            Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(1)</script></body></html>"),
            "Named and typed as a JPEG, but the bytes are an HTML page with a script."),
        new(LyingExtensionKind, "截图.png", "image/png", SvgWithScript().Bytes, "Named and typed as a PNG, but the bytes are an SVG with a script."),
        new(LyingExtensionKind, "报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Zip(("setup.exe", MinimalPe()), ("说明.txt", "请运行 setup.exe"u8.ToArray())),
            "Named and typed as a .docx, but the zip holds a program and no Office parts."),
    ];

    public static HostileUpload EmptyFile() => new(EmptyKind, "空白.pdf", "application/pdf", [], "A zero-byte file named as a PDF.");

    // ---- Zip bombs

    private static byte[] BuildZipBomb() =>
        ZipFromParts([("扫描件.pdf", DeflateZeros(ZipBombEntryLength), Crc32.OfZeros(ZipBombEntryLength), ZipBombEntryLength)]);

    private static byte[] BuildNestedZipBomb()
    {
        // Every copy is the same bytes, so each level is deflated once and its entry repeated.
        var middle = Repeated(zipBomb.Value, "扫描件{0:D2}.zip");
        return Repeated(middle, "分册{0:D2}.zip");

        static byte[] Repeated(byte[] inner, string nameFormat)
        {
            var deflated = Deflate(inner);
            var crc = Crc32.Of(inner);
            return ZipFromParts([.. Enumerable.Range(1, NestedFanOut)
                .Select(i => (string.Format(System.Globalization.CultureInfo.InvariantCulture, nameFormat, i), deflated, crc, (long)inner.Length))]);
        }
    }

    /// <summary>
    /// Raw deflate data for <paramref name="length"/> zero bytes without deflating them all: one
    /// 1 MiB chunk is deflated and ended with a sync flush (an empty stored block), which leaves it
    /// byte-aligned and free of references before its start, so copies of it can follow each other;
    /// an empty final block ends the stream.
    /// </summary>
    internal static byte[] DeflateZeros(long length)
    {
        const int chunkLength = 1 << 20;
        if (length % chunkLength != 0)
        {
            throw new ArgumentException("The length must be a whole number of MiB.", nameof(length));
        }
        byte[] chunk;
        using (var buffer = new MemoryStream())
        {
            using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(new byte[chunkLength]);
                deflate.Flush();
                chunk = buffer.ToArray();
            }
        }
        var copies = (int)(length / chunkLength);
        var stream = new byte[chunk.Length * copies + 2];
        for (var i = 0; i < copies; i++)
        {
            chunk.CopyTo(stream, i * chunk.Length);
        }
        // BFINAL=1, BTYPE=01 (fixed Huffman), then end-of-block: bits 1,10,0000000 -> 03 00.
        stream[^2] = 0x03;
        stream[^1] = 0x00;
        return stream;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(data);
        }
        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Data)[] entries) =>
        ZipFromParts([.. entries.Select(e => (e.Name, Deflate(e.Data), Crc32.Of(e.Data), (long)e.Data.Length))]);

    /// <summary>
    /// A zip file written by hand (PKWARE APPNOTE 4.3): local headers, central directory, end
    /// record. By hand because the bombs need sizes and CRCs of data that is never in memory and
    /// the slip entries need names a zip library would clean up.
    /// </summary>
    private static byte[] ZipFromParts(IReadOnlyList<(string Name, byte[] Deflated, uint Crc, long Length)> entries)
    {
        const ushort utf8Names = 1 << 11;
        const ushort deflated = 8;
        const ushort dosTime = 0;
        const ushort dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
        using var zip = new MemoryStream();
        using var writer = new BinaryWriter(zip);
        var offsets = new List<uint>();
        foreach (var (name, data, crc, length) in entries)
        {
            offsets.Add((uint)zip.Position);
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x04034b50u);
            writer.Write((ushort)20);
            writer.Write(utf8Names);
            writer.Write(deflated);
            writer.Write(dosTime);
            writer.Write(dosDate);
            writer.Write(crc);
            writer.Write((uint)data.Length);
            writer.Write(checked((uint)length));
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write(nameBytes);
            writer.Write(data);
        }
        var directoryStart = (uint)zip.Position;
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, data, crc, length) = entries[i];
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)20);
            writer.Write(utf8Names);
            writer.Write(deflated);
            writer.Write(dosTime);
            writer.Write(dosDate);
            writer.Write(crc);
            writer.Write((uint)data.Length);
            writer.Write(checked((uint)length));
            writer.Write((ushort)nameBytes.Length);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write(offsets[i]);
            writer.Write(nameBytes);
        }
        var directoryLength = (uint)zip.Position - directoryStart;
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)entries.Count);
        writer.Write((ushort)entries.Count);
        writer.Write(directoryLength);
        writer.Write(directoryStart);
        writer.Write((ushort)0);
        writer.Flush();
        return zip.ToArray();
    }

    // ---- Office XML

    internal const string BillionLaughsXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
        "<!DOCTYPE w:document [\n" +
        "  <!ENTITY lol \"lol\">\n" +
        "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n" +
        "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n" +
        "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n" +
        "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n" +
        "  <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n" +
        "  <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n" +
        "  <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n" +
        "  <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n" +
        "  <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n" +
        "]>\n" +
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>\n";

    internal const string XxeXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" +
        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>\n";

    private static byte[] Docx(string documentXml) => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
            "</Types>")),
        ("_rels/.rels", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
            "</Relationships>")),
        ("word/document.xml", Encoding.UTF8.GetBytes(documentXml)));

    // ---- Images

    /// <summary>A greyscale 8-bit PNG with the given (already zlib-compressed) image data.</summary>
    internal static byte[] Png(int width, int height, byte[] zlibData, params (string Type, byte[] Data)[] extraChunks)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method, no interlace
        Chunk(png, "IHDR", header);
        foreach (var (type, data) in extraChunks)
        {
            Chunk(png, type, data);
        }
        Chunk(png, "IDAT", zlibData);
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream png, string type, byte[] data)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            png.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Of(typeAndData));
            png.Write(number);
        }
    }

    /// <summary>RFC 1950 zlib data: a header, the deflate stream, the Adler-32 of the data.</summary>
    private static byte[] ZLib(byte[] data) => ZLibWrap(Deflate(data), Adler32(data));

    private static byte[] ZLibWrap(byte[] deflated, uint adler)
    {
        var zlib = new byte[deflated.Length + 6];
        zlib[0] = 0x78;
        zlib[1] = 0xDA;
        deflated.CopyTo(zlib, 2);
        BinaryPrimitives.WriteUInt32BigEndian(zlib.AsSpan(zlib.Length - 4), adler);
        return zlib;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    private static byte[] BuildPngDecompressionBomb()
    {
        // Each row is a filter byte (0) and its pixels (0), so the image data is all zeros; the
        // Adler-32 of n zeros is a = 1, b = n mod 65521.
        const long raw = (long)PngBombHeight * (PngBombWidth + 1);
        var adler = (uint)(raw % 65521) << 16 | 1;
        return Png(PngBombWidth, PngBombHeight, ZLibWrap(DeflateZeros(raw), adler));
    }

    private static byte[] GifFlood()
    {
        using var gif = new MemoryStream();
        using var writer = new BinaryWriter(gif);
        writer.Write("GIF89a"u8);
        writer.Write((ushort)GifFloodSide);
        writer.Write((ushort)GifFloodSide);
        writer.Write(new byte[] { 0x80, 0, 0 }); // a global colour table of two colours
        writer.Write(new byte[] { 0, 0, 0, 0xFF, 0xFF, 0xFF });
        writer.Write((byte)0x2C);
        writer.Write(0u); // left, top
        writer.Write((ushort)GifFloodSide);
        writer.Write((ushort)GifFloodSide);
        writer.Write(new byte[] { 0, 2, 2, 0x44, 0x01, 0, 0x3B }); // LZW size 2, one sub-block (clear, pixel, end), trailer
        writer.Flush();
        return gif.ToArray();
    }

    /// <summary>
    /// A 1x1 GIF whose logical screen width bytes are "/*" (0x2A2F = 10,799 pixels wide), so the
    /// file reads as JavaScript: GIF89a/* binary */=alert(1);
    /// </summary>
    private static byte[] GifJavaScript()
    {
        byte[] gif =
        [
            .. "GIF89a/*"u8, 1, 0, 0, 0, 0,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0,
            2, 2, 0x44, 0x01, 0, 0x3B,
        ];
        return [.. gif, .. "*/=alert(1);"u8];
    }

    private static byte[] MinimalPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
        "trailer <</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The start of a Windows program: DOS header (MZ) pointing at a PE header for i386.</summary>
    private static byte[] MinimalPe()
    {
        var exe = new byte[256];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        BinaryPrimitives.WriteInt32LittleEndian(exe.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        BinaryPrimitives.WriteUInt16LittleEndian(exe.AsSpan(0x84), 0x014C);
        return exe;
    }
}

/// <summary>CRC-32 (IEEE 802.3, as in zip and PNG), with a shortcut for long runs of zeros.</summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320;
    private static readonly uint[] table = BuildTable();

    private static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }
            t[n] = c;
        }
        return t;
    }

    public static uint Of(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFF, data);

    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            register = table[(register ^ b) & 0xFF] ^ (register >> 8);
        }
        return register;
    }

    /// <summary>
    /// The CRC of <paramref name="count"/> zero bytes in O(log count): feeding a zero byte is a
    /// linear map of the 32-bit register over GF(2), so n bytes are that map's n-th power (the
    /// method of zlib's crc32_combine).
    /// </summary>
    public static uint OfZeros(long count)
    {
        // Columns of the matrix for one zero byte: the register after one step from each single bit.
        var step = new uint[32];
        for (var bit = 0; bit < 32; bit++)
        {
            var register = 1u << bit;
            step[bit] = table[register & 0xFF] ^ (register >> 8);
        }
        var result = 0xFFFFFFFFu;
        var power = step;
        while (count > 0)
        {
            if ((count & 1) != 0)
            {
                result = Times(power, result);
            }
            power = Square(power);
            count >>= 1;
        }
        return ~result;

        static uint Times(uint[] matrix, uint vector)
        {
            uint sum = 0;
            for (var i = 0; vector != 0; i++, vector >>= 1)
            {
                if ((vector & 1) != 0)
                {
                    sum ^= matrix[i];
                }
            }
            return sum;
        }

        static uint[] Square(uint[] matrix) => [.. matrix.Select(column => Times(matrix, column))];
    }
}
