using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing;

/// <summary>One row of an import file, with the line it came from.</summary>
public sealed record ImportRow(int Line, ArticleInput? Input, string? Error);

public sealed record ImportProblem(int Line, string Reason);

public sealed record ImportReport(int Imported, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads articles from JSON lines or CSV (title, body, publishDate, source, author, keywords,
/// docNumber, issuer) and publishes them in one column. Bad rows are reported by line and skipped;
/// good rows are saved in batches, each batch in one transaction.
/// </summary>
public sealed class ArticleImport(GovSiteDb db, ArticleService articles)
{
    private const int BatchSize = 200;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy/MM/dd", "yyyy/M/d", "yyyy/MM/dd HH:mm", "yyyy-M-d", "yyyy年M月d日", "yyyy年MM月dd日", "yyyy年M月d日 HH:mm",
    ];

    public static IReadOnlyList<ImportRow> Read(string path, int columnId)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var first = reader.Peek();
        while (first is ' ' or '\r' or '\n' or '\t')
        {
            reader.Read();
            first = reader.Peek();
        }
        var isJson = first == '{' || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ||
                     path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        return (isJson ? ReadJsonLines(reader, columnId) : ReadCsv(reader, columnId)).ToList();
    }

    private static IEnumerable<ImportRow> ReadJsonLines(StreamReader reader, int columnId)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            Dictionary<string, string?> fields;
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException();
                }
                fields = doc.RootElement.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText(),
                    StringComparer.OrdinalIgnoreCase);
            }
            catch (JsonException)
            {
                fields = [];
                error = "不是有效的 JSON 对象";
            }
            yield return error is null ? ToRow(line, fields, columnId) : new ImportRow(line, null, error);
        }
    }

    private static IEnumerable<ImportRow> ReadCsv(StreamReader reader, int columnId)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }
        var headers = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++)
            {
                fields[headers[i]] = csv.TryGetField<string>(i, out var value) ? value : null;
            }
            yield return ToRow(csv.Parser.RawRow, fields, columnId);
        }
    }

    private static ImportRow ToRow(int line, Dictionary<string, string?> f, int columnId)
    {
        string? Get(string name) => f.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var title = Get("title");
        if (title is null)
        {
            return new(line, null, "缺少标题（title）");
        }
        var body = Get("body");
        if (body is null)
        {
            return new(line, null, "缺少正文（body）");
        }
        var dateText = Get("publishDate");
        DateTime? published = null;
        if (dateText is not null)
        {
            if (DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) &&
                dateText.Contains('T', StringComparison.Ordinal) && (dateText.EndsWith('Z') || dateText.Contains('+', StringComparison.Ordinal)))
            {
                published = ChinaTime.ToLocal(withOffset.UtcDateTime);
            }
            else if (DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                published = local;
            }
            else
            {
                return new(line, null, $"发布日期“{dateText}”无法识别，请使用 YYYY-MM-DD 或 YYYY-MM-DD HH:MM");
            }
        }
        return new(line, new ArticleInput
        {
            ColumnId = columnId,
            Title = title,
            Body = HtmlSanitiser.LooksLikeHtml(body) ? body : HtmlSanitiser.FromPlainText(body),
            PublishedAt = published,
            Source = Get("source"),
            Author = Get("author"),
            Keywords = Get("keywords"),
            DocNumber = Get("docNumber"),
            Issuer = Get("issuer"),
            Publish = true,
        }, null);
    }

    /// <param name="progress">Called after each row with the number of rows done.</param>
    public async Task<ImportReport> ImportAsync(int siteId, IReadOnlyList<ImportRow> rows, Action<int>? progress = null,
        CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var imported = 0;
        var done = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in batch)
            {
                if (row.Input is null)
                {
                    problems.Add(new(row.Line, row.Error!));
                }
                else
                {
                    var result = await articles.SaveAsync(siteId, null, row.Input, ct);
                    if (result.Succeeded)
                    {
                        imported++;
                    }
                    else
                    {
                        var reason = result.Forbidden ? "没有权限" :
                            string.Join("；", result.Errors.All.SelectMany(kv => kv.Value));
                        problems.Add(new(row.Line, reason));
                    }
                }
                progress?.Invoke(++done);
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new(imported, problems);
    }
}
