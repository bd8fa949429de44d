using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GovSite.Tests.Publishing;

namespace GovSite.Tests.Security;

/// <summary>
/// Hostile files, made in memory (nothing binary is checked in): zip bombs of every kind,
/// polyglots and type lies, pixel floods, SVG with script. Each is small on the wire.
/// </summary>
public static class UploadAttacks
{
    public sealed record Attack(string Name, string FileName, Func<byte[]> Make);

    public static readonly Attack[] All =
    [
        new("zip-bomb-ratio", "统计报表.xlsx", () => OfficeWith("xl/", ("xl/worksheets/sheet1.xml", Zeros(20 * 1024 * 1024)))),
        new("zip-bomb-gigabytes", "材料汇编.zip", () =>
        {
            // 60 parts of 20 MB: 1.2 GB declared, honestly, in about 1.2 MB.
            var part = Deflated(Zeros(20 * 1024 * 1024));
            return RawZip(Enumerable.Range(0, 60).Select(i => new RawEntry($"part{i}.bin", part, 20L * 1024 * 1024)));
        }),
        new("zip-bomb-declared-small", "通知.docx", () => RawZip([
            new RawEntry("[Content_Types].xml", Deflated("<Types/>"u8.ToArray()), 8),
            new RawEntry("word/document.xml", Deflated(Zeros(4 * 1024 * 1024)), 1000)])),
        new("zip-bomb-entries", "照片.zip", () => RawZip(Enumerable.Range(0, 2000).Select(i => new RawEntry($"{i}.txt", Deflated([]), 0)))),
        new("zip-bomb-nested", "套娃.zip", () => Nested(3)),
        new("gzip-bomb", "日志.tar.gz", () => Gzipped(Zeros(200 * 1024 * 1024))),
        new("pixel-flood-png", "现场照片.png", () => Png(50_000, 50_000)),
        new("pixel-flood-jpeg", "现场照片.jpg", () => Jpeg(50_000, 50_000)),
        new("pixel-flood-gif", "动图.gif", () => Gif(65_535, 65_535, [])),
        new("gif-javascript-polyglot", "头像.gif", GifJavaScript),
        new("png-with-script-after-end", "截图.png", () => [.. Png(1, 1), .. "<script>alert(document.cookie)</script>"u8]),
        new("jpeg-with-script-in-comment", "证件.jpg", JpegWithScriptComment),
        new("pdf-with-html", "政策解读.pdf", () => Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n")
            .Concat(FileSamples.Pdf().Skip(9)).ToArray()),
        new("html-named-jpg", "风景.jpg", () => "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray()),
        new("exe-named-pdf", "年度报告.pdf", () => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[64], .. "This program cannot be run in DOS mode."u8]),
        new("svg-script", "标志.svg", () => Svg("<script>alert(1)</script>")),
        new("svg-onload", "标志.svg", () => Svg("<rect width=\"10\" height=\"10\" onload=\"alert(1)\"/>")),
        new("svg-foreign-object", "标志.svg", () => Svg("<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(1)\"/></foreignObject>")),
        new("svg-xlink-javascript", "标志.svg", () => Svg("<a xlink:href=\"javascript:alert(1)\"><text>点击</text></a>")),
        new("svg-external-entity", "标志.svg", () => Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>")),
    ];

    public static byte[] Zeros(int length) => new byte[length];

    public static byte[] Deflated(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }
        return buffer.ToArray();
    }

    private static byte[] Gzipped(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return buffer.ToArray();
    }

