using System.Data.Common;
using System.Diagnostics;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Bench;

/// <param name="Content">False writes only regions, organisations, sites and domains (enough for resolving).</param>
public sealed record GenerateOptions(int Sites, string DataDirectory, bool Content = true);

public sealed record GenerateResult(
    TimeSpan Elapsed, int Regions, int Sites, int Domains, int Columns, int Articles,
    int LongArticleId, string LongArticleHost, string LongArticleSiteCode, int LongArticleBytes);

/// <summary>
/// Writes a fresh GovSite database with many sites. The schema comes from the product's own
/// migrations; the rows go in through prepared raw INSERTs in one transaction, because EF change
/// tracking over ~200,000 rows would take minutes rather than seconds.
/// </summary>
public static class SiteGenerator
{
    /// <summary>Sites per county: one portal (serial 0001) and its departments.</summary>
    public const int SitesPerCounty = 100;

    public const int CountiesPerCity = 10;

    public static string MainHost(int n) => $"s{n}.bench.gov.cn";

    public static string ZhengwuHost(int n) => $"站{n}.政务";

    public static async Task<GenerateResult> RunAsync(GenerateOptions options, Action<int>? siteDone = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var dataOptions = new DataOptions { DataDirectory = Path.GetFullPath(options.DataDirectory) };
        var builder = new DbContextOptionsBuilder<GovSiteDb>();
        DataSetup.Configure(builder, dataOptions);
        var access = new SiteAccess();
        access.BecomeSystem();
        await using var db = new GovSiteDb(builder.Options, access);
        await DataSetup.MigrateAsync(db, ct);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }
        // Only this bulk load runs without fsync; the server later opens the file with its defaults.
        await Exec(connection, "PRAGMA synchronous=OFF;", ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var writer = new Writer(connection, tx);
        var result = Write(writer, options, siteDone);
        await tx.CommitAsync(ct);
        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return result with { Elapsed = clock.Elapsed };
    }

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static GenerateResult Write(Writer w, GenerateOptions options, Action<int>? siteDone)
    {
        var now = DateTime.UtcNow;
        var counties = (options.Sites + SitesPerCounty - 1) / SitesPerCounty;
        var cities = (counties + CountiesPerCity - 1) / CountiesPerCity;

        // Region ids: 1 is the province, then the cities, then the counties.
        w.Region.Run(1, "990000", BenchText.ProvinceName, nameof(RegionLevel.Province), null);
        for (var c = 0; c < cities; c++)
        {
            w.Region.Run(2 + c, $"99{c + 1:00}00", BenchText.CityName(c), nameof(RegionLevel.City), 1);
        }
        int CountyRegionId(int county) => 2 + cities + county;
        string CountyCode(int county) => $"99{county / CountiesPerCity + 1:00}{county % CountiesPerCity + 1:00}";
        for (var k = 0; k < counties; k++)
        {
            w.Region.Run(CountyRegionId(k), CountyCode(k), BenchText.CountyName(k), nameof(RegionLevel.County), 2 + k / CountiesPerCity);
        }

        // Organisation n is the host unit of site n.
        for (var n = 1; n <= options.Sites; n++)
        {
            var (county, serial) = Place(n);
            w.Organisation.Run(n, OrganisationName(county, serial), CountyRegionId(county),
                $"0999-{8100_0000 + n}", $"{BenchText.CountyName(county)}政务中心{serial}号楼");
        }

        var columnId = 0;
        var articleId = 0;
        var domains = 0;
        var longArticle = (Id: 0, Host: "", Code: "", Bytes: 0);
        for (var n = 1; n <= options.Sites; n++)
        {
            var (county, serial) = Place(n);
            var portal = serial == 1;
            var type = portal ? SiteType.Portal : SiteType.Department;
            var portalOfCounty = county * SitesPerCounty + 1;
            var code = $"{CountyCode(county)}{serial:0000}";
            var name = SiteName(county, serial);
            w.Site.Run(n, code, name, type.ToString(), nameof(SiteLevel.County), nameof(SiteStatus.Online),
                portal ? null : portalOfCounty, CountyRegionId(county), portalOfCounty, n, null,
                $"滨ICP备{20260000 + n}号", $"滨公网安备 {CountyCode(county)}02{n:000000}号", $"0999-{8100_0000 + n}",
                $"webmaster@{MainHost(n)}", $"{BenchText.CountyName(county)}政务中心{serial}号楼", $"{name}门户网站", now, now);
            w.Domain.Run(2 * n - 1, n, MainHost(n), true);
            w.Domain.Run(2 * n, n, ZhengwuHost(n), false);
            domains += 2;

            if (options.Content)
            {
                var firstOfType = new Dictionary<ColumnType, int>();
                AddColumns(StandardColumns.For(type), null);
                void AddColumns(IEnumerable<StandardColumns.Template> templates, int? parentId)
                {
                    var order = 0;
                    foreach (var t in templates)
                    {
                        var id = ++columnId;
                        w.Column.Run(id, n, parentId, t.Name, t.Type.ToString(), order += 10, true, t.Description, null, false);
                        firstOfType.TryAdd(t.Type, id);
                        if (t.Children is { Length: > 0 })
                        {
                            AddColumns(t.Children, id);
                        }
                    }
                }

                var published = now.AddDays(-(n % 30) - 1);
                if (n == 1)
                {
                    var body = BenchText.LongBody(name);
                    longArticle = (++articleId, MainHost(n), code, System.Text.Encoding.UTF8.GetByteCount(body));
                    w.Article.Run(articleId, n, firstOfType[ColumnType.Policy], "关于进一步优化政务服务提升行政效能的实施意见",
                        body, null, name, null, "政务服务,一网通办,营商环境", nameof(ArticleStatus.Published), published.AddHours(-2),
                        now, now, $"{code}/2026-00001", name, $"{BenchText.CountyName(county)}政发〔2026〕1号",
                        DateOnly.FromDateTime(published.AddDays(-3)), "综合政务", nameof(PolicyValidity.Valid));
                }
                w.Article.Run(++articleId, n, firstOfType[ColumnType.News], $"{name}召开2026年第一季度工作推进会",
                    BenchText.ShortBody(n), null, name, "办公室", null, nameof(ArticleStatus.Published), published,
                    now, now, null, null, null, null, null, null);
                w.Article.Run(++articleId, n, firstOfType[ColumnType.Notice], $"关于做好{name}2026年政务公开工作的通知",
                    BenchText.ShortBody(n + 5), null, name, null, null, nameof(ArticleStatus.Published), published.AddHours(-1),
                    now, now, null, null, null, null, null, null);
                w.Article.Run(++articleId, n, firstOfType[ColumnType.Policy], $"{name}关于印发2026年工作要点的通知",
                    BenchText.ShortBody(n + 11), null, name, null, null, nameof(ArticleStatus.Published), published.AddHours(-3),
                    now, now, $"{code}/2026-{articleId:00000}", name, $"{BenchText.CountyName(county)}办〔2026〕{serial}号",
                    DateOnly.FromDateTime(published.AddDays(-5)), "综合政务", nameof(PolicyValidity.Valid));
            }
            siteDone?.Invoke(n);
        }
        return new GenerateResult(TimeSpan.Zero, 1 + cities + counties, options.Sites, domains, columnId, articleId,
            longArticle.Id, longArticle.Host, longArticle.Code, longArticle.Bytes);
    }

