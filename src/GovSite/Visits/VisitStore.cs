using System.Data.Common;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Visits;

/// <summary>Counted views summed per site, page and facet and day, ready to be added to the aggregates.</summary>
public sealed class VisitTally
{
    public sealed class Counts
    {
        public long Views { get; set; }
        public long Visitors { get; set; }
        public int? ColumnId { get; set; }
    }

    public Dictionary<(int SiteId, DateOnly Day), Counts> Sites { get; } = [];
    public Dictionary<(int SiteId, DateOnly Day, string Path), Counts> Pages { get; } = [];
    public Dictionary<(int SiteId, DateOnly Day, VisitFacet Facet, string Value), long> Facets { get; } = [];

    public long Views => Sites.Values.Sum(c => c.Views);

    public void Add(int siteId, DateOnly day, string path, int? columnId, string referrer, string device, bool newVisitor, bool newPageVisitor)
    {
        var site = Get(Sites, (siteId, day));
        site.Views++;
        site.Visitors += newVisitor ? 1 : 0;
        var page = Get(Pages, (siteId, day, path));
        page.Views++;
        page.Visitors += newPageVisitor ? 1 : 0;
        page.ColumnId = columnId ?? page.ColumnId;
        Facets[(siteId, day, VisitFacet.Referrer, referrer)] = Facets.GetValueOrDefault((siteId, day, VisitFacet.Referrer, referrer)) + 1;
        Facets[(siteId, day, VisitFacet.Device, device)] = Facets.GetValueOrDefault((siteId, day, VisitFacet.Device, device)) + 1;
    }

    /// <summary>Adds counts already summed elsewhere (the demo's generated year).</summary>
    public void AddSums(int siteId, DateOnly day, string path, int? columnId, long views, long visitors)
    {
        var site = Get(Sites, (siteId, day));
        site.Views += views;
        site.Visitors += visitors;
        var page = Get(Pages, (siteId, day, path));
        page.Views += views;
        page.Visitors += visitors;
        page.ColumnId = columnId ?? page.ColumnId;
    }

    public void AddFacet(int siteId, DateOnly day, VisitFacet facet, string value, long views) =>
        Facets[(siteId, day, facet, value)] = Facets.GetValueOrDefault((siteId, day, facet, value)) + views;

    private static Counts Get<TKey>(Dictionary<TKey, Counts> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var counts))
        {
            map[key] = counts = new Counts();
        }
        return counts;
    }
}

/// <summary>
/// Adds tallies to the daily aggregates by upsert (INSERT … ON CONFLICT DO UPDATE, the same text on
/// SQLite and PostgreSQL), so any number of nodes and imports add to the same rows without reading them.
/// </summary>
public static class VisitStore
{
    private const int RowsPerStatement = 400;

    /// <summary>Of the given visitor marks, those not seen before today (inserted now).</summary>
    public static async Task<HashSet<(DateOnly Day, long Key)>> NewMarksAsync(GovSiteDb db, IEnumerable<(DateOnly Day, long Key)> marks, CancellationToken ct)
    {
        var fresh = new HashSet<(DateOnly, long)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var chunk in marks.Distinct().Chunk(RowsPerStatement))
            {
                await using var command = connection.CreateCommand();
                var values = new List<string>(chunk.Length);
                for (var i = 0; i < chunk.Length; i++)
                {
                    values.Add($"(@d{i}, @k{i})");
                    Parameter(command, $"d{i}", chunk[i].Day);
                    Parameter(command, $"k{i}", chunk[i].Key);
                }
                command.CommandText = $"""INSERT INTO "VisitorMarks" ("Day", "Key") VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING RETURNING "Day", "Key" """;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    fresh.Add((ReadDay(reader, 0), reader.GetInt64(1)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return fresh;
    }

    public static async Task AddAsync(GovSiteDb db, VisitTally tally, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var chunk in tally.Sites.Chunk(RowsPerStatement))
            {
                await ExecuteAsync(connection, transaction, chunk, (command, i, row) =>
                {
                    Parameter(command, $"s{i}", row.Key.SiteId);
                    Parameter(command, $"d{i}", row.Key.Day);
                    Parameter(command, $"v{i}", row.Value.Views);
                    Parameter(command, $"u{i}", row.Value.Visitors);
                    return $"(@s{i}, @d{i}, @v{i}, @u{i})";
                }, values => $"""
                    INSERT INTO "SiteVisitDays" ("SiteId", "Day", "Views", "Visitors") VALUES {values}
                    ON CONFLICT ("SiteId", "Day") DO UPDATE SET "Views" = "SiteVisitDays"."Views" + excluded."Views",
                        "Visitors" = "SiteVisitDays"."Visitors" + excluded."Visitors"
                    """, ct);
            }
            foreach (var chunk in tally.Pages.Chunk(RowsPerStatement))
            {
                await ExecuteAsync(connection, transaction, chunk, (command, i, row) =>
                {
                    Parameter(command, $"s{i}", row.Key.SiteId);
                    Parameter(command, $"d{i}", row.Key.Day);
                    Parameter(command, $"p{i}", row.Key.Path);
                    Parameter(command, $"c{i}", row.Value.ColumnId);
                    Parameter(command, $"v{i}", row.Value.Views);
                    Parameter(command, $"u{i}", row.Value.Visitors);
                    return $"(@s{i}, @d{i}, @p{i}, @c{i}, @v{i}, @u{i})";
                }, values => $"""
                    INSERT INTO "PageVisitDays" ("SiteId", "Day", "Path", "ColumnId", "Views", "Visitors") VALUES {values}
                    ON CONFLICT ("SiteId", "Day", "Path") DO UPDATE SET "Views" = "PageVisitDays"."Views" + excluded."Views",
                        "Visitors" = "PageVisitDays"."Visitors" + excluded."Visitors",
                        "ColumnId" = COALESCE(excluded."ColumnId", "PageVisitDays"."ColumnId")
                    """, ct);
            }
            foreach (var chunk in tally.Facets.Chunk(RowsPerStatement))
            {
                await ExecuteAsync(connection, transaction, chunk, (command, i, row) =>
                {
                    Parameter(command, $"s{i}", row.Key.SiteId);
                    Parameter(command, $"d{i}", row.Key.Day);
                    Parameter(command, $"f{i}", row.Key.Facet.ToString());
                    Parameter(command, $"x{i}", row.Key.Value);
                    Parameter(command, $"v{i}", row.Value);
                    return $"(@s{i}, @d{i}, @f{i}, @x{i}, @v{i})";
                }, values => $"""
                    INSERT INTO "VisitFacetDays" ("SiteId", "Day", "Facet", "Value", "Views") VALUES {values}
                    ON CONFLICT ("SiteId", "Day", "Facet", "Value") DO UPDATE SET "Views" = "VisitFacetDays"."Views" + excluded."Views"
                    """, ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, T[] rows,
        Func<DbCommand, int, T, string> row, Func<string, string> statement, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            values.Add(row(command, i, rows[i]));
        }
        command.CommandText = statement(string.Join(", ", values));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        if (value is null)
        {
            p.DbType = System.Data.DbType.Int32;
        }
        command.Parameters.Add(p);
    }

    /// <summary>SQLite gives the day back as text, PostgreSQL as a date.</summary>
    private static DateOnly ReadDay(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        var other => throw new InvalidOperationException($"Unexpected day value {other}"),
    };
}
