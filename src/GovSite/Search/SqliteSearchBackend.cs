using System.Data.Common;
using System.Text;
using GovSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>
/// SQLite FTS5 over pre-tokenised text, in two contentless tables with token positions
/// (detail=full), so FTS5 keeps no copy of the text (snippets come from SearchDocuments).
/// <list type="bullet">
/// <item><c>search_text(title, body)</c>, rowid = <see cref="TextKey"/> (newest first): every
/// token, for matching, counting and the newest-first candidate windows;</item>
/// <item><c>search_title(title)</c>, rowid = <see cref="TitleKey"/>: title tokens only, keyed so
/// that FTS5's own rowid order is shortest title first, newest first among equals.</item>
/// </list>
/// FTS5 walks a MATCH in rowid order, merging posting lists as it goes, so <c>ORDER BY rowid
/// LIMIT n</c> stops after n matches however many there are; nothing is scored here
/// (<see cref="SearchRanking"/> ranks the candidates).
/// The "ascii" tokenizer splits only at ASCII spaces and punctuation, so each pipeline token (a
/// bigram, 社, zpyshebao) is one FTS token. User input never reaches MATCH: the MATCH string is
/// built from pipeline tokens, each double-quoted.
/// </summary>
public sealed class SqliteSearchBackend(GovSiteDb db) : ISearchBackend
{
    private const string TextTable =
        "CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'full')";

    private const string TitleTable =
        "CREATE VIRTUAL TABLE search_title USING fts5(title, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'full')";

    /// <summary>
    /// Kept in search_layout and bumped whenever what a table holds or how it is keyed changes (a
    /// change of keys does not show in the CREATE statements): a database of another layout is
    /// indexed again. 1 was search_fts with its token text, 2 search_text by document id with a
    /// banded search_title; neither had search_layout. 3 had no pinyin, 文号 or focus marks in bodies;
    /// 4 no 文号 keys without their issuer (zwh2014n57).
    /// </summary>
    private const int Layout = 5;

    public const string InsertTextSql = "INSERT INTO search_text (rowid, title, body) VALUES ($key, $title, $body)";
    public const string InsertTitleSql = "INSERT INTO search_title (rowid, title) VALUES ($key, $title)";

    /// <summary>The document id inside a <see cref="TitleKey"/>, in SQL.</summary>
    private const string TitleId = "(4294967295 - (search_title.rowid & 4294967295))";

    /// <summary>The document id of a <see cref="TextKey"/>, in SQL.</summary>
    private const string TextId = "(2147483647 - search_text.rowid)";

    /// <summary>
    /// search_text's rowid: the document id counted down from 2^31 − 1, so ascending rowids are
    /// newest first. FTS5 reads posting lists forwards far faster than backwards (at a million
    /// documents a sparse AND took 0.16 ms ascending against 7.3 ms descending, and 15 against
    /// 30 ms for one with 430 matches), and counting and the candidate windows want the newest.
    /// </summary>
    public static long TextKey(int id) => int.MaxValue - (long)id;

    /// <summary>
    /// search_title's rowid: the title's length in tokens in the high 32 bits, the document id
    /// counted down from 2^32 − 1 in the low 32, so ascending rowids are shortest title first and
    /// newest (highest id) first among equal lengths: the order of the shortest-titles window, since
    /// the ranking's title weight falls as the title grows.
    /// </summary>
    public static long TitleKey(int id, string titleTokens) => TitleKey(id, Tokens(titleTokens));

    private static long TitleKey(int id, int length) => ((long)length << 32) | (uint.MaxValue - (uint)id);

