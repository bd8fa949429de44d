using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console;

namespace GovSite.Data;

/// <summary>What a backup holds, with the hash of every file, written last (a folder without it is not a backup).</summary>
public sealed record BackupManifest(string CreatedAt, string Database, string DatabaseFile, string DatabaseSha256,
    string? SchemaVersion, List<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const string SqliteFile = "govsite.db";
    public const string PostgresFile = "govsite.pgdump";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <param name="Path">Relative to the data directory, with forward slashes.</param>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// `govsite backup --out DIR` and `govsite restore DIR`: the database (SQLite's online backup, or
/// pg_dump's custom format for PostgreSQL) and every file of the data directory (uploads,
/// attachments), with a manifest of hashes. A restore checks every hash first, writes only into an
/// empty data directory or an empty database, then brings the schema up to date.
/// </summary>
public static class Backup
{
    public static Command BackupCommand()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "备份写入的目录（须为空目录或不存在）", Required = true };
        var command = new Command("backup", "备份数据库和全部上传文件（附各文件 SHA-256 清单）") { output };
        command.SetAction(async (parse, ct) =>
        {
            var options = DataOptions.FromConfiguration(Configuration());
            try
            {
                var manifest = await CreateAsync(options, parse.GetValue(output)!.FullName, ct);
                AnsiConsole.MarkupLine($"[green]备份完成[/]：数据库（{manifest.Database}）和 {manifest.Files.Count} 个文件，写入 {Markup.Escape(parse.GetValue(output)!.FullName)}");
                return 0;
            }
            catch (BackupException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }
        });
        return command;
    }

    public static Command RestoreCommand()
    {
        var from = new Argument<DirectoryInfo>("DIR") { Description = "govsite backup 写出的备份目录" };
        var command = new Command("restore", "从备份恢复到空的数据目录（SQLite）或空数据库（PostgreSQL），先逐一核对哈希") { from };
        command.SetAction(async (parse, ct) =>
        {
            var options = DataOptions.FromConfiguration(Configuration());
            try
            {
                var manifest = await RestoreAsync(options, parse.GetValue(from)!.FullName, ct);
                AnsiConsole.MarkupLine($"[green]恢复完成[/]：数据库（{manifest.Database}，备份于 {manifest.CreatedAt}）和 {manifest.Files.Count} 个文件");
                return 0;
            }
            catch (BackupException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }
        });
        return command;
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public static async Task<BackupManifest> CreateAsync(DataOptions options, string target, CancellationToken ct)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"备份目录不是空目录：{target}。请指定一个新目录，以免覆盖已有的备份。");
        }
        Directory.CreateDirectory(target);
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        string databaseFile;
        string? schema;
        if (options.UsesPostgres)
        {
            databaseFile = BackupManifest.PostgresFile;
            schema = await PostgresSchemaVersionAsync(options.PostgresConnection!, ct);
            await RunToolAsync("pg_dump", options.PostgresConnection!, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(target, databaseFile)], ct);
        }
        else
        {
            if (!File.Exists(options.SqlitePath))
            {
                throw new BackupException($"找不到数据库文件：{options.SqlitePath}（GOVSITE_DATA 是否指向数据目录？）");
            }
            databaseFile = BackupManifest.SqliteFile;
            // SQLite's online backup copies a consistent snapshot while the server keeps running.
            await using (var source = new SqliteConnection($"Data Source={options.SqlitePath};Mode=ReadOnly;Pooling=False"))
            await using (var copy = new SqliteConnection($"Data Source={Path.Combine(target, databaseFile)};Pooling=False"))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }
            schema = SqliteSchemaVersion(Path.Combine(target, databaseFile));
        }
        var files = DataFiles(options).ToList();
        var listed = new List<BackupFile>();
        await stderr.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("上传文件", maxValue: Math.Max(1, files.Count));
            foreach (var relative in files)
            {
                var from = Path.Combine(options.DataDirectory, relative);
                var to = Path.Combine(target, "files-data", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to);
                listed.Add(new BackupFile(relative.Replace('\\', '/'), new FileInfo(to).Length, await HashAsync(to, ct)));
                task.Increment(1);
            }
        });
        var manifest = new BackupManifest(DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            options.UsesPostgres ? "postgresql" : "sqlite", databaseFile, await HashAsync(Path.Combine(target, databaseFile), ct), schema, listed);
        await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, BackupManifest.Json), ct);
        return manifest;
    }

    public static async Task<BackupManifest> RestoreAsync(DataOptions options, string source, CancellationToken ct)
    {
        var manifestPath = Path.Combine(source, BackupManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"不是 GovSite 备份目录（缺少 {BackupManifest.FileName}）：{source}");
        }
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), BackupManifest.Json)
            ?? throw new BackupException("备份清单无法读取");
        // Every byte is checked before anything is written: a damaged backup restores nothing.
        var damaged = new List<string>();
        if (!File.Exists(Path.Combine(source, manifest.DatabaseFile)) || await HashAsync(Path.Combine(source, manifest.DatabaseFile), ct) != manifest.DatabaseSha256)
        {
            damaged.Add(manifest.DatabaseFile);
        }
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(source, "files-data", file.Path);
            if (!IsInside(Path.Combine(source, "files-data"), path) || !File.Exists(path) || await HashAsync(path, ct) != file.Sha256)
            {
                damaged.Add(file.Path);
            }
        }
        if (damaged.Count > 0)
        {
            throw new BackupException($"备份已损坏，未做任何恢复：{damaged.Count} 个文件缺失或哈希不符（{string.Join("、", damaged.Take(5))}）");
        }
        if ((manifest.Database == "postgresql") != options.UsesPostgres)
        {
            throw new BackupException(manifest.Database == "postgresql"
                ? "这是 PostgreSQL 数据库的备份：请设置 GOVSITE_DB 指向一个空数据库后再恢复"
                : "这是 SQLite 数据库的备份：请不要设置 GOVSITE_DB，并让 GOVSITE_DATA 指向一个空目录");
        }
        if (DataFiles(options).Any() || File.Exists(options.SqlitePath))
        {
            throw new BackupException($"数据目录不是空的：{options.DataDirectory}。恢复只写入空的数据目录，以免覆盖现有数据。");
        }
        Directory.CreateDirectory(options.DataDirectory);
        if (options.UsesPostgres)
        {
            if (await PostgresHasTablesAsync(options.PostgresConnection!, ct))
            {
                throw new BackupException("目标数据库不是空的：恢复只写入空数据库，以免覆盖现有数据。请新建一个数据库。");
            }
            await RunToolAsync("pg_restore", options.PostgresConnection!, ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(source, manifest.DatabaseFile)], ct);
        }
        else
        {
            File.Copy(Path.Combine(source, manifest.DatabaseFile), options.SqlitePath);
        }
        foreach (var file in manifest.Files)
        {
            var to = Path.Combine(options.DataDirectory, file.Path);
            if (!IsInside(options.DataDirectory, to))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(source, "files-data", file.Path), to);
        }
        // A backup from an older release comes up to this release's schema (migrations only go forward).
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton(options);
        services.AddScoped<Accounts.SiteAccess>();
        services.AddDbContext<GovSiteDb>(o => DataSetup.Configure(o, options));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovSiteDb>(), ct);
        return manifest;
    }

    /// <summary>Every file of the data directory but the SQLite database and its journal.</summary>
    private static IEnumerable<string> DataFiles(DataOptions options)
    {
        if (!Directory.Exists(options.DataDirectory))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(options.DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (Path.GetDirectoryName(path) == options.DataDirectory.TrimEnd(Path.DirectorySeparatorChar) && name.StartsWith("govsite.db", StringComparison.Ordinal))
            {
                continue;
            }
            yield return Path.GetRelativePath(options.DataDirectory, path);
        }
    }

    private static bool IsInside(string root, string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static string? SqliteSchemaVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(MigrationId) FROM __EFMigrationsHistory";
        return command.ExecuteScalar() as string;
    }

    private static async Task<string?> PostgresSchemaVersionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", connection);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task<bool> PostgresHasTablesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync(ct) ?? 0L) > 0;
    }

    /// <summary>pg_dump or pg_restore against the configured server; the password goes in the environment, never the command line.</summary>
    private static async Task RunToolAsync(string tool, string connectionString, string[] arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (name, value) in new[] { ("--host", cs.Host), ("--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("--username", cs.Username), ("--dbname", cs.Database) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.ArgumentList.Add($"{name}={value}");
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"无法启动 {tool}");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }

    /// <summary>The newest PostgreSQL client tools installed (Debian keeps them per version), else the PATH.</summary>
    private static string FindTool(string tool)
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        return tool;
    }
}

public sealed class BackupException(string message) : Exception(message);
