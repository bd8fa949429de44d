using System.Data.Common;
using System.Text;
using GovSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>
/// SQLite FTS5 over pre-tokenised text. The "ascii" tokenizer splits only at ASCII spaces and
/// punctuation, so each pipeline token (a bigram, 社, zpyshebao) is one FTS token. User input
/// never reaches MATCH: the MATCH string is built from pipeline tokens, each double-quoted.
/// </summary>
public sealed class SqliteSearchBackend(GovSiteDb db) : ISearchBackend
{
    // Title tokens weigh ten times body tokens in bm25.
    private const string Rank = "bm25(search_fts, 10.0, 1.0)";

    public async Task EnsureSchemaAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'ascii', detail = 'column')", ct);

    public async Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct)
    {
        await RemoveAsync(id, ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_fts (rowid, title, body) VALUES ({id}, {titleTokens}, {bodyTokens})", ct);
    }

    public async Task RemoveAsync(int id, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_fts WHERE rowid = {id}", ct);

    public async Task ClearAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_fts", ct);

    public async Task<int> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return 0;
        }
        var parameters = new List<DbParameter> { new SqliteParameter("@q", Match(plan)) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM search_fts JOIN \"SearchDocuments\" d ON d.\"Id\" = search_fts.rowid WHERE search_fts MATCH @q AND {where} LIMIT {ISearchBackend.CountCap})";
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).SingleAsync(ct);
    }

    public async Task<List<SearchHit>> SearchAsync(QueryPlan plan, SearchFilter filter, bool newestFirst, int skip, int take, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return [];
        }
        if (!newestFirst && skip == 0)
        {
            // Ranking every body match of a common bigram costs most at a million documents; when
            // the titles alone fill the first page of candidates, body-only matches could not
            // outrank them (title weight 10, and the title-word bonus), so they are not scored.
            var inTitles = await QueryAsync("title : (" + Match(plan) + ")", filter, newestFirst, skip, take, ct);
            if (inTitles.Count >= take)
            {
                return inTitles;
            }
        }
        return await QueryAsync(Match(plan), filter, newestFirst, skip, take, ct);
    }

    /// <summary>
    /// Without filters, a query matching more than this many documents ranks only the newest
    /// this many (by article id): bm25 over every match of a common bigram is what costs at a
    /// million documents, and among so many matches the newer ones are the likelier answer.
    /// </summary>
    public const int RankWindow = 2000;

    private async Task<List<SearchHit>> QueryAsync(string match, SearchFilter filter, bool newestFirst, int skip, int take, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new SqliteParameter("@q", match) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new SqliteParameter(n, v));
        var unfiltered = filter with { NowUtc = default } == new SearchFilter(default);
        string sql;
        // Interpolated: only SQL built here and integers; every value is a parameter.
        if (newestFirst || !unfiltered)
        {
            var order = newestFirst ? "d.\"PublishedAt\" DESC, d.\"Id\" DESC" : $"{Rank}, d.\"PublishedAt\" DESC";
            sql = $"""
                SELECT d."Id" AS "Id", -{Rank} AS "Score" FROM search_fts JOIN "SearchDocuments" d ON d."Id" = search_fts.rowid
                WHERE search_fts MATCH @q AND {where} ORDER BY {order} LIMIT {take} OFFSET {skip}
                """;
        }
        else
        {
            sql = $"""
                SELECT d."Id" AS "Id", -m.r AS "Score"
                FROM (SELECT rowid AS id, {Rank} AS r FROM search_fts WHERE search_fts MATCH @q ORDER BY rowid DESC LIMIT {RankWindow}) AS m
                JOIN "SearchDocuments" d ON d."Id" = m.id
                WHERE {where} ORDER BY m.r, d."PublishedAt" DESC LIMIT {take} OFFSET {skip}
                """;
        }
        return await db.Database.SqlQueryRaw<SearchHit>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<long?> SizeAsync(CancellationToken ct)
    {
        try
        {
            return await db.Database.SqlQueryRaw<long>(
                "SELECT coalesce(sum(pgsize), 0) AS \"Value\" FROM dbstat WHERE name LIKE 'search_fts%' OR name = 'SearchDocuments'").SingleAsync(ct);
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