    /// <summary>An OOXML package of the given part folder with one large part.</summary>
    private static byte[] OfficeWith(string folder, (string Name, byte[] Data) part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write("<Types/>"u8);
            }
            using (var workbook = zip.CreateEntry(folder + "workbook.xml").Open())
            {
                workbook.Write("<workbook/>"u8);
            }
            using var big = zip.CreateEntry(part.Name, CompressionLevel.Optimal).Open();
            big.Write(part.Data);
        }
        return buffer.ToArray();
    }

    /// <summary>Zips in zips, <paramref name="depth"/> levels, a small text at the bottom.</summary>
    private static byte[] Nested(int depth)
    {
        var inner = FileSamples.Zip(("说明.txt", "最里层"));
        for (var i = 1; i < depth; i++)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                for (var copy = 0; copy < 4; copy++)
                {
                    using var entry = zip.CreateEntry($"第{i}层-{copy}.zip").Open();
                    entry.Write(inner);
                }
            }
            inner = buffer.ToArray();
        }
        return inner;
    }

    /// <summary>An entry written byte by byte: already-deflated data under whatever size we choose to declare.</summary>
    public sealed record RawEntry(string Name, byte[] Deflated, long DeclaredSize);

    /// <summary>
    /// A zip written by hand (APPNOTE 4.3): local headers with the same deflated bytes reused, a
    /// central directory and its end record. Sizes are declared as given, so they may lie; CRCs
    /// are zero (a checker must stop long before the end of an entry where a CRC is compared).
    /// </summary>
    public static byte[] RawZip(IEnumerable<RawEntry> entries)
    {
        using var output = new MemoryStream();
        using var directory = new MemoryStream();
        var count = 0;
        foreach (var entry in entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var offset = (uint)output.Position;
            var declared = (uint)Math.Min(entry.DeclaredSize, uint.MaxValue - 1);
            Header(output, 0x04034b50, null, name, (uint)entry.Deflated.Length, declared, 0);
            output.Write(entry.Deflated);
            Header(directory, 0x02014b50, offset, name, (uint)entry.Deflated.Length, declared, 0);
            count++;
        }
        var directoryOffset = (uint)output.Position;
        directory.Position = 0;
        directory.CopyTo(output);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), directoryOffset);
        output.Write(end);
        return output.ToArray();
    }

    private static void Header(Stream to, uint signature, uint? offset, byte[] name, uint compressed, uint size, uint crc)
    {
        var central = offset is not null;
        var h = new byte[central ? 46 : 30];
        BinaryPrimitives.WriteUInt32LittleEndian(h, signature);
        var at = central ? 6 : 4;
        if (central)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(4), 20);
        }
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at + 2), 0x0800); // UTF-8 names
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at + 4), 8); // deflate
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 10), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 14), compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 18), size);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at + 22), (ushort)name.Length);
        if (central)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(42), offset!.Value);
        }
        to.Write(h);
        to.Write(name);
    }

    /// <summary>A PNG that declares the given size: signature, IHDR, one tiny IDAT, IEND, with real CRCs.</summary>
    public static byte[] Png(uint width, uint height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        Chunk(output, "IHDR", ihdr);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream to, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        to.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        to.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        to.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A baseline JPEG header (SOI, APP0, SOF0 with the given size) and EOI.</summary>
    public static byte[] Jpeg(ushort width, ushort height, byte[]? comment = null)
    {
        byte[] sof = [0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00];
        var com = comment is null ? Array.Empty<byte>() : new byte[] { 0xFF, 0xFE, (byte)((comment.Length + 2) >> 8), (byte)(comment.Length + 2) }.Concat(comment).ToArray();
        return [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, .. com, .. sof, 0xFF, 0xD9];
    }

    private static byte[] JpegWithScriptComment() => Jpeg(1, 1, "<script>alert(document.cookie)</script>"u8.ToArray());

    /// <summary>A GIF89a of the given logical screen with one 1×1 image and the given comment.</summary>
    public static byte[] Gif(ushort width, ushort height, byte[] comment)
    {
        var output = new List<byte>("GIF89a"u8.ToArray());
        output.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0x00, 0x00]);
        output.AddRange([0, 0, 0, 0xFF, 0xFF, 0xFF]);
        if (comment.Length > 0)
        {
            output.AddRange([0x21, 0xFE, (byte)comment.Length]);
            output.AddRange(comment);
            output.Add(0);
        }
        output.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]);
        return [.. output];
    }

    /// <summary>
    /// The classic GIF/JavaScript polyglot: "GIF89a" then a width of "/*" opens a comment that the
    /// trailer closes, "=alert(1)" after it; a valid GIF that runs as a script from a &lt;script src&gt;.
    /// </summary>
    private static byte[] GifJavaScript()
    {
        var gif = Gif(0x2A2F, 10, "*/=alert(document.domain);/*"u8.ToArray());
        return [.. gif, .. "*/"u8];
    }

    private static byte[] Svg(string inside) => Encoding.UTF8.GetBytes(
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">{inside}</svg>");
}
