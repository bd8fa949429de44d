using System.Diagnostics;
using Npgsql;

namespace GovSite.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own, on a free port, for tests that stop and restart the
/// database (the suite's shared server must never be restarted). Made with initdb and run with
/// pg_ctl from the newest /usr/lib/postgresql/*/bin, as the postgres user when the tests run as
/// root (as CI does: PostgreSQL refuses to run as root). Stopped and deleted on dispose.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    public int Port { get; }

    /// <summary>The cluster's postgres database, superuser, no password (trust on loopback).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    private OwnPostgres(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
    }

    private static bool AsRoot => Environment.UserName == "root";

    public static async Task<OwnPostgres> StartAsync()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        if (versions.Count == 0)
        {
            throw new InvalidOperationException(
                "The database-restart tests start a PostgreSQL cluster of their own and need initdb and pg_ctl: "
                + "install PostgreSQL (Debian: apt-get install postgresql; test.sh does this).");
        }
        var dir = Directory.CreateTempSubdirectory("govsite-own-pg-").FullName;
        if (AsRoot)
        {
            await RunAsync("chown", "postgres", dir);
        }
        var cluster = new OwnPostgres(Path.Combine(versions[^1], "bin"), dir, TestPaths.FreePort());
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartClusterAsync();
        return cluster;
    }

    private string Data => Path.Combine(_dir, "data");

    public Task StartClusterAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_dir, "log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start");

    /// <summary>Stops the cluster as an operator's restart does (fast: sessions are ended, work in progress rolled back).</summary>
    public Task StopClusterAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop");

    private Task PgAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_dir, recursive: true);
    }
}
