using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GovSite.Publishing.Files;

/// <summary>
/// What is checked in an upload after its type is known from its bytes (<see cref="FileTypes.Detect"/>):
/// the attacks a hostile visitor tries with a file that is "of an accepted type".
/// <list type="bullet">
/// <item>Zip bombs: a zip (and so a docx, xlsx, pptx, OFD) or gzip is read while streaming, never
/// expanded to disk or memory: the entry count from the end record before the directory is read,
/// the declared sizes, then the real decompressed bytes counted against the declared size, a total
/// and a compression ratio. A zip inside a zip is looked into one level (an Office document
/// zipped, an xlsx embedded in a docx); deeper nesting is refused.</item>
/// <item>Pixel floods: the pixel count an image declares in its header, never decoding it.</item>
/// <item>Polyglots: an image must have nothing after its end (a GIF that is also JavaScript ends
/// its header with "/*"), images carry no HTML or script markup anywhere, other files none near
/// their start or end, where browsers and interpreters look.</item>
/// </list>
/// The answer is a Chinese sentence without the field's name; the caller puts the field first.
/// </summary>
public static class UploadChecks
{
    /// <summary>Entries this small are too small for a ratio to mean anything (a page of spaces compresses 1000:1).</summary>
    private const long RatioGrace = 1024 * 1024;

    // Case-insensitive ASCII; long enough that compressed image data does not produce them by chance.
    private static readonly byte[][] Markup = [.. new[] { "<script", "<html", "<iframe", "<body", "<?php", "<object", "<embed", "javascript:", "onload=", "onerror=" }
        .Select(s => Encoding.ASCII.GetBytes(s))];

