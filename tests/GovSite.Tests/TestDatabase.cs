using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Tests;

/// <summary>
/// A fresh, real database for one test class: a SQLite file in a temp directory, or, when
/// GOVSITE_TEST_PG names a PostgreSQL server, a new database on it that is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("GOVSITE_TEST_PG") is { Length: > 0 } cs ? cs : null;

    public static bool OnPostgres => PostgresServer is not null;

    public string DataDirectory { get; }
    public string? PostgresConnection { get; private set; }
    private string? _databaseName;
    private string? _server;

    private TestDatabase(string dataDirectory) => DataDirectory = dataDirectory;

    public DataOptions Options => new() { DataDirectory = DataDirectory, PostgresConnection = PostgresConnection };

    /// <param name="server">The PostgreSQL server to make the database on; by default GOVSITE_TEST_PG's (none: SQLite).</param>
    public static async Task<TestDatabase> CreateAsync(string? server = null)
    {
        server ??= PostgresServer;
        var dir = Path.Combine(Path.GetTempPath(), "govsite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new TestDatabase(dir);
        if (server is not null)
        {
            db._server = server;
            db._databaseName = "govsite_t_" + Guid.NewGuid().ToString("N")[..16];
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{db._databaseName}\"", conn);
            await cmd.ExecuteNonQueryAsync();
            db.PostgresConnection = new NpgsqlConnectionStringBuilder(server) { Database = db._databaseName, Pooling = true }.ConnectionString;
        }
        return db;
    }

    /// <summary>A context outside any web request; system access unless told otherwise.</summary>
    public GovSiteDb NewContext(SiteAccess? access = null)
    {
        if (access is null)
        {
            access = new SiteAccess();
            access.BecomeSystem();
        }
        var builder = new DbContextOptionsBuilder<GovSiteDb>();
        DataSetup.Configure(builder, Options);
        return new GovSiteDb(builder.Options, access);
    }

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is not null && _server is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
            // Dropped once: a fixture with a server of its own drops it before it stops that server.
            _databaseName = null;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp directory is cleaned by the OS.
        }
    }
}
