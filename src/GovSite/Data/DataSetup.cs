using GovSite.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GovSite.Data;

/// <summary>Where GovSite keeps its data, and which database it talks to.</summary>
public sealed class DataOptions
{
    /// <summary>Data directory for the SQLite file, uploads and keys (GOVSITE_DATA, default ./data).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>A PostgreSQL connection string or postgres:// URL (GOVSITE_DB); empty means embedded SQLite.</summary>
    public string? PostgresConnection { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnection);

    public string SqlitePath => Path.Combine(DataDirectory, "govsite.db");

    public static DataOptions FromConfiguration(IConfiguration configuration) => new()
    {
        DataDirectory = Path.GetFullPath(configuration["GOVSITE_DATA"] is { Length: > 0 } dir ? dir : "data"),
        PostgresConnection = configuration["GOVSITE_DB"] is { Length: > 0 } db ? NormalisePostgres(db) : null,
    };

    /// <summary>Accepts postgres://user:pass@host:port/db as well as key=value strings.</summary>
    public static string NormalisePostgres(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }
        var uri = new Uri(value);
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return builder.ConnectionString;
    }
}

public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = DataOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<SiteAccess>();
        // Options built once, not per request: they depend only on configuration.
        builder.Services.AddDbContext<GovSiteDb>(o => Configure(o, options), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder o, DataOptions options)
    {
        if (options.UsesPostgres)
        {
            o.UseNpgsql(options.PostgresConnection);
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            var cs = new SqliteConnectionStringBuilder
            {
                DataSource = options.SqlitePath,
                DefaultTimeout = 30,
                Pooling = true,
            };
            o.UseSqlite(cs.ConnectionString);
            o.AddInterceptors(new SqlitePragmas());
        }
        // The migrations are hand-written without a model snapshot; drift is caught by a test instead.
        // Taking "any one" row or counting up to a cap (Take(n).Count()) needs no order; EF's warnings
        // about it would fill a healthy log with advice that does not apply.
        o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning,
            CoreEventId.FirstWithoutOrderByAndFilterWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    /// <summary>Creates or upgrades the schema. Safe to run on every start and from several nodes.</summary>
    public static async Task MigrateAsync(GovSiteDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // Reading the history is enough when nothing is pending: MigrateAsync would also take EF's
        // migration lock, a write, on every start of every node and command.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // The planner's statistics (sqlite_stat1), refreshed where tables grew or indexes are new,
            // within a bounded effort: without them a catalogue filtered by two lists walks the larger
            // list's index. SQLite's advice for long-lived connections; PostgreSQL's autovacuum does this itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);
        }
    }
}

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(GovSiteDb db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("数据库无法连接", ex);
        }
    }
}
