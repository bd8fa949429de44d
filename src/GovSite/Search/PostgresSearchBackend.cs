using System.Data.Common;
using System.Text;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Search;

/// <summary>
/// PostgreSQL over pre-tokenised text, in GIN indexes:
/// <list type="bullet">
/// <item><c>search_tokens(id, vec)</c>: every token of a document, for matching, counting (newest
/// first, by id) and the candidate windows;</item>
/// <item><c>search_title(id, key, vec)</c>: the title tokens, with the same key as SQLite's title
/// table (title length, then newest), so the shortest titles holding the query are one
/// <c>ORDER BY key LIMIT n</c>.</item>
/// </list>
/// Vectors are built from the pipeline's tokens as they are (<c>array_to_tsvector</c>) and
/// queries are tsquery text of quoted pipeline tokens, so no parser or dictionary touches them
/// and no user text is ever read as tsquery syntax. Nothing is ranked here: ts_rank over every
/// match of a common bigram took up to a second at 100,000 documents; <see cref="SearchRanking"/>
/// ranks the candidates. The token tables store their vectors out of line (toast_tuple_target),
/// so a bitmap scan over thousands of matches reads small rows.
/// </summary>
public sealed class PostgresSearchBackend(GovSiteDb db) : ISearchBackend
{
    /// <summary>Bumped whenever what the tables hold changes; another layout is dropped and indexed again. 1 had weighted to_tsvector vectors and no title table; 2 no 文号 keys without their issuer.</summary>
    private const int Layout = 3;

