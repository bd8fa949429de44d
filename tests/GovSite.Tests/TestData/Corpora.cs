using System.Text;
using System.Text.Json;

namespace GovSite.Tests.TestData;

/// <summary>A string a person typed into a plain-text field, with what makes it interesting.</summary>
public sealed record TypedString(string Category, string Text)
{
    // Test runners show this in theory names; the category and a short, escaped head are enough.
    public override string ToString()
    {
        var head = Text.Length > 40 ? Text[..40] + "…" : Text;
        return $"{Category}: {JsonSerializer.Serialize(head)}";
    }
}

/// <summary>An XSS payload and the page contexts it runs in when a page inserts it without encoding.</summary>
public sealed record XssPayload(string Text, IReadOnlyList<string> Contexts)
{
    public override string ToString() => Text;
}

/// <summary>
/// The corpora in this folder (copied to the test output): what citizens and civil servants type
/// (typed-text.jsonl) and XSS payloads from public lists (xss-payloads.txt). Hostile uploads are
/// built in memory by <see cref="HostileUploads"/>.
/// </summary>
public static class Corpora
{
    /// <summary>The categories of typed-text.jsonl; every one has strings in the file.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypedTextCategories = new Dictionary<string, string>
    {
        ["letter"] = "ordinary letters to a 领导信箱, complaints, requests",
        ["comparison"] = "mathematical comparisons and arrows written with < and >",
        ["html-as-text"] = "HTML typed or quoted as text",
        ["entity-as-text"] = "HTML entities typed literally",
        ["emoji"] = "single emoji, ZWJ sequences, skin tones, flags, keycaps, WeChat codes",
        ["width"] = "full-width and half-width punctuation, digits and letters",
        ["traditional"] = "traditional characters and Cantonese",
        ["rare-cjk"] = "CJK outside the basic block (Ext A, B, E, G) and rare name characters",
        ["long-line"] = "lines of 2,000 characters and more",
        ["crlf"] = "Windows line endings",
        ["lone-cr"] = "carriage returns without line feeds",
        ["tab"] = "tabs, as pasted from spreadsheets",
        ["edge-spaces"] = "leading and trailing spaces, full-width indents",
        ["zero-width"] = "zero-width space, non-joiner, joiner, BOM, word joiner, soft hyphen inside text",
        ["bidi"] = "right-to-left scripts and bidi controls",
        ["combining"] = "combining accents and decomposed Hangul",
        ["quotes"] = "quotation marks of every kind",
        ["backslash"] = "backslashes and typed escape sequences",
        ["percent"] = "percent signs, percent-encoding and format placeholders",
        ["sql-like"] = "text that looks like SQL or search operators",
        ["markdown"] = "Markdown typed into plain text",
        ["url"] = "URLs",
        ["email"] = "e-mail addresses",
        ["phone"] = "telephone numbers",
        ["id-number"] = "身份证号 and other identity numbers",
        ["address"] = "addresses with 号, 室, 栋",
        ["amount"] = "amounts of money",
        ["date"] = "dates and times as people write them",
        ["ellipsis"] = "ellipses and repeated punctuation",
        ["doc-number"] = "文号 with 〔〕 and their look-alikes",
        ["name"] = "personal names",
        ["search"] = "what people type into a search box",
        ["survey"] = "survey answers",
        ["comment"] = "comments on a draft (意见征集)",
        ["pasted"] = "text pasted from PDF, Word and web pages, with the characters that brings",
    };

    /// <summary>The page contexts named by "#@ contexts:" lines in xss-payloads.txt.</summary>
    public static readonly IReadOnlyList<string> XssContexts = ["html", "attribute", "script", "url"];

    private static readonly Lazy<IReadOnlyList<TypedString>> typedText = new(LoadTypedText);
    private static readonly Lazy<IReadOnlyList<XssPayload>> xssPayloads = new(LoadXssPayloads);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>Every typed string, in file order. Each has at least one visible character.</summary>
    public static IReadOnlyList<TypedString> TypedText() => typedText.Value;

    /// <summary>Every XSS payload, in file order, exactly as it would be typed.</summary>
    public static IReadOnlyList<string> XssPayloads() => [.. xssPayloads.Value.Select(p => p.Text)];

    public static IReadOnlyList<XssPayload> XssPayloadsWithContexts() => xssPayloads.Value;

    // The files must be valid UTF-8: a replacement character slipped in by a bad decode would be
    // compared as if someone had typed it.
    private static readonly UTF8Encoding strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static IReadOnlyList<TypedString> LoadTypedText()
    {
        var path = Path.Combine(Folder, "typed-text.jsonl");
        var strings = new List<TypedString>();
        var number = 0;
        foreach (var line in File.ReadLines(path, strictUtf8))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            strings.Add(ParseTypedLine(line, number));
        }
        return strings;
    }

    /// <summary>One JSONL line: an object with exactly a string "category" and a string "text".</summary>
    internal static TypedString ParseTypedLine(string line, int number)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(["category", "text"]) is false
                || root.GetProperty("category").ValueKind != JsonValueKind.String
                || root.GetProperty("text").ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"typed-text.jsonl line {number}: expected {{\"category\": \"...\", \"text\": \"...\"}}.");
            }
            return new TypedString(root.GetProperty("category").GetString()!, root.GetProperty("text").GetString()!);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"typed-text.jsonl line {number}: {e.Message}", e);
        }
    }

    private static IReadOnlyList<XssPayload> LoadXssPayloads()
    {
        var path = Path.Combine(Folder, "xss-payloads.txt");
        var payloads = new List<XssPayload>();
        IReadOnlyList<string>? contexts = null;
        var number = 0;
        foreach (var line in File.ReadLines(path, strictUtf8))
        {
            number++;
            if (line.StartsWith("#@ contexts:", StringComparison.Ordinal))
            {
                contexts = line["#@ contexts:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (contexts.Count == 0 || contexts.Except(XssContexts).Any())
                {
                    throw new InvalidDataException($"xss-payloads.txt line {number}: unknown context in '{line}'.");
                }
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            payloads.Add(new XssPayload(line, contexts
                ?? throw new InvalidDataException($"xss-payloads.txt line {number}: a payload before any '#@ contexts:' line.")));
        }
        return payloads;
    }
}
