using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using GovSite.Tests.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Data;

/// <summary>
/// `govsite backup` and `govsite restore` as an operator runs them: the real program, against a
/// running site's database (SQLite or PostgreSQL), restored into an empty data directory or database,
/// then served again and compared.
/// </summary>
public sealed class BackupTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    private sealed record FileBody(int Id, string Name, string Url, string ContentType, long Size);

    [Fact]
    public async Task A_backup_restores_into_an_empty_database_with_the_same_content_and_files()
    {
        using var editor = await app.EditorAsync();
        var pdf = FileSamples.Pdf();
        var upload = new MultipartFormDataContent { { new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "年度报告.pdf" } };
        var response = await editor.PostAsync($"/api/v1/sites/{app.Site.Code}/files", upload);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        const string typed = "备份前写入：我家月收入<3000元且>1000元，a<b 😀";
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var site = await db.Sites.SingleAsync(s => s.Id == app.Site.Id);
            site.Name = typed;
            await db.SaveChangesAsync();
            return 0;
        });
        var before = await SnapshotAsync(app.Database);

        var folder = Path.Combine(Path.GetTempPath(), "govsite-backup-" + Guid.NewGuid().ToString("N"));
        await using var restored = await TestDatabase.CreateAsync();
        try
        {
            var backup = await GovSiteCli.RunAsync(app.Database, "backup", "--out", folder);
            backup.ExitCode.ShouldBe(0, backup.Output);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), BackupManifest.Json)!;
            manifest.Database.ShouldBe(TestDatabase.OnPostgres ? "postgresql" : "sqlite");
            manifest.Files.ShouldContain(f => f.Size == pdf.Length);
            manifest.SchemaVersion.ShouldNotBeNull();

            // A second backup into the same folder is refused: nothing is overwritten.
            (await GovSiteCli.RunAsync(app.Database, "backup", "--out", folder)).ExitCode.ShouldNotBe(0);

            var restore = await GovSiteCli.RunAsync(restored, "restore", folder);
            restore.ExitCode.ShouldBe(0, restore.Output);
            (await SnapshotAsync(restored)).ShouldBe(before);

            // Every uploaded file is back, byte for byte, and the restored platform serves the site.
            Files(restored).ShouldBe(Files(app.Database));
            Files(restored).Values.ShouldContain(Convert.ToHexString(pdf));
            await using var node = new OtherNode(restored);
            using var client = node.CreateClient();
            var home = await client.GetAsync($"/sites/{app.Site.Code}/");
            home.StatusCode.ShouldBe(HttpStatusCode.OK);
            System.Net.WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()).ShouldContain(typed);

            // Restoring again onto what is now a full database is refused and changes nothing.
            var again = await GovSiteCli.RunAsync(restored, "restore", folder);
            again.ExitCode.ShouldNotBe(0);
            again.Output.ShouldContain("不是空的");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_damaged_backup_restores_nothing_and_says_which_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "govsite-backup-" + Guid.NewGuid().ToString("N"));
        await using var target = await TestDatabase.CreateAsync();
        try
        {
            (await GovSiteCli.RunAsync(app.Database, "backup", "--out", folder)).ExitCode.ShouldBe(0);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), BackupManifest.Json)!;
            var dump = Path.Combine(folder, manifest.DatabaseFile);
            var bytes = await File.ReadAllBytesAsync(dump);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(dump, bytes);

            var restore = await GovSiteCli.RunAsync(target, "restore", folder);
            restore.ExitCode.ShouldNotBe(0);
            restore.Output.ShouldContain("备份已损坏");
            restore.Output.ShouldContain(manifest.DatabaseFile);
            File.Exists(Path.Combine(target.DataDirectory, "govsite.db")).ShouldBeFalse();
            Directory.EnumerateFileSystemEntries(target.DataDirectory).ShouldBeEmpty();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every uploaded file by its path, as its bytes in hex.</summary>
    private static SortedDictionary<string, string> Files(TestDatabase database)
    {
        var root = Path.Combine(database.DataDirectory, "files");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
        {
            files[Path.GetRelativePath(root, path)] = Convert.ToHexString(File.ReadAllBytes(path));
        }
        return files;
    }

    /// <summary>What must survive: every site, column, item, article and file record, and the text as typed.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var sites = await db.Sites.IgnoreQueryFilters().OrderBy(s => s.Id).Select(s => s.Code + "|" + s.Name).ToListAsync();
        var columns = await db.Columns.IgnoreQueryFilters().CountAsync();
        var articles = await db.Articles.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Id + "|" + a.Title + "|" + a.Body.Length).ToListAsync();
        var users = await db.Users.CountAsync();
        return string.Join("\n", sites) + $"\ncolumns {columns} users {users}\n" + string.Join("\n", articles);
    }
}