    /// <summary>County index (0-based) and serial within the county (1 is the portal) of site n.</summary>
    private static (int County, int Serial) Place(int n) => ((n - 1) / SitesPerCounty, (n - 1) % SitesPerCounty + 1);

    private static string SiteName(int county, int serial)
    {
        var countyName = BenchText.CountyName(county);
        if (serial == 1)
        {
            return $"{countyName}人民政府";
        }
        var i = serial - 2;
        var department = BenchText.Departments[i % BenchText.Departments.Length];
        return i < BenchText.Departments.Length ? countyName + department : $"{countyName}{department}第{i / BenchText.Departments.Length + 1}分局";
    }

    private static string OrganisationName(int county, int serial) =>
        serial == 1 ? $"{BenchText.CountyName(county)}人民政府办公室" : SiteName(county, serial);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction tx)
    {
        public Insert Region { get; } = new(connection, tx, "Regions", "Id", "Code", "Name", "Level", "ParentId");
        public Insert Organisation { get; } = new(connection, tx, "Organisations", "Id", "Name", "RegionId", "Phone", "Address");
        public Insert Site { get; } = new(connection, tx, "Sites", "Id", "Code", "Name", "Type", "Level", "Status", "ParentId",
            "RegionId", "CompetentUnitId", "HostUnitId", "OperatorUnitId", "IcpNumber", "PoliceRecordNumber", "ContactPhone",
            "ContactEmail", "Address", "Description", "CreatedAt", "UpdatedAt");
        public Insert Domain { get; } = new(connection, tx, "SiteDomains", "Id", "SiteId", "Host", "IsMain");
        public Insert Column { get; } = new(connection, tx, "Columns", "Id", "SiteId", "ParentId", "Name", "Type", "SortOrder",
            "IsVisible", "Description", "Keywords", "IsSubSite");
        public Insert Article { get; } = new(connection, tx, "Articles", "Id", "SiteId", "ColumnId", "Title", "Body", "Summary",
            "Source", "Author", "Keywords", "Status", "PublishedAt", "CreatedAt", "UpdatedAt", "IndexNumber", "Issuer",
            "DocNumber", "WrittenDate", "SubjectCategory", "Validity");
    }

    /// <summary>One prepared INSERT, reused for every row of its table.</summary>
    private sealed class Insert
    {
        private readonly SqliteCommand _command;
        private readonly DbParameter[] _parameters;

        public Insert(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText =
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            _parameters = [.. columns.Select((_, i) => (DbParameter)_command.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
            _command.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                // Microsoft.Data.Sqlite writes DateTime, DateOnly and bool the same way EF does (ISO text, 0/1).
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }
    }
}
