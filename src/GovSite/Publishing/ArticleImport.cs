using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Common;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing;

/// <summary>One row of an import file, with the line it came from.</summary>
public sealed record ImportRow(int Line, ArticleInput? Input, string? Error);

public sealed record ImportProblem(int Line, string Reason);

/// <param name="Imported">Rows published (or, in a column with review, submitted for review).</param>
/// <param name="Submitted">Of those, rows waiting for review because the column asks for it.</param>
/// <param name="Drafts">Rows kept as drafts because the quality gate stopped them; each is also in <paramref name="Problems"/>.</param>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportProblem> Problems, int Submitted = 0, int Drafts = 0);

/// <summary>
/// Reads articles from JSON lines or CSV (title, body, publishDate, source, author, keywords,
/// docNumber, issuer) into one column, through the library like any other write: in a column
/// without review each row is published through the quality gate; in a column with review it is
/// submitted and waits for its reviewers. Bad rows are reported by line and skipped; a row the
/// gate stops is kept as a draft and reported. Rows are saved in batches, each in one transaction.
/// </summary>
public sealed class ArticleImport(GovSiteDb db, ArticleService articles, Library.Workflow workflow)
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
        }, null);
    }

    /// <param name="progress">Called after each row with the number of rows done.</param>
    public async Task<ImportReport> ImportAsync(int siteId, IReadOnlyList<ImportRow> rows, Action<int>? progress = null,
        CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        int imported = 0, submitted = 0, drafts = 0, done = 0;
        var reviewed = new Dictionary<int, bool>();
        var already = await AlreadyThereAsync(siteId, rows, ct);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in batch)
            {
                if (row.Input is null)
                {
                    problems.Add(new(row.Line, row.Error!));
                    progress?.Invoke(++done);
                    continue;
                }
                if (already.Contains(Key(row.Input)))
                {
                    problems.Add(new(row.Line, "栏目中已有同一标题（及发布日期）的文章，视为此前已导入，未重复导入"));
                    progress?.Invoke(++done);
                    continue;
                }
                if (!reviewed.TryGetValue(row.Input.ColumnId, out var review))
                {
                    review = reviewed[row.Input.ColumnId] = await db.Columns.AsNoTracking()
                        .AnyAsync(c => c.Id == row.Input.ColumnId && (c.ReviewLevels > 0 || c.RequiresConfidentialityReview), ct);
                }
                // Saved as a draft, then one workflow step: published through the gate, or submitted where the column
                // has review. A row the gate stops stays a draft: nothing of it is lost, and it is reported.
                // The row's own "publish" flag is the step below, never a second one inside the save.
                row.Input.Publish = false;
                var saved = await articles.SaveAsync(siteId, null, row.Input, ct);
                if (!saved.Succeeded)
                {
                    problems.Add(new(row.Line, Reasons(saved)));
                    progress?.Invoke(++done);
                    continue;
                }
                var itemId = saved.Value!.ItemId!.Value;
                var step = review
                    ? await workflow.SubmitAsync(itemId, ct)
                    : await workflow.PublishAsync(itemId, row.Input.PublishedAt is DateTime local ? ChinaTime.ToUtc(local) : null, ct);
                if (step.Succeeded)
                {
                    imported++;
                    submitted += review ? 1 : 0;
                }
                else
                {
                    drafts++;
                    var why = step.Blocked ? Library.LibraryService.GateErrors(step.Findings).All.SelectMany(e => e.Value) : step.Errors.All.SelectMany(e => e.Value);
                    problems.Add(new(row.Line, (review ? "已存为草稿，未能提交审核：" : "已存为草稿，未发布：") + string.Join("；", why)));
                }
                progress?.Invoke(++done);
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            FaultPoint.Reach("import.batch-committed");
        }
        return new(imported, problems, submitted, drafts);
    }

    /// <summary>
    /// What an earlier run of the same file already wrote: an import stopped part-way (a crash, a
    /// kill, a lost connection) has committed whole batches, and running it again must finish the
    /// rest without publishing those rows twice. A row counts as already there when its column
    /// holds an article with its title (and, when the row gives one, its publication time); rows
    /// of this run are not compared with each other.
    /// </summary>
    private async Task<HashSet<string>> AlreadyThereAsync(int siteId, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var columns = rows.Where(r => r.Input is not null).Select(r => r.Input!.ColumnId).Distinct().ToList();
        var titles = rows.Where(r => r.Input is not null).Select(r => r.Input!.Title).Distinct().ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in titles.Chunk(500))
        {
            var existing = await db.Articles.AsNoTracking().IgnoreQueryFilters()
                .Where(a => a.SiteId == siteId && columns.Contains(a.ColumnId) && chunk.Contains(a.Title))
                .Select(a => new { a.ColumnId, a.Title, a.PublishedAt }).ToListAsync(ct);
            foreach (var a in existing)
            {
                found.Add(Key(a.ColumnId, a.Title, null));
                if (a.PublishedAt is DateTime at)
                {
                    found.Add(Key(a.ColumnId, a.Title, at));
                }
            }
        }
        return found;
    }

    private static string Key(ArticleInput input) =>
        Key(input.ColumnId, input.Title, input.PublishedAt is DateTime local ? ChinaTime.ToUtc(local) : null);

    private static string Key(int columnId, string title, DateTime? publishedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{columnId}\n{title}\n{publishedUtc:O}");

    private static string Reasons(SaveResult<Article> result) =>
        result.Forbidden ? "没有权限" : string.Join("；", result.Errors.All.SelectMany(kv => kv.Value));
}