    /// <summary>Tokens as the ascii tokenizer counts them: pipeline tokens hold no ASCII punctuation.</summary>
    private static int Tokens(string tokens) => tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Layouts before this one (search_fts; search_title with a band column; ids as rowids) are dropped and re-indexed.</summary>
    public async Task<bool> EnsureSchemaAsync(CancellationToken ct)
    {
        if (await CurrentLayoutAsync(db, ct))
        {
            return false;
        }
        // A new database or an older layout: the token text is not stored anywhere (contentless),
        // so the caller indexes every document again (CatchUpAsync empties SearchDocuments when told true).
        await db.Database.ExecuteSqlRawAsync("""
            DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_text; DROP TABLE IF EXISTS search_title; DROP TABLE IF EXISTS search_layout;
            """, ct);
        await db.Database.ExecuteSqlRawAsync(TextTable + "; " + TitleTable + "; CREATE TABLE search_layout (version INTEGER NOT NULL)", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_layout (version) VALUES ({Layout})", ct);
        return true;
    }

    /// <summary>Whether the token tables are there in this code's layout (also for the benchmark's reuse of a database).</summary>
    public static async Task<bool> CurrentLayoutAsync(GovSiteDb db, CancellationToken ct)
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM sqlite_master WHERE name IN ('search_text', 'search_title', 'search_layout')").ToListAsync(ct);
        return tables.Count == 3 &&
            await db.Database.SqlQueryRaw<int>("SELECT max(version) AS \"Value\" FROM search_layout").SingleAsync(ct) == Layout;
    }

