using System.Data.Common;
using System.Globalization;
using System.Text;
using GovSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>
/// SQLite FTS5 over pre-tokenised text, in two contentless tables with token positions
/// (detail=full). The first layout kept the token strings (content) with column-level detail:
/// that copy was 60% of the file, and without positions in the index bm25 re-tokenised each
/// matching row's stored text to score it, which is where a common bigram's time went. Positions
/// let bm25 score from the index alone. Snippets come from SearchDocuments, not from FTS5.
/// <list type="bullet">
/// <item><c>search_text(title, body)</c>: every token, for matching and counting, and for
/// ranking the documents whose title does not match;</item>
/// <item><c>search_title(title, band)</c>: title tokens only, for ranking title matches. Its
/// posting lists are a tenth of the size, so bm25's per-phrase document counts and per-row
/// scoring read a tenth as much. <c>band</c> holds length bands (see <see cref="Bands"/>).</item>
/// </list>
/// The "ascii" tokenizer splits only at ASCII spaces and punctuation, so each pipeline token (a
/// bigram, 社, zpyshebao) is one FTS token. User input never reaches MATCH: the MATCH string is
/// built from pipeline tokens, each double-quoted.
/// </summary>
public sealed class SqliteSearchBackend(GovSiteDb db) : ISearchBackend
{
    public const string CreateSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(title, body, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'full');
        CREATE VIRTUAL TABLE IF NOT EXISTS search_title USING fts5(title, band, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'full');
        INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
        INSERT INTO search_title (search_title, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
        """;

    public const string InsertTextSql = "INSERT INTO search_text (rowid, title, body) VALUES ($id, $title, $body)";
    public const string InsertTitleSql = "INSERT INTO search_title (rowid, title, band) VALUES ($id, $title, $band)";

    // Ranks are each table's configured "rank" (CreateSql), so that FTS5 itself orders by it:
    // search_text title tokens weigh ten times body tokens, as they always have; search_title's
    // band column only selects and must not score.

    /// <summary>Title matches up to this many are all scored; beyond it the length bands cut the work.</summary>
    public int FullRankLimit { get; init; } = 3000;

    public async Task<bool> EnsureSchemaAsync(CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name IN ('search_text', 'search_title')").SingleAsync(ct);
        // The first layout (search_fts, with content) is replaced; its documents are indexed again.
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS search_fts", ct);
        await db.Database.ExecuteSqlRawAsync(CreateSql, ct);
        return exists < 2;
    }

    public async Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct)
    {
        await RemoveAsync(id, ct);
        var band = Bands(titleTokens);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_text (rowid, title, body) VALUES ({id}, {titleTokens}, {bodyTokens})", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_title (rowid, title, band) VALUES ({id}, {titleTokens}, {band})", ct);
    }

    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_text WHERE rowid = {id}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_title WHERE rowid = {id}", ct);
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_text", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_title", ct);
    }

    /// <summary>
    /// Length thresholds, in title tokens (a title has about five per character: character,
    /// bigram, pinyin and initials), about 10% apart. A title of L tokens gets the token
    /// <c>zle{T}</c> for every threshold T ≥ L, so "titles no longer than T" is one FTS5 term.
    /// </summary>
    private static readonly int[] Thresholds =
        [24, 28, 32, 36, 40, 44, 48, 53, 58, 64, 70, 77, 85, 94, 103, 113, 124, 136, 150, 165, 181, 200, 220, 242, 266];

    /// <summary>The band column of a title: its length thresholds.</summary>
    public static string Bands(string titleTokens)
    {
        var length = titleTokens.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return string.Join(' ', Thresholds.Where(t => t >= length).Select(t => "zle" + t.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<SearchCount> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return new SearchCount(0, false);
        }
        var parameters = new List<DbParameter> { new SqliteParameter("@q", Match(plan)) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        // Newest first, so the cap-th match tells how far through the ids counting got.
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"""
            SELECT count(*) AS "Counted", coalesce(min(id), 0) AS "Lowest",
                (SELECT coalesce(min("Id"), 0) FROM "SearchDocuments") AS "LowestId", (SELECT coalesce(max("Id"), 0) FROM "SearchDocuments") AS "HighestId"
            FROM (SELECT d."Id" AS id FROM search_text JOIN "SearchDocuments" d ON d."Id" = search_text.rowid
                  WHERE search_text MATCH @q AND {where} ORDER BY search_text.rowid DESC LIMIT {ISearchBackend.CountCap})
            """;
        var row = await db.Database.SqlQueryRaw<CountRow>(sql, [.. parameters]).SingleAsync(ct);
        return ISearchBackend.Estimate(row.Counted, row.Lowest, row.LowestId, row.HighestId);
    }

    private sealed record CountRow(int Counted, int Lowest, int LowestId, int HighestId);

    public async Task<List<SearchHit>> SearchAsync(QueryPlan plan, SearchFilter filter, bool newestFirst, int skip, int take, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return [];
        }
        var match = Match(plan);
        if (newestFirst)
        {
            return await QueryAsync("search_text", match, filter, "d.\"PublishedAt\" DESC, d.\"Id\" DESC", skip, take, ct);
        }
        // When the titles alone fill the candidates, body-only matches could not outrank them (title
        // weight ten, and the title-word bonus), so only titles are scored; otherwise everything is,
        // titles and bodies together, and few titles match so few bodies do.
        var wanted = skip + take;
        var inTitles = await TitleMatchesAsync(plan, match, filter, wanted, ct);
        if (inTitles.Count >= wanted)
        {
            return [.. inTitles.Skip(skip).Take(take)];
        }
        return await QueryAsync("search_text", match, filter, "search_text.rank", skip, take, ct);
    }

    /// <summary>
    /// The best <paramref name="wanted"/> title matches by bm25. Scoring every title match of a
    /// common bigram (tens of thousands at a million documents) was what made searches slow, so
    /// when there are more than <see cref="FullRankLimit"/>, only titles up to a length threshold
    /// are scored: the shortest threshold under which at least <paramref name="wanted"/> match.
    /// With one alternative per term, every match holds every query token, and bm25 then falls
    /// as the title grows: titles under the threshold outrank those above it and the result is
    /// the same as scoring everything, unless a longer title repeats a query bigram (rare in a
    /// title). With alternatives (synonyms, pinyin readings) a long title with a rarer
    /// alternative could outrank a short one; the cut can then miss it.
    /// </summary>
    private async Task<List<SearchHit>> TitleMatchesAsync(QueryPlan plan, string match, SearchFilter filter, int wanted, CancellationToken ct)
    {
        match = $"title : ({match})";
        if (await CountTitlesAsync(match, ct) > FullRankLimit)
        {
            // The shortest threshold under which enough titles match: counts grow with the
            // threshold, so a binary search needs about five counts.
            int low = 0, high = Thresholds.Length - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (await CountTitlesAsync(Banded(match, middle), ct) >= wanted)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }
            // A filter (site, year…) can leave too few under the threshold: then score them all.
            if (low < Thresholds.Length - 1)
            {
                var hits = await ShortestAsync(Banded(match, low), plan.Terms.Count, filter, wanted, ct);
                if (hits.Count >= wanted)
                {
                    return hits;
                }
            }
        }
        return Scaled(await QueryAsync("search_title", match, filter, "search_title.rank", 0, wanted, ct));

        static string Banded(string match, int band) =>
            $"({match}) AND band : zle{Thresholds[band].ToString(CultureInfo.InvariantCulture)}";

        // On the scale of the one-table bm25(10, 1) the reranker was tuned on: title weight ten.
        static List<SearchHit> Scaled(List<SearchHit> hits) => [.. hits.Select(h => h with { Score = h.Score * 10 })];
    }

    /// <summary>
    /// The shortest titles among a band's matches, newest first among equals: bm25's order for a
    /// query without alternatives (see above), without bm25 itself, which would first count the
    /// documents of every query phrase over the whole table, the band term's hundreds of
    /// thousands included. The length is the title column's entry in FTS5's docsize shadow table
    /// (a varint list; titles are under 16,384 tokens, so one or two bytes). The score has
    /// bm25's shape with unit document frequencies: its order is exact, its size approximate.
    /// </summary>
    private async Task<List<SearchHit>> ShortestAsync(string banded, int terms, SearchFilter filter, int wanted, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new SqliteParameter("@q", banded) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        const string Byte0 = "((instr('0123456789ABCDEF', substr(hex(s.sz), 1, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(hex(s.sz), 2, 1)) - 1)";
        const string Byte1 = "((instr('0123456789ABCDEF', substr(hex(s.sz), 3, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(hex(s.sz), 4, 1)) - 1)";
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"""
            SELECT d."Id" AS "Id", CASE WHEN {Byte0} < 128 THEN {Byte0} ELSE ({Byte0} - 128) * 128 + {Byte1} END AS "Length"
            FROM search_title JOIN search_title_docsize s ON s.id = search_title.rowid JOIN "SearchDocuments" d ON d."Id" = search_title.rowid
            WHERE search_title MATCH @q AND {where} ORDER BY "Length", d."Id" DESC LIMIT {wanted}
            """;
        var rows = await db.Database.SqlQueryRaw<LengthRow>(sql, [.. parameters]).ToListAsync(ct);
        // k1 = 1.2, b = 0.75 as FTS5's bm25, an average title of 100 tokens, times ten as Scaled.
        return [.. rows.Select(r => new SearchHit(r.Id, 10 * terms * 2.2 / (1 + 1.2 * (0.25 + 0.75 * r.Length / 100.0))))];
    }

    private sealed record LengthRow(int Id, int Length);

    private async Task<int> CountTitlesAsync(string match, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM search_title WHERE search_title MATCH @q",
            new SqliteParameter("@q", match)).SingleAsync(ct);

    private async Task<List<SearchHit>> QueryAsync(string table, string match, SearchFilter filter, string order,
        int skip, int take, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new SqliteParameter("@q", match) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        // Interpolated: only SQL built here and integers; every value is a parameter. The FTS
        // table is the outer loop, so FTS5 itself orders by rank and the join stops at LIMIT.
        var sql = $"""
            SELECT d."Id" AS "Id", -{table}.rank AS "Score" FROM {table} JOIN "SearchDocuments" d ON d."Id" = {table}.rowid
            WHERE {table} MATCH @q AND {where} ORDER BY {order} LIMIT {take} OFFSET {skip}
            """;
        return await db.Database.SqlQueryRaw<SearchHit>(sql, [.. parameters]).ToListAsync(ct);
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
    internal static string Match(QueryPlan plan)
    {
        var sb = new StringBuilder();
        foreach (var term in plan.Terms)
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
