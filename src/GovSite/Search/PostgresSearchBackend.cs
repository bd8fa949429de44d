using System.Data.Common;
using System.Text;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Search;

/// <summary>
/// PostgreSQL full-text search over pre-tokenised text: to_tsvector('simple', tokens) keeps each
/// pipeline token as a lexeme (title weight A, body D) in a GIN index. Queries are built from
/// plainto_tsquery over parameters, so no user text is ever parsed as tsquery syntax.
/// </summary>
public sealed class PostgresSearchBackend(GovSiteDb db) : ISearchBackend
{
    public async Task<bool> EnsureSchemaAsync(CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<bool>("SELECT to_regclass('search_tokens') IS NOT NULL AS \"Value\"").SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS search_tokens (id integer PRIMARY KEY, vec tsvector NOT NULL);
            CREATE INDEX IF NOT EXISTS search_tokens_vec ON search_tokens USING gin (vec);
            """, ct);
        return !exists;
    }

    public async Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_tokens (id, vec)
            VALUES ({id}, setweight(to_tsvector('simple', {titleTokens}), 'A') || setweight(to_tsvector('simple', {bodyTokens}), 'D'))
            ON CONFLICT (id) DO UPDATE SET vec = excluded.vec
            """, ct);

    public async Task RemoveAsync(int id, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_tokens WHERE id = {id}", ct);

    public async Task ClearAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("TRUNCATE search_tokens", ct);

    public async Task<SearchCount> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return new SearchCount(0, false);
        }
        var parameters = new List<DbParameter>();
        var query = TsQuery(plan, parameters);
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        // Newest first, so the cap-th match tells how far through the ids counting got (see ISearchBackend.Estimate).
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"""
            SELECT count(*)::int AS "Counted", coalesce(min(id), 0) AS "Lowest",
                (SELECT coalesce(min("Id"), 0) FROM "SearchDocuments") AS "LowestId", (SELECT coalesce(max("Id"), 0) FROM "SearchDocuments") AS "HighestId"
            FROM (SELECT t.id FROM search_tokens t JOIN "SearchDocuments" d ON d."Id" = t.id
                  WHERE t.vec @@ ({query}) AND {where} ORDER BY t.id DESC LIMIT {ISearchBackend.CountCap}) AS capped
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
        var parameters = new List<DbParameter>();
        var query = TsQuery(plan, parameters);
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var order = newestFirst ? "d.\"PublishedAt\" DESC, d.\"Id\" DESC" : "\"Score\" DESC, d.\"PublishedAt\" DESC";
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"""
            SELECT d."Id" AS "Id", ts_rank(ARRAY[0.1, 0.2, 0.4, 1.0]::float4[], t.vec, qq.q)::float8 * 10 AS "Score"
            FROM search_tokens t JOIN "SearchDocuments" d ON d."Id" = t.id CROSS JOIN (SELECT {query} AS q) AS qq
            WHERE t.vec @@ qq.q AND {where} ORDER BY {order} LIMIT {take} OFFSET {skip}
            """;
        return await db.Database.SqlQueryRaw<SearchHit>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<long?> SizeAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>(
            "SELECT (pg_total_relation_size('search_tokens') + pg_total_relation_size('\"SearchDocuments\"'))::bigint AS \"Value\"").SingleAsync(ct);

    /// <summary>(plainto_tsquery(a1) || plainto_tsquery(a2)) && (…), one parameter per alternative.</summary>
    private static string TsQuery(QueryPlan plan, List<DbParameter> parameters)
    {
        var sb = new StringBuilder();
        foreach (var term in plan.Terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(" && ");
            }
            sb.Append('(');
            var first = true;
            foreach (var alternative in term)
            {
                var name = $"@q{parameters.Count}";
                parameters.Add(new NpgsqlParameter(name, string.Join(' ', alternative.Tokens)));
                sb.Append(first ? "" : " || ").Append("plainto_tsquery('simple', ").Append(name).Append(')');
                first = false;
            }
            sb.Append(')');
        }
        return sb.ToString();
    }
}