    public async Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct)
    {
        await RemoveAsync(id, ct);
        var key = TitleKey(id, titleTokens);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_text (rowid, title, body) VALUES ({TextKey(id)}, {titleTokens}, {bodyTokens})", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_title (rowid, title) VALUES ({key}, {titleTokens})", ct);
    }

    /// <summary>
    /// The title row's key holds the title's length, which the caller no longer knows (the
    /// document may have been edited): it is read from search_text's per-document token counts.
    /// </summary>
    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        var sizes = await db.Database.SqlQueryRaw<byte[]>("SELECT sz AS \"Value\" FROM search_text_docsize WHERE id = @key",
            new SqliteParameter("@key", TextKey(id))).ToListAsync(ct);
        if (sizes.Count == 0)
        {
            return;
        }
        var key = TitleKey(id, (int)Varints(sizes[0])[0]);
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_title WHERE rowid = {key}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_text WHERE rowid = {TextKey(id)}", ct);
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_text", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_title", ct);
    }

    /// <summary>
    /// <c>SELECT id FROM search_text … WHERE MATCH @q AND filter</c>. With no filter but the
    /// publication time and hidden sites, the documents not yet published or on a hidden site are
    /// few and found by SearchDocuments' indexes, so they are left out by key instead of reading
    /// every match's SearchDocuments row (a row holds the snippet text, and SQLite walks its
    /// overflow pages to reach PublishedAt behind it: a thousand rows cost more than the matching).
    /// </summary>
    private static string Matching(string column, SearchFilter filter, List<DbParameter> parameters)
    {
        if (filter.OnlyExcludes)
        {
            var excluded = SqlFilter.Excluded(filter, parameters, (n, v) => new SqliteParameter(n, v));
            return $"""
                SELECT {TextId} AS {column} FROM search_text WHERE search_text MATCH @q AND search_text.rowid NOT IN
                    (SELECT 2147483647 - d."Id" FROM "SearchDocuments" d WHERE {excluded})
                """;
        }
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        return $"""
            SELECT d."Id" AS {column} FROM search_text JOIN "SearchDocuments" d ON d."Id" = {TextId} WHERE search_text MATCH @q AND {where}
            """;
    }

    public async Task<List<int>> NewestAsync(IReadOnlyList<List<Alternative>> terms, IReadOnlyList<List<Alternative>> titleTerms,
        SearchFilter filter, int? limit, CancellationToken ct, int skip = 0, IReadOnlyCollection<int>? except = null)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var match = Match(terms) + (titleTerms.Count > 0 ? " AND title : " + Match(titleTerms) : "");
        var parameters = new List<DbParameter> { new SqliteParameter("@q", match) };
        // Ids are integers this code read from the index, so they go into the SQL as text.
        var leaveOut = except is { Count: > 0 } ? $" AND search_text.rowid NOT IN ({string.Join(',', except.Select(TextKey))})" : "";
        // Interpolated: only SQL built here and integers; every value is a parameter. Ascending text key is newest first.
        var sql = $"{Matching("\"Value\"", filter, parameters)}{leaveOut} ORDER BY search_text.rowid LIMIT {limit ?? -1} OFFSET {skip}";
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>The first titles in key order: shortest title, then newest.</summary>
    public async Task<List<int>> ShortestTitlesAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int limit, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new SqliteParameter("@q", Match(terms)) };
        if (filter.OnlyExcludes)
        {
            // As in Matching: the few documents left out, by key, instead of each match's row.
            var excluded = SqlFilter.Excluded(filter, parameters, (n, v) => new SqliteParameter(n, v));
            var keyed = $"""
                SELECT {TitleId} AS "Value" FROM search_title
                WHERE search_title MATCH @q AND {TitleId} NOT IN (SELECT d."Id" FROM "SearchDocuments" d WHERE {excluded})
                ORDER BY search_title.rowid LIMIT {limit}
                """;
            return await db.Database.SqlQueryRaw<int>(keyed, [.. parameters]).ToListAsync(ct);
        }
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        // The FTS table is the outer loop and consumes ORDER BY rowid, so the join (filters) stops at LIMIT.
        var sql = $"""
            SELECT {TitleId} AS "Value"
            FROM search_title JOIN "SearchDocuments" d ON d."Id" = {TitleId}
            WHERE search_title MATCH @q AND {where} ORDER BY search_title.rowid LIMIT {limit}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<List<int>> ByDateAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int skip, int take, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new SqliteParameter("@q", Match(terms)) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        var sql = $"""
            SELECT d."Id" AS "Value" FROM search_text JOIN "SearchDocuments" d ON d."Id" = {TextId}
            WHERE search_text MATCH @q AND {where} ORDER BY d."PublishedAt" DESC, d."Id" DESC LIMIT {take} OFFSET {skip}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<(int Lowest, int Highest)> IdRangeAsync(CancellationToken ct)
    {
        var range = await db.Database.SqlQueryRaw<IdRange>(
            // Two subqueries: SQLite answers a lone min() or max() from the index, both in one SELECT by reading every row.
            "SELECT coalesce((SELECT min(\"Id\") FROM \"SearchDocuments\"), 0) AS \"Lowest\", coalesce((SELECT max(\"Id\") FROM \"SearchDocuments\"), 0) AS \"Highest\"")
            .SingleAsync(ct);
        return (range.Lowest, range.Highest);
    }

    private sealed record IdRange(int Lowest, int Highest);

    /// <summary>Documents in the index, from FTS5's averages record (its first value).</summary>
    public async Task<double> DocumentsAsync(CancellationToken ct)
    {
        var blocks = await db.Database.SqlQueryRaw<byte[]>("SELECT block AS \"Value\" FROM search_text_data WHERE id = 1").ToListAsync(ct);
        var values = blocks.Count == 0 ? [] : Varints(blocks[0]);
        return values.Count == 0 ? 0 : values[0];
    }

    /// <summary>SQLite varints (big-endian, 7 bits a byte, the high bit set on all but the last), as FTS5 stores its counts.</summary>
    private static List<long> Varints(byte[] bytes)
    {
        var values = new List<long>();
        var i = 0;
        while (i < bytes.Length)
        {
            long value = 0;
            for (var n = 0; i < bytes.Length; n++)
            {
                var b = bytes[i++];
                if (n == 8)
                {
                    value = (value << 8) | b;
                    break;
                }
                value = (value << 7) | (long)(b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }
            values.Add(value);
        }
        return values;
    }

    public async Task<long?> SizeAsync(CancellationToken ct)
    {
        try
        {
            return await db.Database.SqlQueryRaw<long>(
                "SELECT coalesce(sum(pgsize), 0) AS \"Value\" FROM dbstat WHERE name LIKE 'search_text%' OR name LIKE 'search_title%' OR name = 'SearchDocuments'").SingleAsync(ct);
        }
        catch (SqliteException)
        {
            return null; // dbstat is an optional SQLite module
        }
    }

    /// <summary>(("a" "b") OR ("c")) AND (…): implicit AND inside an alternative, OR between alternatives.</summary>
    internal static string Match(QueryPlan plan) => Match(plan.Terms);

    private static string Match(IReadOnlyList<List<Alternative>> terms)
    {
        var sb = new StringBuilder();
        foreach (var term in terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(" AND ");
            }
            sb.Append('(');
            sb.AppendJoin(" OR ", term.Select(a => "(" + string.Join(' ', a.Tokens.Select(Quote)) + ")"));
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