    /// <summary>Null when the file may be kept, else why not (in Chinese).</summary>
    public static string? Inspect(Stream content, FileType type, FileUploadOptions limits)
    {
        try
        {
            return InspectCore(content, type, limits);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or IOException or NotSupportedException)
        {
            return "文件已损坏或格式不完整，无法检查其内容，请重新导出后上传";
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string? InspectCore(Stream content, FileType type, FileUploadOptions limits)
    {
        if (IsImage(type))
        {
            content.Position = 0;
            if (ImageSize(content, type) is not var (width, height))
            {
                return "图片文件已损坏，读不出图片尺寸";
            }
            if (width * height > limits.MaxImagePixels)
            {
                return $"图片尺寸为 {width}×{height} 像素，超过了 {limits.MaxImagePixels / 1_000_000.0:0.#} 百万像素的上限，请缩小后再上传";
            }
            if (ImageTrailer(content, type) is { } trailer)
            {
                return trailer;
            }
            if (FindMarkup(content, 0, content.Length) is { } tag)
            {
                return $"图片中夹带了网页或脚本代码（{tag}），可能是伪装成图片的脚本，不予接收";
            }
            return null;
        }
        // Browsers sniff the start of a file; a PDF or archive with a page in its first bytes is an HTML polyglot.
        if ((FindMarkup(content, 0, 1024) ?? FindMarkup(content, Math.Max(0, content.Length - 1024), content.Length)) is { } found)
        {
            return $"文件开头或末尾夹带了网页或脚本代码（{found}），可能是伪装的网页，不予接收";
        }
        if (type == FileTypes.Zip || type == FileTypes.Docx || type == FileTypes.Xlsx || type == FileTypes.Pptx || type == FileTypes.Ofd)
        {
            var budget = new Budget(limits);
            return InspectZip(content, limits, budget, depth: 0);
        }
        if (type == FileTypes.Gzip)
        {
            content.Position = 0;
            using var gzip = new GZipStream(content, CompressionMode.Decompress, leaveOpen: true);
            return CountExpanded(gzip, content.Length, long.MaxValue, limits, new Budget(limits));
        }
        return null;
    }

    private static bool IsImage(FileType type) =>
        type == FileTypes.Png || type == FileTypes.Jpeg || type == FileTypes.Gif || type == FileTypes.Webp || type == FileTypes.Bmp;

    private sealed class Budget(FileUploadOptions limits)
    {
        public long Remaining { get; set; } = limits.MaxExpandedBytes;

        public int Entries { get; set; }
    }

    /// <summary>Reads a seekable zip's entries one by one, counting what they expand to.</summary>
    private static string? InspectZip(Stream content, FileUploadOptions limits, Budget budget, int depth)
    {
        // The end record says how many entries the directory holds; read before ZipArchive builds
        // an object for each of a million entries.
        if (DeclaredEntryCount(content) is not { } declared)
        {
            return "压缩文件已损坏（找不到目录），无法检查其内容";
        }
        if (declared > limits.MaxArchiveEntries || budget.Entries + declared > limits.MaxArchiveEntries)
        {
            return $"压缩文件中的文件数超过了 {limits.MaxArchiveEntries} 个的上限，可能是“压缩炸弹”，不予接收";
        }
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries;
        budget.Entries += entries.Count;
        if (budget.Entries > limits.MaxArchiveEntries)
        {
            return $"压缩文件中的文件数超过了 {limits.MaxArchiveEntries} 个的上限，可能是“压缩炸弹”，不予接收";
        }
        // Declared sizes first: a bomb that says what it is stops here without any inflating.
        long declaredTotal = 0;
        foreach (var entry in entries)
        {
            declaredTotal += entry.Length;
            if (declaredTotal > budget.Remaining)
            {
                return ExpandsTooMuch(limits);
            }
            if (entry.Length > RatioGrace && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
            {
                return TooCompressed(limits);
            }
        }
        // Then the bytes themselves: the declared sizes can lie.
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/') && entry.Length == 0)
            {
                continue;
            }
            using var stream = entry.Open();
            var head = new byte[4];
            var headLength = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            if (headLength == 4 && head.AsSpan().SequenceEqual("PK\x03\x04"u8))
            {
                if (depth >= 1)
                {
                    return "压缩文件里套着多层压缩包，可能是“压缩炸弹”，不予接收；请解开后再上传";
                }
                // One level down (a docx in a zip, an xlsx in a docx): looked into from memory,
                // no larger than an upload may be.
                using var inner = new MemoryStream();
                inner.Write(head);
                if (!Copy(stream, inner, Math.Min(limits.MaxBytes, budget.Remaining)))
                {
                    return ExpandsTooMuch(limits);
                }
                budget.Remaining -= inner.Length;
                if (inner.Length > RatioGrace && inner.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                {
                    return TooCompressed(limits);
                }
                if (inner.Length > entry.Length)
                {
                    return LiesAboutSize();
                }
                if (InspectZip(inner, limits, budget, depth + 1) is { } problem)
                {
                    return problem;
                }
                continue;
            }
            if (headLength > entry.Length)
            {
                return LiesAboutSize();
            }
            // .NET stops reading an entry at its declared size, but unzip and Office do not: a
            // declared size smaller than the data shows as a CRC that does not match what was read.
            var crc = new Crc32();
            crc.Append(head.AsSpan(0, headLength));
            var problemOfEntry = CountExpanded(stream, entry.CompressedLength, entry.Length - headLength, limits, budget, headLength, crc);
            if (problemOfEntry is not null)
            {
                return problemOfEntry;
            }
            if (crc.Value != entry.Crc32)
            {
                return LiesAboutSize();
            }
        }
        return null;
    }

    /// <summary>Streams an inflating stream into nothing, stopping as soon as a limit is crossed.</summary>
    private static string? CountExpanded(Stream inflating, long compressed, long declaredRest, FileUploadOptions limits, Budget budget, long already = 0, Crc32? crc = null)
    {
        var buffer = new byte[81920];
        var total = already;
        int read;
        while ((read = inflating.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            budget.Remaining -= read;
            crc?.Append(buffer.AsSpan(0, read));
            if (total - already > declaredRest)
            {
                return LiesAboutSize();
            }
            if (budget.Remaining < 0)
            {
                return ExpandsTooMuch(limits);
            }
            if (total > RatioGrace && total > Math.Max(compressed, 1) * limits.MaxCompressionRatio)
            {
                return TooCompressed(limits);
            }
        }
        return null;
    }

    /// <summary>Copies the rest of a stream when it holds at most <paramref name="max"/> bytes in all; false (stopped) when it holds more.</summary>
    private static bool Copy(Stream from, Stream to, long max)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (to.Length + read > max)
            {
                return false;
            }
            to.Write(buffer, 0, read);
        }
        return true;
    }

    /// <summary>CRC-32 (IEEE, as zip uses it), table-driven.</summary>
    private sealed class Crc32
    {
        private static readonly uint[] Table = [.. Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            return c;
        })];

        private uint _crc = 0xFFFFFFFFu;

        public uint Value => ~_crc;

        public void Append(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                _crc = Table[(_crc ^ b) & 0xFF] ^ (_crc >> 8);
            }
        }
    }

    private static string ExpandsTooMuch(FileUploadOptions limits) =>
        $"压缩文件解开后超过 {FileTypes.FormatSize(limits.MaxExpandedBytes)}，可能是“压缩炸弹”，不予接收";

    private static string TooCompressed(FileUploadOptions limits) =>
        $"压缩文件的压缩比超过 {limits.MaxCompressionRatio}:1，可能是“压缩炸弹”，不予接收";

    private static string LiesAboutSize() => "压缩文件中的文件实际大小与其声明不符，可能是“压缩炸弹”，不予接收";

    /// <summary>The entry count of the zip's end-of-central-directory record (0xFFFF when a zip64 one carries it: counted as too many).</summary>
    internal static long? DeclaredEntryCount(Stream content)
    {
        // The end record is 22 bytes plus a comment of at most 65535.
        var tail = (int)Math.Min(content.Length, 22 + 65535);
        var buffer = new byte[tail];
        content.Position = content.Length - tail;
        content.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (buffer[i] == 'P' && buffer[i + 1] == 'K' && buffer[i + 2] == 5 && buffer[i + 3] == 6)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                return count == 0xFFFF ? long.MaxValue / 2 : count;
            }
        }
        return null;
    }

    /// <summary>Width and height from the image's header alone.</summary>
    internal static (long Width, long Height)? ImageSize(Stream content, FileType type)
    {
        var head = new byte[32];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, n);
        if (type == FileTypes.Png)
        {
            return n >= 24 && h[12..16].SequenceEqual("IHDR"u8)
                ? (BinaryPrimitives.ReadUInt32BigEndian(h[16..]), BinaryPrimitives.ReadUInt32BigEndian(h[20..]))
                : null;
        }
        if (type == FileTypes.Gif)
        {
            return n >= 10 ? (BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..])) : null;
        }
        if (type == FileTypes.Bmp)
        {
            return n >= 26 ? (Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(h[18..])), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(h[22..]))) : null;
        }
        if (type == FileTypes.Webp)
        {
            if (n < 30)
            {
                return null;
            }
            var chunk = Encoding.ASCII.GetString(h[12..16]);
            return chunk switch
            {
                "VP8 " => (BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF),
                "VP8L" => ((BinaryPrimitives.ReadUInt32LittleEndian(h[21..]) & 0x3FFF) + 1, ((BinaryPrimitives.ReadUInt32LittleEndian(h[21..]) >> 14) & 0x3FFF) + 1),
                "VP8X" => ((h[24] | h[25] << 8 | h[26] << 16) + 1L, (h[27] | h[28] << 8 | h[29] << 16) + 1L),
                _ => null,
            };
        }
        return type == FileTypes.Jpeg ? JpegSize(content) : null;
    }

    /// <summary>Walks the JPEG's marker segments to the first frame header (SOFn).</summary>
    private static (long, long)? JpegSize(Stream content)
    {
        content.Position = 2;
        var segment = new byte[9];
        for (var guard = 0; guard < 10_000; guard++)
        {
            if (content.ReadAtLeast(segment.AsSpan(0, 4), 4, throwOnEndOfStream: false) < 4 || segment[0] != 0xFF)
            {
                return null;
            }
            var marker = segment[1];
            if (marker == 0xFF)
            {
                // Fill bytes before a marker.
                content.Position -= 3;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(2));
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (content.ReadAtLeast(segment.AsSpan(0, 5), 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }
                return (BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(3)), BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(1)));
            }
            if (marker is 0xD9 or 0xDA || length < 2)
            {
                return null;
            }
            content.Position += length - 2;
        }
        return null;
    }

    /// <summary>Bytes after a PNG's IEND or a GIF's trailer are where a polyglot keeps its second life.</summary>
    private static string? ImageTrailer(Stream content, FileType type)
    {
        if (type == FileTypes.Gif)
        {
            content.Position = 6;
            var screen = new byte[2];
            content.ReadExactly(screen);
            // "GIF89a/*": the header opens a JavaScript comment, the classic GIF/JS polyglot.
            if (screen[0] == '/' && screen[1] == '*')
            {
                return "图片的文件头同时是一段脚本（GIF/JavaScript 双重文件），不予接收";
            }
            return GifEnd(content) is { } end && TrailerIsEmpty(content, end) ? null : "图片末尾附带了其他内容，可能是伪装成图片的脚本，不予接收";
        }
        if (type == FileTypes.Png)
        {
            return PngEnd(content) is { } end && TrailerIsEmpty(content, end) ? null : "图片末尾附带了其他内容，可能是伪装成图片的脚本，不予接收";
        }
        return null;
    }

    /// <summary>Zero padding after the end is what some tools write; anything else is refused.</summary>
    private static bool TrailerIsEmpty(Stream content, long end)
    {
        content.Position = end;
        int b;
        while ((b = content.ReadByte()) >= 0)
        {
            if (b != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static long? PngEnd(Stream content)
    {
        content.Position = 8;
        var header = new byte[8];
        for (var guard = 0; guard < 1_000_000; guard++)
        {
            if (content.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            content.Position += length + 4L;
            if (header.AsSpan(4, 4).SequenceEqual("IEND"u8))
            {
                return content.Position <= content.Length ? content.Position : null;
            }
        }
        return null;
    }

    /// <summary>The GIF's blocks (GIF89a): extensions and images of sub-blocks, to the trailer byte.</summary>
    private static long? GifEnd(Stream content)
    {
        content.Position = 10;
        var flags = content.ReadByte();
        content.Position = 13;
        if ((flags & 0x80) != 0)
        {
            content.Position += 3L << ((flags & 7) + 1);
        }
        for (var guard = 0; guard < 1_000_000; guard++)
        {
            switch (content.ReadByte())
            {
                case 0x3B:
                    return content.Position;
                case 0x21:
                    content.ReadByte();
                    if (!SkipSubBlocks(content))
                    {
                        return null;
                    }
                    break;
                case 0x2C:
                    var descriptor = new byte[9];
                    content.ReadExactly(descriptor);
                    if ((descriptor[8] & 0x80) != 0)
                    {
                        content.Position += 3L << ((descriptor[8] & 7) + 1);
                    }
                    content.ReadByte();
                    if (!SkipSubBlocks(content))
                    {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    private static bool SkipSubBlocks(Stream content)
    {
        int size;
        while ((size = content.ReadByte()) > 0)
        {
            content.Position += size;
        }
        return size == 0 && content.Position <= content.Length;
    }

    /// <summary>The first markup found between two offsets, as written in the file, or null.</summary>
    internal static string? FindMarkup(Stream content, long from, long to)
    {
        const int Window = 1 << 16;
        var longest = Markup.Max(m => m.Length);
        var buffer = new byte[Window + longest];
        content.Position = from;
        var carried = 0;
        while (content.Position < to)
        {
            var want = (int)Math.Min(Window, to - content.Position);
            var read = content.ReadAtLeast(buffer.AsSpan(carried, want), want, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }
            var span = buffer.AsSpan(0, carried + read);
            foreach (var tag in Markup)
            {
                if (IndexOfIgnoreCase(span, tag) >= 0)
                {
                    return Encoding.ASCII.GetString(tag);
                }
            }
            carried = Math.Min(longest - 1, span.Length);
            span[^carried..].CopyTo(buffer);
        }
        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var lower = (byte)char.ToLowerInvariant((char)needle[0]);
        var upper = (byte)char.ToUpperInvariant((char)needle[0]);
        var from = 0;
        while (from + needle.Length <= haystack.Length)
        {
            var next = haystack[from..].IndexOfAny(lower, upper);
            if (next < 0)
            {
                return -1;
            }
            var at = from + next;
            if (at + needle.Length <= haystack.Length && System.Text.Ascii.EqualsIgnoreCase(haystack.Slice(at, needle.Length), needle))
            {
                return at;
            }
            from = at + 1;
        }
        return -1;
    }

    /// <summary>What a refused file really is, when it is something people try to slip in: said in the refusal.</summary>
    public static string? WhatItIs(Stream content)
    {
        var head = new byte[512];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var h = head.AsSpan(0, n);
        if (h.StartsWith("MZ"u8) || h.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            return "可执行程序";
        }
        if (IndexOfIgnoreCase(h, "<svg"u8) >= 0)
        {
            return "SVG 图片（可夹带脚本，不接收；请转换为 PNG 后上传）";
        }
        if (IndexOfIgnoreCase(h, "<html"u8) >= 0 || IndexOfIgnoreCase(h, "<!doctype"u8) >= 0 || IndexOfIgnoreCase(h, "<script"u8) >= 0)
        {
            return "网页（HTML）";
        }
        return h.StartsWith("<?php"u8) ? "PHP 脚本" : null;
    }
}
