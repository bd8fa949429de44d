using System.IO.Compression;
using System.Text;

namespace GovSite.Publishing.Files;

/// <summary>A kind of file GovSite accepts, as its content shows it.</summary>
public sealed record FileType(string ContentType, string Extension, string Label, bool ShownInline);

/// <summary>
/// Decides a file's type from its bytes, never from its name: magic numbers, then a look inside
/// zip files (an OOXML document or an OFD is a zip) and OLE2 compound files (doc/xls/ppt, and an
/// installer is one too). Anything else is refused.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("application/pdf", ".pdf", "PDF", true);
    public static readonly FileType Doc = new("application/msword", ".doc", "Word", false);
    public static readonly FileType Xls = new("application/vnd.ms-excel", ".xls", "Excel", false);
    public static readonly FileType Ppt = new("application/vnd.ms-powerpoint", ".ppt", "PowerPoint", false);
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word", false);
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel", false);
    public static readonly FileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", "PowerPoint", false);
    public static readonly FileType Ofd = new("application/ofd", ".ofd", "OFD", false);
    public static readonly FileType Png = new("image/png", ".png", "PNG 图片", true);
    public static readonly FileType Jpeg = new("image/jpeg", ".jpg", "JPEG 图片", true);
    public static readonly FileType Gif = new("image/gif", ".gif", "GIF 图片", true);
    public static readonly FileType Webp = new("image/webp", ".webp", "WebP 图片", true);
    public static readonly FileType Bmp = new("image/bmp", ".bmp", "BMP 图片", true);
    public static readonly FileType Zip = new("application/zip", ".zip", "ZIP 压缩包", false);
    public static readonly FileType Rar = new("application/vnd.rar", ".rar", "RAR 压缩包", false);
    public static readonly FileType SevenZip = new("application/x-7z-compressed", ".7z", "7z 压缩包", false);
    public static readonly FileType Gzip = new("application/gzip", ".gz", "GZ 压缩包", false);

    public const string AcceptedKinds = "PDF、Word、Excel、PowerPoint（含 WPS 格式）、OFD、图片（PNG、JPEG、GIF、WebP、BMP）和压缩包（ZIP、RAR、7z、GZ）";

    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of a seekable stream's content, or null when GovSite does not take it.</summary>
    public static FileType? Detect(Stream content)
    {
        var head = new byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, read);
        try
        {
            return h switch
            {
                _ when h.StartsWith("%PDF-"u8) => Pdf,
                _ when h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) => Png,
                _ when h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => Jpeg,
                _ when h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8) => Gif,
                _ when h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8) => Webp,
                _ when IsBmp(h, content.Length) => Bmp,
                _ when h.StartsWith("Rar!\x1A\x07"u8) => Rar,
                _ when h.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) => SevenZip,
                _ when h.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]) => Gzip,
                _ when h.StartsWith("PK\x03\x04"u8) || h.StartsWith("PK\x05\x06"u8) => InsideZip(content),
                _ when h.StartsWith(Ole2) => InsideCompoundFile(content),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or IOException)
        {
            // A file that claims a container format but is broken inside is refused, not a server error.
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>"BM" alone is too weak: the header also carries the file's size and reserved zeros.</summary>
    private static bool IsBmp(ReadOnlySpan<byte> h, long length) =>
        h.Length >= 10 && h.StartsWith("BM"u8) &&
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(h[2..6]) == length && h[6] == 0 && h[7] == 0 && h[8] == 0 && h[9] == 0;

    private static FileType InsideZip(Stream content)
    {
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains("[Content_Types].xml"))
        {
            if (names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)))
            {
                return Docx;
            }
            if (names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)))
            {
                return Xlsx;
            }
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)))
            {
                return Pptx;
            }
        }
        // GB/T 33190: an OFD package has OFD.xml at its root.
        return names.Contains("OFD.xml") ? Ofd : Zip;
    }

    /// <summary>
    /// An OLE2 compound file is Word, Excel or PowerPoint by the streams in its directory; other
    /// compound files (installers, Outlook messages, thumbnails) are refused.
    /// </summary>
    private static FileType? InsideCompoundFile(Stream content)
    {
        var names = CompoundFileNames(content);
        if (names.Contains("WordDocument"))
        {
            return Doc;
        }
        if (names.Contains("Workbook") || names.Contains("Book"))
        {
            return Xls;
        }
        return names.Contains("PowerPoint Document") ? Ppt : null;
    }

    /// <summary>The entry names of a compound file's directory ([MS-CFB]): header, FAT, directory chain.</summary>
    internal static HashSet<string> CompoundFileNames(Stream content)
    {
        using var reader = new BinaryReader(content, Encoding.Unicode, leaveOpen: true);
        content.Position = 0x1E;
        var sectorShift = reader.ReadUInt16();
        if (sectorShift is not (9 or 12))
        {
            throw new InvalidDataException("sector size");
        }
        var sectorSize = 1 << sectorShift;
        content.Position = 0x2C;
        var fatSectorCount = reader.ReadUInt32();
        var firstDirectorySector = reader.ReadUInt32();
        // The first 109 FAT sectors are listed in the header; an office file this program takes
        // (at most the upload limit) needs no more than that with 4 KiB sectors, and a directory
        // usually sits in the first ones anyway.
        content.Position = 0x4C;
        var fatSectors = new List<uint>();
        for (var i = 0; i < Math.Min(fatSectorCount, 109u); i++)
        {
            fatSectors.Add(reader.ReadUInt32());
        }
        long Offset(uint sector) => (long)(sector + 1) * sectorSize;
        uint Next(uint sector)
        {
            var perSector = (uint)(sectorSize / 4);
            var index = (int)(sector / perSector);
            if (index >= fatSectors.Count)
            {
                throw new InvalidDataException("FAT");
            }
            content.Position = Offset(fatSectors[index]) + (sector % perSector) * 4;
            return reader.ReadUInt32();
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var current = firstDirectorySector;
        for (var guard = 0; current < 0xFFFFFFFA && guard < 10_000; guard++)
        {
            for (var entry = 0; entry < sectorSize / 128; entry++)
            {
                content.Position = Offset(current) + entry * 128;
                var nameBytes = reader.ReadBytes(64);
                var nameLength = reader.ReadUInt16();
                if (nameLength is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(nameBytes, 0, nameLength - 2));
                }
            }
            current = Next(current);
        }
        return names;
    }

    /// <summary>
    /// The original name made safe to show and to offer as a download name, ending in the detected
    /// type's extension. It is never a path on disk (files are stored under generated names), but a
    /// browser saves the download under it: path parts (either slash, drive letters) are dropped,
    /// control and bidirectional-format characters (NUL, U+202E that shows "exe.pdf" as "fdp.exe")
    /// removed, leading and trailing dots and spaces trimmed, Windows device names (CON, NUL.txt)
    /// prefixed, an executable or script extension inside the name ("a.php.jpg") defused with "_",
    /// and the stem cut to 150 characters. What is left stays recognisable.
    /// </summary>
    public static string CleanName(string? fileName, FileType type)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format &&
            c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray());
        name = name.Trim().Trim('.', ' ').Trim();
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot].TrimEnd('.', ' ') : dot == 0 ? "" : name;
        var extension = dot > 0 ? name[dot..].ToLowerInvariant() : "";
        if (stem.Length == 0)
        {
            stem = "附件";
        }
        // "a.php.jpg", "report.pdf.exe.pdf": a server or a person reading the name takes the inner extension.
        var parts = stem.Split('.');
        stem = string.Join("", parts.Select((p, i) => i == 0 ? p : (RiskyExtensions.Contains(p) ? "_" : ".") + p));
        if (DeviceNames.Contains(parts[0].TrimEnd(' ')))
        {
            stem = "_" + stem;
        }
        if (stem.Length > 150)
        {
            stem = stem[..(char.IsHighSurrogate(stem[149]) ? 149 : 150)];
        }
        // The name says what the file is: a docx sent as .zip is downloaded as .docx.
        // WPS Office's 文字/表格/演示 files (.wps/.et/.dps) are the same compound files as doc/xls/ppt.
        var keep = extension == type.Extension || (type == Jpeg && extension == ".jpeg") ||
                   (type == Doc && extension == ".wps") || (type == Xls && extension == ".et") || (type == Ppt && extension == ".dps") ||
                   (type == Gzip && name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase));
        return keep ? stem + extension : stem + type.Extension;
    }

    private static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> RiskyExtensions = new(
        ["exe", "com", "bat", "cmd", "scr", "pif", "msi", "dll", "vbs", "vbe", "js", "jse", "wsf", "ps1", "sh", "jar", "lnk", "hta",
         "php", "php3", "php4", "php5", "phtml", "phar", "asp", "aspx", "ashx", "jsp", "jspx", "cgi", "pl", "py", "html", "htm", "xhtml", "shtml", "svg"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>A size as people read it: 12.3 KB, 4.5 MB.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
