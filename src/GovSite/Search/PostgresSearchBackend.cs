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
    /// <summary>Bumped whenever what the tables hold changes; another layout is dropped and indexed again. 1 had weighted to_tsvector vectors and no title table.</summary>
    private const int Layout = 2;

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

    public async Task<SearchCount> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return new SearchCount(0, false);
        }
        var newest = await NewestIdsAsync(TsQuery(plan.Terms), filter, ISearchBackend.CountCap, ct);
        return newest.Count < ISearchBackend.CountCap ? new SearchCount(newest.Count, false) : await EstimateAsync(newest.Count, newest[^1], ct);
    }

    public async Task<SearchCandidates> CandidatesAsync(QueryPlan plan, SearchFilter filter, int depth, bool everyMatch, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return SearchCandidates.None;
        }
        var query = TsQuery(plan.Terms);
        var newest = await NewestIdsAsync(query, filter, everyMatch ? null : ISearchBackend.CountCap, ct);
        if (everyMatch)
        {
            return new SearchCandidates(new SearchCount(newest.Count, false), newest, true);
        }
        var count = newest.Count < ISearchBackend.CountCap ? new SearchCount(newest.Count, false) : await EstimateAsync(newest.Count, newest[^1], ct);
        if (!count.Estimated && count.Value <= 3 * depth)
        {
            return new SearchCandidates(count, newest, true);
        }
        var ids = new List<int>(newest.Take(depth));
        ids.AddRange(await TitleMatchesAsync(query, filter, depth, ct));
        var rarest = await RarestAsync(plan, ct);
        if (SearchText.Focus(plan.Terms[rarest]) is { } focus)
        {
            ids.AddRange(await NewestIdsAsync(TsQuery([[focus], .. plan.Terms]), filter, depth, ct));
        }
        if (plan.Terms.Count > 1)
        {
            ids.AddRange(await RarestInTitleAsync(TsQuery([plan.Terms[rarest]]), query, filter, depth, ct));
        }
        return new SearchCandidates(count, [.. ids.Distinct()], false);
    }

    private async Task<int> RarestAsync(QueryPlan plan, CancellationToken ct)
    {
        if (plan.Terms.Count == 1)
        {
            return 0;
        }
        var frequencies = new List<double>();
        foreach (var term in plan.Terms)
        {
            frequencies.Add(await FrequencyAsync(term, ct));
        }
        return frequencies.IndexOf(frequencies.Min());
    }

    private async Task<SearchCount> EstimateAsync(int counted, int lowestCounted, CancellationToken ct)
    {
        var range = await db.Database.SqlQueryRaw<IdRange>(
            "SELECT coalesce(min(\"Id\"), 0) AS \"Lowest\", coalesce(max(\"Id\"), 0) AS \"Highest\" FROM \"SearchDocuments\"").SingleAsync(ct);
        return ISearchBackend.Estimate(counted, lowestCounted, range.Lowest, range.Highest);
    }

    private sealed record IdRange(int Lowest, int Highest);

    /// <summary>
    /// Matching ids, newest first. With no filter but the publication time, the few documents not
    /// yet published are left out by id instead of reading every match's SearchDocuments row.
    /// </summary>
    private async Task<List<int>> NewestIdsAsync(string query, SearchFilter filter, int? limit, CancellationToken ct,
        IReadOnlyCollection<int>? except = null, int skip = 0)
    {
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", query) };
        var leaveOut = except is { Count: > 0 } ? $" AND t.id <> ALL({Ids(except)})" : "";
        string sql;
        if (filter == new SearchFilter(filter.NowUtc))
        {
            parameters.Add(new NpgsqlParameter("@now", filter.NowUtc));
            sql = $"""
                SELECT t.id AS "Value" FROM search_tokens t
                WHERE t.vec @@ @q::tsquery AND t.id NOT IN (SELECT d."Id" FROM "SearchDocuments" d WHERE d."PublishedAt" > @now){leaveOut}
                """;
        }
        else
        {
            var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
            sql = $"""
                SELECT t.id AS "Value" FROM search_tokens t JOIN "SearchDocuments" d ON d."Id" = t.id
                WHERE t.vec @@ @q::tsquery AND {where}{leaveOut}
                """;
        }
        // Interpolated: only SQL built here and integers; every value is a parameter.
        sql += $" ORDER BY t.id DESC{(limit is int l ? $" LIMIT {l}" : "")}{(skip > 0 ? $" OFFSET {skip}" : "")}";
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>The shortest titles holding the query, newest first among equal lengths.</summary>
    private async Task<List<int>> TitleMatchesAsync(string query, SearchFilter filter, int limit, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", query) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var sql = $"""
            SELECT ti.id AS "Value" FROM search_title ti JOIN "SearchDocuments" d ON d."Id" = ti.id
            WHERE ti.vec @@ @q::tsquery AND {where} ORDER BY ti.key LIMIT {limit}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>The newest matches with the rarest term in the title.</summary>
    private async Task<List<int>> RarestInTitleAsync(string rarest, string query, SearchFilter filter, int limit, CancellationToken ct)
    {
        var parameters = new List<DbParameter> { new NpgsqlParameter("@r", rarest), new NpgsqlParameter("@q", query) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var sql = $"""
            SELECT t.id AS "Value" FROM search_title ti JOIN search_tokens t ON t.id = ti.id JOIN "SearchDocuments" d ON d."Id" = ti.id
            WHERE ti.vec @@ @r::tsquery AND t.vec @@ @q::tsquery AND {where} ORDER BY t.id DESC LIMIT {limit}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public Task<List<int>> NewestAsync(QueryPlan plan, SearchFilter filter, IReadOnlyCollection<int> except, int skip, int take, CancellationToken ct) =>
        plan.IsEmpty ? Task.FromResult(new List<int>()) : NewestIdsAsync(TsQuery(plan.Terms), filter, take, ct, except, skip);

    public async Task<List<int>> ByDateAsync(QueryPlan plan, SearchFilter filter, int skip, int take, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return [];
        }
        var parameters = new List<DbParameter> { new NpgsqlParameter("@q", TsQuery(plan.Terms)) };
        var where = SqlFilter.Where(filter, parameters, (n, v) => new NpgsqlParameter(n, v));
        var sql = $"""
            SELECT d."Id" AS "Value" FROM search_tokens t JOIN "SearchDocuments" d ON d."Id" = t.id
            WHERE t.vec @@ @q::tsquery AND {where} ORDER BY d."PublishedAt" DESC, d."Id" DESC LIMIT {take} OFFSET {skip}
            """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
    }

    public async Task<double> FrequencyAsync(List<Alternative> term, CancellationToken ct)
    {
        var ids = await db.Database.SqlQueryRaw<int>(
            "SELECT id AS \"Value\" FROM search_tokens WHERE vec @@ @q::tsquery ORDER BY id DESC LIMIT 100",
            new NpgsqlParameter("@q", TsQuery([term]))).ToListAsync(ct);
        if (ids.Count < 100)
        {
            return ids.Count;
        }
        var range = await db.Database.SqlQueryRaw<IdRange>(
            "SELECT coalesce(min(\"Id\"), 0) AS \"Lowest\", coalesce(max(\"Id\"), 0) AS \"Highest\" FROM \"SearchDocuments\"").SingleAsync(ct);
        return range.Highest <= range.Lowest ? ids.Count : ids.Count * (double)(range.Highest - range.Lowest + 1) / (range.Highest - ids[^1] + 1);
    }

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
    internal static string TsQuery(List<List<Alternative>> terms)
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
