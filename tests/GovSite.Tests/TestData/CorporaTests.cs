using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace GovSite.Tests.TestData;

/// <summary>The corpora's own shape: they hold what they promise, so tests built on them mean something.</summary>
public class CorporaTests
{
    [Fact]
    public void Typed_text_has_at_least_250_distinct_strings_in_every_category()
    {
        var typed = Corpora.TypedText();
        typed.Count.ShouldBeGreaterThanOrEqualTo(250);
        typed.Select(t => t.Text).Distinct(StringComparer.Ordinal).Count().ShouldBe(typed.Count, "a string appears twice");
        typed.Select(t => t.Category).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(Corpora.TypedTextCategories.Keys.Order(StringComparer.Ordinal));
        foreach (var category in Corpora.TypedTextCategories.Keys)
        {
            typed.Count(t => t.Category == category).ShouldBeGreaterThanOrEqualTo(4, category);
        }
        // Mostly what people write, not test strings: letters, comments and answers lead.
        typed.Count(t => t.Category is "letter" or "comment" or "survey" or "search").ShouldBeGreaterThanOrEqualTo(70);
    }

    [Fact]
    public void Every_typed_line_decodes_to_a_category_and_a_text_a_keyboard_can_produce()
    {
        var lines = File.ReadAllLines(Path.Combine(Corpora.Folder, "typed-text.jsonl"), new UTF8Encoding(false, true));
        lines.ShouldAllBe(l => l.Length > 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var typed = Corpora.ParseTypedLine(lines[i], i + 1);
            typed.Text.Any(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
                .ShouldBeTrue($"line {i + 1} has nothing visible");
            // No lone surrogates (UTF-8 cannot carry them) and no control characters beyond the
            // tab, line feed, carriage return and form feed that pasting brings.
            Encoding.UTF8.GetString(new UTF8Encoding(false, true).GetBytes(typed.Text)).ShouldBe(typed.Text);
            typed.Text.Where(char.IsControl).ShouldAllBe(c => c == '\t' || c == '\n' || c == '\r' || c == '\f', $"line {i + 1}");
        }
    }

    [Fact]
    public void Malformed_typed_lines_are_reported_with_their_line_number()
    {
        Should.Throw<InvalidDataException>(() => Corpora.ParseTypedLine("{\"category\": \"letter\"}", 7)).Message.ShouldContain("line 7");
        Should.Throw<InvalidDataException>(() => Corpora.ParseTypedLine("{\"category\": \"letter\", \"text\": 3}", 8));
        Should.Throw<InvalidDataException>(() => Corpora.ParseTypedLine("{\"category\": \"letter\", \"text\": \"a\", \"x\": 1}", 9));
        Should.Throw<InvalidDataException>(() => Corpora.ParseTypedLine("{\"category\": \"letter\", \"text\": \"a\"", 10));
    }

    public static TheoryData<string> Promises => [.. promises.Keys];

    private static readonly Dictionary<string, Func<string, bool>> promises = new()
    {
        ["the letter cut by the stripper in issue 15"] = t => t == "我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？",
        ["x<y>z, 1<2, <= and => on their own"] = _ => new[] { "x<y>z", "1<2", "<=", "=>" }.All(s => Corpora.TypedText().Any(t => t.Text == s)),
        ["<br> and <p> typed as text"] = t => t.Contains("<br>", StringComparison.Ordinal) || t.Contains("<p>", StringComparison.Ordinal),
        ["a quoted <script>alert(1)</script>"] = t => t.Contains("<script>alert(1)</script>", StringComparison.Ordinal) && t.Length > 30,
        ["a typed <a href=...>"] = t => t.Contains("<a href=", StringComparison.Ordinal),
        ["&amp; &lt; &#60; &nbsp; typed literally"] = _ => new[] { "&amp;", "&lt;", "&#60;", "&nbsp;" }.All(s => Corpora.TypedText().Any(t => t.Text.Contains(s, StringComparison.Ordinal))),
        ["an emoji ZWJ family"] = t => t.Contains("👨\u200D👩\u200D👧", StringComparison.Ordinal),
        ["an emoji skin tone"] = t => t.EnumerateRunes().Any(r => r.Value is >= 0x1F3FB and <= 0x1F3FF),
        ["a flag"] = t => t.EnumerateRunes().Count(r => r.Value is >= 0x1F1E6 and <= 0x1F1FF) >= 2,
        ["full-width digits and punctuation"] = t => t.Any(c => c is >= '０' and <= '９') && t.Any(c => c is '：' or '，'),
        ["half-width punctuation in Chinese"] = t => t.Contains("你好,", StringComparison.Ordinal),
        ["traditional characters"] = t => t.Contains("請問", StringComparison.Ordinal),
        ["𠮷 and 𡘙 (Ext-B)"] = _ => Corpora.TypedText().Any(t => t.Text.Contains("𠮷", StringComparison.Ordinal)) && Corpora.TypedText().Any(t => t.Text.Contains("𡘙", StringComparison.Ordinal)),
        ["a line of 2,000 characters or more"] = t => t.Split('\n').Any(line => line.Length >= 2_000),
        ["Windows line endings"] = t => t.Contains("\r\n", StringComparison.Ordinal),
        ["a lone carriage return"] = t => t.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal),
        ["a tab"] = t => t.Contains('\t', StringComparison.Ordinal),
        ["leading spaces"] = t => t.StartsWith(' ') || t.StartsWith('\u3000'),
        ["trailing spaces"] = t => t.EndsWith(' ') || t.EndsWith('\u3000'),
        ["U+200B inside text"] = t => t.Trim('\u200B').Contains('\u200B', StringComparison.Ordinal),
        ["U+200C inside text"] = t => t.Trim('\u200C').Contains('\u200C', StringComparison.Ordinal),
        ["U+200D inside text"] = t => t.Trim('\u200D').Contains('\u200D', StringComparison.Ordinal),
        ["U+FEFF inside text"] = t => t.Trim('\uFEFF').Contains('\uFEFF', StringComparison.Ordinal),
        ["bidi marks"] = t => t.Any(c => c is '\u200E' or '\u200F' or '\u202E'),
        ["combining accents"] = t => t.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark),
        ["“” ‘’ 「」 《》 \" and '"] = _ => new[] { "“", "‘", "「", "《", "\"", "'" }.All(s => Corpora.TypedText().Any(t => t.Text.Contains(s, StringComparison.Ordinal))),
        ["backslashes"] = t => t.Contains("C:\\Users", StringComparison.Ordinal),
        ["%20"] = t => t.Contains("%20", StringComparison.Ordinal),
        ["' or 1=1 --"] = t => t == "' or 1=1 --",
        ["Markdown"] = t => t.Contains("**", StringComparison.Ordinal),
        ["a URL"] = t => t.StartsWith("https://", StringComparison.Ordinal),
        ["a mobile number"] = t => t.Contains("13800138000", StringComparison.Ordinal),
        ["a 身份证号 with a valid check digit"] = t => t.Length == 18 && IdCheckDigitIsRight(t),
        ["an address with 号 and 室"] = t => t.Contains('号', StringComparison.Ordinal) && t.Contains('室', StringComparison.Ordinal),
        ["¥1,000.00"] = t => t == "¥1,000.00",
        ["a date"] = t => t == "2026年3月5日",
        ["……"] = t => t.Contains("……", StringComparison.Ordinal),
        ["a 文号 with 〔〕"] = t => t.Contains('〔', StringComparison.Ordinal) && t.Contains('〕', StringComparison.Ordinal) && t.EndsWith('号'),
    };

    private static bool IdCheckDigitIsRight(string id)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        if (!id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = id[..17].Select((c, i) => (c - '0') * weights[i]).Sum();
        return char.ToUpperInvariant(id[17]) == "10X98765432"[sum % 11];
    }

    [Theory]
    [MemberData(nameof(Promises))]
    public void Typed_text_holds(string promise) =>
        Corpora.TypedText().Any(t => promises[promise](t.Text)).ShouldBeTrue(promise);

    [Fact]
    public void Xss_corpus_has_at_least_300_distinct_payloads_in_every_context()
    {
        var payloads = Corpora.XssPayloadsWithContexts();
        payloads.Count.ShouldBeGreaterThanOrEqualTo(300);
        payloads.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count().ShouldBe(payloads.Count, "a payload appears twice");
        payloads.ShouldAllBe(p => p.Text.Trim().Length > 0 && p.Contexts.Count > 0);
        payloads.SelectMany(p => p.Contexts).Distinct().Order(StringComparer.Ordinal).ShouldBe(Corpora.XssContexts.Order(StringComparer.Ordinal));
        // Tests swap alert(1) for a marker call; most payloads must carry it literally.
        payloads.Count(p => p.Text.Contains("alert(1)", StringComparison.Ordinal)).ShouldBeGreaterThan(payloads.Count * 3 / 5);
        Corpora.XssPayloads().ShouldBe(payloads.Select(p => p.Text));
    }

    [Fact]
    public void Xss_corpus_names_its_sources()
    {
        var header = File.ReadLines(Path.Combine(Corpora.Folder, "xss-payloads.txt")).TakeWhile(l => l.StartsWith('#')).ToList();
        var text = string.Join('\n', header);
        text.ShouldContain("OWASP");
        text.ShouldContain("PayloadsAllTheThings");
        text.ShouldContain("MIT License");
        text.ShouldContain("PortSwigger");
    }

    [Fact]
    public void Zip_bomb_inflates_to_the_gibibyte_it_declares_from_about_a_megabyte()
    {
        var bomb = HostileUploads.ZipBomb();
        bomb.Bytes.Length.ShouldBeLessThan(1_200_000);
        using var zip = new ZipArchive(new MemoryStream(bomb.Bytes), ZipArchiveMode.Read);
        var entry = zip.Entries.ShouldHaveSingleItem();
        entry.Length.ShouldBe(HostileUploads.ZipBombEntryLength);
        entry.Crc32.ShouldBe(Crc32.OfZeros(HostileUploads.ZipBombEntryLength));

        // Read lazily: the inflated bytes are counted and checked, never kept.
        var counter = new CountingStream();
        using (var inflated = entry.Open())
        {
            inflated.CopyTo(counter, 1 << 20);
        }
        counter.Count.ShouldBe(HostileUploads.ZipBombEntryLength);
        counter.AllZero.ShouldBeTrue();
        ((double)counter.Count / bomb.Bytes.Length).ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Nested_zip_bomb_holds_sixteen_zips_of_sixteen_bombs()
    {
        var bomb = HostileUploads.ZipBomb().Bytes;
        var nested = HostileUploads.NestedZipBomb().Bytes;
        nested.Length.ShouldBeLessThan(bomb.Length / 10);
        var fanOut = HostileUploads.NestedFanOut;

        using var outer = new ZipArchive(new MemoryStream(nested), ZipArchiveMode.Read);
        outer.Entries.Count.ShouldBe(fanOut);
        var middles = outer.Entries.Select(ReadAll).ToList();
        middles.ShouldAllBe(m => Enumerable.SequenceEqual(m, middles[0]));

        using var middle = new ZipArchive(new MemoryStream(middles[0]), ZipArchiveMode.Read);
        middle.Entries.Count.ShouldBe(fanOut);
        middle.Entries.ShouldAllBe(e => e.Length == bomb.Length);
        foreach (var entry in middle.Entries)
        {
            SHA256.HashData(ReadAll(entry)).ShouldBe(SHA256.HashData(bomb));
        }
        // And the bomb itself inflates to what it declares (the test above).
        var declared = fanOut * fanOut * HostileUploads.ZipBombEntryLength;
        declared.ShouldBe(256L << 30);

        static byte[] ReadAll(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Length.ShouldBe(entry.Length);
            return copy.ToArray();
        }
    }

    [Fact]
    public void Zip_slip_entries_land_outside_the_folder_they_are_unpacked_into()
    {
        using var zip = new ZipArchive(new MemoryStream(HostileUploads.ZipSlip().Bytes), ZipArchiveMode.Read);
        var root = Path.Combine(Path.GetTempPath(), "unpack-here") + Path.DirectorySeparatorChar;
        var escaping = zip.Entries.Count(e => !Path.GetFullPath(Path.Combine(root, e.FullName)).StartsWith(root, StringComparison.Ordinal));
        // The backslash entry escapes only where backslash separates folders (Windows).
        escaping.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Billion_laughs_docx_is_a_docx_whose_text_expands_past_any_sane_limit()
    {
        var xml = DocumentXml(HostileUploads.BillionLaughsDocx());
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 1_000_000, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        Should.Throw<XmlException>(() => { while (reader.Read()) { } }).Message.ShouldContain("entit", Case.Insensitive);
    }

    [Fact]
    public void Xxe_docx_declares_an_external_entity_for_a_system_file()
    {
        var xml = DocumentXml(HostileUploads.XxeDocx());
        xml.ShouldContain("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">");
        xml.ShouldContain("&xxe;");
    }

    private static string DocumentXml(HostileUpload docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx.Bytes), ZipArchiveMode.Read);
        zip.GetEntry("[Content_Types].xml").ShouldNotBeNull();
        zip.GetEntry("_rels/.rels").ShouldNotBeNull();
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Pixel_floods_declare_huge_images_in_tiny_files()
    {
        var png = HostileUploads.PngPixelFlood().Bytes;
        png.Length.ShouldBeLessThan(1_000);
        var (width, height, _) = ReadPng(png);
        (width, height).ShouldBe((HostileUploads.PixelFloodSide, HostileUploads.PixelFloodSide));

        var gif = HostileUploads.GifPixelFlood().Bytes;
        gif.Length.ShouldBeLessThan(100);
        Encoding.ASCII.GetString(gif, 0, 6).ShouldBe("GIF89a");
        BinaryPrimitives.ReadUInt16LittleEndian(gif.AsSpan(6)).ShouldBe((ushort)HostileUploads.GifFloodSide);
        BinaryPrimitives.ReadUInt16LittleEndian(gif.AsSpan(8)).ShouldBe((ushort)HostileUploads.GifFloodSide);
        gif[^1].ShouldBe((byte)0x3B);
    }

    [Fact]
    public void Png_decompression_bomb_inflates_to_every_pixel_it_declares()
    {
        var png = HostileUploads.PngDecompressionBomb().Bytes;
        png.Length.ShouldBeLessThan(400_000);
        var (width, height, idat) = ReadPng(png);
        (width, height).ShouldBe((HostileUploads.PngBombWidth, HostileUploads.PngBombHeight));

        // ZLibStream checks the Adler-32 at the end, so a wrong checksum fails here.
        var counter = new CountingStream();
        using (var inflated = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress))
        {
            inflated.CopyTo(counter, 1 << 20);
        }
        counter.Count.ShouldBe((long)height * (width + 1));
        counter.AllZero.ShouldBeTrue();
    }

    [Fact]
    public void Polyglots_are_valid_files_that_carry_a_script()
    {
        var png = HostileUploads.PngHtmlPolyglot().Bytes;
        ReadPng(png).Width.ShouldBe(1);
        Encoding.Latin1.GetString(png).ShouldContain("<script>alert(1)</script>");

        var pdf = Encoding.Latin1.GetString(HostileUploads.PdfHtmlPolyglot().Bytes);
        pdf.ShouldStartWith("%PDF-1.");
        pdf.ShouldContain("<script>alert(1)</script>");
        pdf.ShouldContain("/S /JavaScript");
        pdf.TrimEnd().ShouldEndWith("%%EOF");

        var gif = HostileUploads.GifJavaScriptPolyglot().Bytes;
        Encoding.Latin1.GetString(gif).ShouldStartWith("GIF89a/*");
        Encoding.Latin1.GetString(gif).ShouldEndWith("*/=alert(1);");
        gif[gif.Length - "*/=alert(1);".Length - 1].ShouldBe((byte)0x3B, "the GIF trailer ends the image before the script's tail");
    }

    [Fact]
    public void Every_hostile_upload_is_described_and_every_kind_is_there()
    {
        var uploads = HostileUploads.All();
        uploads.Select(u => u.Kind).Distinct().Order(StringComparer.Ordinal).ShouldBe(HostileUploads.Kinds.Order(StringComparer.Ordinal));
        uploads.ShouldAllBe(u => u.Description.Length > 20 && !u.Description.Contains('\n', StringComparison.Ordinal) && u.ContentType.Contains('/', StringComparison.Ordinal));
        var names = uploads.Select(u => u.FileName).ToList();
        names.ShouldContain("../../etc/passwd");
        names.ShouldContain(n => n.StartsWith("..\\..\\", StringComparison.Ordinal));
        names.ShouldContain(n => n.Contains("%2e%2e%2f", StringComparison.Ordinal));
        names.ShouldContain(n => n.Contains('\0', StringComparison.Ordinal));
        names.ShouldContain(n => Encoding.UTF8.GetByteCount(n) > 255);
        names.ShouldContain("con.pdf");
        names.ShouldContain(n => n.Contains('\u202E', StringComparison.Ordinal) && n.EndsWith(".exe", StringComparison.Ordinal));
        uploads.Single(u => u.Kind == HostileUploads.EmptyKind).Bytes.ShouldBeEmpty();
    }

    [Fact]
    public void Lying_extensions_carry_bytes_of_another_kind()
    {
        foreach (var upload in HostileUploads.LyingExtensions())
        {
            var head = Encoding.Latin1.GetString(upload.Bytes, 0, 8);
            var claimed = Path.GetExtension(upload.FileName) switch
            {
                ".pdf" => head.StartsWith("%PDF", StringComparison.Ordinal),
                ".jpg" => upload.Bytes[0] == 0xFF && upload.Bytes[1] == 0xD8,
                ".png" => head.StartsWith("\u0089PNG", StringComparison.Ordinal),
                ".docx" => ZipHas(upload.Bytes, "[Content_Types].xml"),
                var other => throw new InvalidOperationException(other),
            };
            claimed.ShouldBeFalse(upload.FileName);
        }

        static bool ZipHas(byte[] bytes, string name)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry(name) is not null;
        }
    }

    [Fact]
    public void Crc32_of_zeros_matches_the_byte_by_byte_crc()
    {
        Crc32.Of("123456789"u8).ShouldBe(0xCBF43926u);
        foreach (var length in new[] { 0, 1, 3, 1_000, 65_537, 1 << 20 })
        {
            Crc32.OfZeros(length).ShouldBe(Crc32.Of(new byte[length]), $"{length} zeros");
        }
    }

    [Fact]
    public void Deflated_zeros_inflate_to_exactly_the_length_asked_for()
    {
        var counter = new CountingStream();
        using (var inflated = new DeflateStream(new MemoryStream(HostileUploads.DeflateZeros(3 << 20)), CompressionMode.Decompress))
        {
            inflated.CopyTo(counter);
        }
        counter.Count.ShouldBe(3 << 20);
        counter.AllZero.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => HostileUploads.DeflateZeros(1_000));
    }

    /// <summary>Width, height and the joined IDAT data of a PNG whose every chunk CRC is checked.</summary>
    internal static (int Width, int Height, byte[] ImageData) ReadPng(byte[] png)
    {
        png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }).ShouldBeTrue("PNG signature");
        int width = 0, height = 0;
        var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)).ShouldBe(Crc32.Of(typeAndData), $"CRC of {type}");
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
            }
            else if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return (width, height, idat.ToArray());
    }

    /// <summary>A write-only sink that counts what passes through and whether it was all zeros.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public bool AllZero { get; private set; } = true;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Count += buffer.Length;
            AllZero &= !buffer.ContainsAnyExcept((byte)0);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