    public async Task<bool> EnsureSchemaAsync(CancellationToken ct)
    {
        if (await CurrentLayoutAsync(ct))
        {
            return false;
        }
        await db.Database.ExecuteSqlRawAsync("""
            DROP TABLE IF EXISTS search_tokens; DROP TABLE IF EXISTS search_title; DROP TABLE IF EXISTS search_layout;
            CREATE TABLE search_tokens (id integer PRIMARY KEY, vec tsvector NOT NULL) WITH (toast_tuple_target = 128);
            CREATE INDEX search_tokens_vec ON search_tokens USING gin (vec);
            CREATE TABLE search_title (id integer PRIMARY KEY, key bigint NOT NULL, vec tsvector NOT NULL) WITH (toast_tuple_target = 128);
            CREATE INDEX search_title_vec ON search_title USING gin (vec);
            CREATE TABLE search_layout (version integer NOT NULL);
            """, ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO search_layout (version) VALUES ({Layout})", ct);
        return true;
    }

    private async Task<bool> CurrentLayoutAsync(CancellationToken ct)
    {
        var present = await db.Database.SqlQueryRaw<bool>(
            "SELECT to_regclass('search_layout') IS NOT NULL AND to_regclass('search_title') IS NOT NULL AS \"Value\"").SingleAsync(ct);
        return present && await db.Database.SqlQueryRaw<int>("SELECT coalesce(max(version), 0) AS \"Value\" FROM search_layout").SingleAsync(ct) == Layout;
    }

    public async Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct)
    {
        var all = (titleTokens + " " + bodyTokens).Trim();
        var key = SqliteSearchBackend.TitleKey(id, titleTokens);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_tokens (id, vec) VALUES ({id}, array_to_tsvector(string_to_array({all}, ' ')))
            ON CONFLICT (id) DO UPDATE SET vec = excluded.vec
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO search_title (id, key, vec) VALUES ({id}, {key}, array_to_tsvector(string_to_array({titleTokens.Trim()}, ' ')))
            ON CONFLICT (id) DO UPDATE SET key = excluded.key, vec = excluded.vec
            """, ct);
    }

    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_tokens WHERE id = {id}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM search_title WHERE id = {id}", ct);
    }

    public async Task ClearAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("TRUNCATE search_tokens; TRUNCATE search_title", ct);

    public async Task<List<int>> NewestAsync(IReadOnlyList<List<Alternative>> terms, IReadOnlyList<List<Alternative>> titleTerms,
        SearchFilter filter, int? limit, CancellationToken ct, int skip = 0, IReadOnlyCollection<int>? except = null)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", TsQuery(terms)) };
        var from = "search_tokens t";
        var conditions = new List<string> { "t.vec @@ @q::tsquery" };
        if (titleTerms.Count > 0)
        {
            parameters.Add(new NpgsqlParameter("@t", TsQuery(titleTerms)));
            from += " JOIN search_title ti ON ti.id = t.id";
            conditions.Add("ti.vec @@ @t::tsquery");
        }
        if (except is { Count: > 0 })
        {
            conditions.Add($"t.id <> ALL({Ids(except)})");
        }
        if (filter.OnlyExcludes)
        {
            // Only the publication time and hidden sites: the few documents these leave out are
            // left out by id. Joining SearchDocuments instead lets the planner walk the primary key
            // newest first, reading each row's vector out of line, to find the LIMIT's matches: a
            // read that matches nothing then reads every vector (0.8 s at 100,000 documents, against
            // 0.1 ms through the GIN index).
            var excluded = SqlFilter.Excluded(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
            conditions.Add($"t.id NOT IN (SELECT d.\"Id\" FROM \"SearchDocuments\" d WHERE {excluded})");
        }
        else
        {
            from += " JOIN \"SearchDocuments\" d ON d.\"Id\" = t.id";
            conditions.Add(SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v)));
        }
        // Interpolated: only SQL built here and integers; every value is a parameter.
        var sql = $"""
            SELECT t.id AS "Value" FROM {from} WHERE {string.Join(" AND ", conditions)}
            ORDER BY t.id DESC{(limit is int l ? $" LIMIT {l}" : "")}{(skip > 0 ? $" OFFSET {skip}" : "")}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<List<int>> ShortestTitlesAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int limit, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", TsQuery(terms)) };
        if (filter.OnlyExcludes)
        {
            var excluded = SqlFilter.Excluded(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
            var keyed = $"""
                SELECT ti.id AS "Value" FROM search_title ti
                WHERE ti.vec @@ @q::tsquery AND ti.id NOT IN (SELECT d."Id" FROM "SearchDocuments" d WHERE {excluded}) ORDER BY ti.key LIMIT {limit}
                """;
            return await db.Database.SqlQueryRaw<int>(keyed, [.. parameters]).ToListAsync(ct);
        }
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var sql = $"""
            SELECT ti.id AS "Value" FROM search_title ti JOIN "SearchDocuments" d ON d."Id" = ti.id
            WHERE ti.vec @@ @q::tsquery AND {where} ORDER BY ti.key LIMIT {limit}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<List<int>> ByDateAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int skip, int take, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", TsQuery(terms)) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var sql = $"""
            SELECT d."Id" AS "Value" FROM search_tokens t JOIN "SearchDocuments" d ON d."Id" = t.id
            WHERE t.vec @@ @q::tsquery AND {where} ORDER BY d."PublishedAt" DESC, d."Id" DESC LIMIT {take} OFFSET {skip}
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

    public async Task<double> DocumentsAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM search_tokens").SingleAsync(ct);

    public async Task<long?> SizeAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>("""
            SELECT (pg_total_relation_size('search_tokens') + pg_total_relation_size('search_title')
                + pg_total_relation_size('"SearchDocuments"'))::bigint AS "Value"
            """).SingleAsync(ct);

    /// <summary>
    /// tsquery text: ('a' &amp; 'b' | 'c') &amp; (…), AND inside an alternative, OR between them. Pipeline
    /// tokens hold only letters, digits and Han characters; quoting is doubled all the same.
    /// </summary>
    internal static string TsQuery(IReadOnlyList<List<Alternative>> terms)
    {
        var sb = new StringBuilder();
        foreach (var term in terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(" & ");
            }
            sb.Append('(');
            sb.AppendJoin(" | ", term.Select(a => "(" + string.Join(" & ", a.Tokens.Select(Quote)) + ")"));
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static string Quote(string token) =>
        "'" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Ids this code read from the index, as an array literal.</summary>
    private static string Ids(IEnumerable<int> ids) =>
        "ARRAY[" + string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]::integer[]";
}
