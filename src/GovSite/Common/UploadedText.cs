using System.Text;
using GovSite.Publishing.Files;

namespace GovSite.Common;

/// <summary>
/// A text file handed to an import (a CSV, a JSON file, a word list), read whole and judged before
/// any row is parsed, so that a file which is not text is refused as a whole and nothing of it is
/// half-imported: over the size limit (read no further than the limit), a binary or an archive
/// under a text name (an executable, a zip bomb named .xlsx is never opened), NUL bytes, text that
/// is neither UTF-8 nor GBK (GB18030, as Excel saves a CSV on a Chinese Windows, is read), and a line far
/// longer than any row (a megabyte-long line is a file made to exhaust a parser, not a table).
/// UTF-8 with or without a byte-order mark and UTF-16 with one are read; decoding is strict, so
/// no character is silently replaced. The refusal is a Chinese sentence naming the file.
/// </summary>
public static class UploadedText
{
    /// <summary>Longest line a CSV or word list may have; a JSON file may be one line.</summary>
    public const int MaxLineChars = 100_000;

    static UploadedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the content (at most <paramref name="maxBytes"/>) as text of the given kind ("CSV",
    /// "JSON", "文本"); the text, or why the file is refused.
    /// </summary>
    public static async Task<(string? Text, string? Error)> ReadAsync(Stream content, string? fileName, string kind, long maxBytes,
        int? maxLineChars, CancellationToken ct)
    {
        var shown = Shown(fileName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, $"文件{shown}超过了 {FileTypes.FormatSize(maxBytes)} 的上限，请拆分后分批导入");
            }
            buffer.Write(chunk, 0, read);
        }
        return Judge(buffer.ToArray(), fileName, kind, maxLineChars);
    }

    /// <summary>The bytes as text of the given kind, or why they are refused.</summary>
    public static (string? Text, string? Error) Judge(byte[] bytes, string? fileName, string kind, int? maxLineChars)
    {
        var shown = Shown(fileName);
        if (bytes.Length == 0)
        {
            return (null, $"文件{shown}是空的，请选择要导入的 {kind} 文件");
        }
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            // A table may quote a page ("<script" in a 找错 report's text), so only binary kinds count
            // here; a program is told by its header and the NUL bytes every one has near it.
            var what = FileTypes.Detect(stream)?.Label ??
                (bytes is [(byte)'M', (byte)'Z', ..] or [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] && Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 256)) >= 0
                    ? "可执行程序" : null);
            if (what is not null)
            {
                return (null, $"文件{shown}实际是{what}，不是 {kind} 文本文件，不予导入（文件类型按内容识别，改扩展名无效）");
            }
        }
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes, 3, bytes.Length - 3),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2),
                _ when Array.IndexOf(bytes, (byte)0) >= 0 => "\0",
                _ => StrictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException)
        {
            // Excel on a Chinese Windows saves "CSV (逗号分隔)" in GBK: what the person typed is
            // read as typed, not refused. Only bytes that are neither UTF-8 nor GB18030 are refused.
            if (Gb18030(bytes) is not { } decoded)
            {
                return (null, $"文件{shown}不是 UTF-8 或 GBK 编码的文本（含有无法识别的字节），请另存为 UTF-8 后重新导入");
            }
            text = decoded;
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, $"文件{shown}含有空字符（NUL），不是 {kind} 文本文件；若是 UTF-16 文本，请另存为 UTF-8 后重新导入");
        }
        if (maxLineChars is { } max)
        {
            var line = 1;
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                var length = (end < 0 ? text.Length : end) - start;
                if (length > max)
                {
                    return (null, $"文件{shown}第 {line} 行长达 {length} 个字符，超过了每行 {max} 个字符的上限，不像是 {kind} 文件，不予导入");
                }
                if (end < 0)
                {
                    break;
                }
                start = end + 1;
                line++;
            }
        }
        return (text, null);
    }

    /// <summary>The text as a UTF-8 stream for a reader that takes one.</summary>
    public static MemoryStream AsStream(string text) => new(Encoding.UTF8.GetBytes(text), writable: false);

    private static string? Gb18030(byte[] bytes)
    {
        try
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The file's own name in quotes, without folders or control characters (empty when there is none).</summary>
    private static string Shown(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = new string(name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c) &&
            char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        if (name.Length > 60)
        {
            name = name[..60] + "…";
        }
        return name.Length == 0 ? "" : $"“{name}”";
    }
}
