using System.IO.Compression;
using System.Text;

namespace GovSite.Tests.Publishing;

/// <summary>Tiny but real files of every kind GovSite takes, and some it refuses, built in memory.</summary>
public static class FileSamples
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
        "trailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                // A fixed time: the same sample must be the same bytes whenever it is made.
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    private const string ContentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

    public static byte[] Docx() => Zip(("[Content_Types].xml", ContentTypes), ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>"));

    public static byte[] Xlsx() => Zip(("[Content_Types].xml", ContentTypes), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Pptx() => Zip(("[Content_Types].xml", ContentTypes), ("ppt/presentation.xml", "<presentation/>"));

    public static byte[] Ofd() => Zip(("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>"), ("Doc_0/Document.xml", "<ofd:Document/>"));

    public static byte[] PlainZip() => Zip(("说明.txt", "附件说明"));

    /// <summary>
    /// An OLE2 compound file ([MS-CFB], 512-byte sectors): header, one FAT sector, one directory
    /// sector holding the root and the given streams.
    /// </summary>
    public static byte[] Ole2(params string[] streams)
    {
        var file = new byte[512 * 3];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        void U16(int at, int v) => BitConverter.GetBytes((ushort)v).CopyTo(file, at);
        void U32(int at, uint v) => BitConverter.GetBytes(v).CopyTo(file, at);
        U16(0x18, 0x3E);
        U16(0x1A, 3);
        U16(0x1C, 0xFFFE);
        U16(0x1E, 9);
        U16(0x20, 6);
        U32(0x2C, 1); // FAT sectors
        U32(0x30, 1); // first directory sector
        U32(0x38, 4096);
        U32(0x3C, 0xFFFFFFFE);
        U32(0x44, 0xFFFFFFFE);
        U32(0x4C, 0); // DIFAT[0]: the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            U32(0x4C + i * 4, 0xFFFFFFFF);
        }
        var fat = 512;
        U32(fat, 0xFFFFFFFD);
        U32(fat + 4, 0xFFFFFFFE);
        for (var i = 2; i < 128; i++)
        {
            U32(fat + i * 4, 0xFFFFFFFF);
        }
        var names = new[] { "Root Entry" }.Concat(streams).ToArray();
        for (var i = 0; i < Math.Min(names.Length, 4); i++)
        {
            var at = 1024 + i * 128;
            var name = Encoding.Unicode.GetBytes(names[i]);
            name.CopyTo(file, at);
            U16(at + 64, name.Length + 2);
            file[at + 66] = (byte)(i == 0 ? 5 : 2);
        }
        return file;
    }

    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>SOI, APP0 (JFIF), a baseline frame header (SOF0) of 1×1, EOI: the header the upload checks read the size from.</summary>
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];

    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Webp() => [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];

    public static byte[] Bmp()
    {
        var file = new byte[58];
        "BM"u8.CopyTo(file);
        BitConverter.GetBytes(58u).CopyTo(file, 2);
        BitConverter.GetBytes(54u).CopyTo(file, 10);
        BitConverter.GetBytes(40u).CopyTo(file, 14);
        BitConverter.GetBytes(1).CopyTo(file, 18);
        BitConverter.GetBytes(1).CopyTo(file, 22);
        BitConverter.GetBytes((ushort)1).CopyTo(file, 26);
        BitConverter.GetBytes((ushort)24).CopyTo(file, 28);
        return file;
    }

    public static byte[] Rar() => [.. "Rar!\x1A\x07\x01\x00"u8, 0x33, 0x92, 0xB5, 0xE5, 0x0A, 0x01, 0x05, 0x06, 0x00, 0x05, 0x01, 0x01, 0x80, 0x80, 0x00];

    public static byte[] SevenZip() => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04, .. new byte[24]];

    public static byte[] Gzip()
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write("政务公开"u8);
        }
        return buffer.ToArray();
    }

    /// <summary>A Windows program: "MZ", then the PE header a loader looks for.</summary>
    public static byte[] Exe()
    {
        var file = new byte[1024];
        "MZ"u8.CopyTo(file);
        BitConverter.GetBytes(0x80).CopyTo(file, 0x3C);
        "PE\0\0"u8.CopyTo(file.AsSpan(0x80));
        return file;
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"1\" height=\"1\"/></svg>");
}
