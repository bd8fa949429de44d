using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.PublicSite.StaticExport;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Faults;

/// <summary>
/// A disk that fills up: the uploads folder and an export folder on a small tmpfs, filled to the
/// last block. An upload is refused with a Chinese message under its field and leaves no partial
/// file; an export fails with a Chinese message, leaves no temporary file, and the previous
/// export (its manifest, its whole files) is what stays served. On SQLite and PostgreSQL.
/// </summary>
[Trait("Category", "Faults")]
public class FullDiskTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    [Fact]
    public async Task An_upload_onto_a_full_disk_is_refused_in_Chinese_under_its_field_and_leaves_nothing()
    {
        var files = Path.Combine(app.Database.DataDirectory, "files");
        await using var disk = await SmallDisk.MountAsync(files, kilobytes: 512);
        await disk.FillAsync(leaveBytes: 16 * 1024);
        using var client = await app.ClientWithTokenAsync("portal-admin", InteractionFactory.Password);
        var pdf = LargePdf(100 * 1024);
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().StoredFiles.IgnoreQueryFilters().CountAsync());

        var refused = await client.PostAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/files", Form(pdf, "年度预算公开说明.pdf"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var message = problem.RootElement.GetProperty("errors").GetProperty("file")[0].GetString()!;
            message.ShouldContain("年度预算公开说明.pdf");
            message.ShouldContain("磁盘空间已满");
        }
        Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".filler", StringComparison.Ordinal))
            .ShouldBeEmpty("no partial file of the refused upload");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().StoredFiles.IgnoreQueryFilters().CountAsync())).ShouldBe(before);

        // Space again: the same upload goes through.
        disk.Free();
        var accepted = await client.PostAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/files", Form(pdf, "年度预算公开说明.pdf"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_export_onto_a_full_disk_fails_in_Chinese_and_the_previous_export_stays_whole()
    {
        var root = Directory.CreateTempSubdirectory("govsite-full-export-");
        var dir = Path.Combine(root.FullName, "out");
        var environment = new Dictionary<string, string> { ["GOVSITE_DATA"] = app.Database.DataDirectory, ["GOVSITE_QUIET"] = "true" };
        if (app.Database.PostgresConnection is { } pg)
        {
            environment["GOVSITE_DB"] = pg;
        }
        string[] args = ["publish-static", "--site", InteractionFactory.PortalCode, "--out", dir];
        try
        {
            await using (var disk = await SmallDisk.MountAsync(dir, kilobytes: 16 * 1024))
            {
                var first = await GovSiteCli.RunAsync(environment, args);
                first.ExitCode.ShouldBe(0, first.Output);
                var previous = Hashes(dir);
                var manifest = File.ReadAllText(Path.Combine(dir, ExportManifest.FileName));

                // A new article changes the homepage and more; the disk has room for none of it.
                var column = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
                    .Where(c => c.SiteId == app.Portal.Id && c.Type == ColumnType.News).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
                var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(app.Portal.Id, null,
                    new ArticleInput { Publish = true, ColumnId = column, Title = "磁盘已满时发布的公告", Body = "<p>" + new string('文', 20000) + "</p>" }));
                saved.Succeeded.ShouldBeTrue();
                await disk.FillAsync(leaveBytes: 0);

                var failed = await GovSiteCli.RunAsync(environment, args);
                failed.ExitCode.ShouldBe(1, failed.Output);
                failed.Output.ShouldContain("磁盘空间不足");
                var after = Hashes(dir);
                after.Keys.ShouldNotContain(k => k.Contains(".govsite-tmp", StringComparison.Ordinal), "no temporary file is left");
                File.ReadAllText(Path.Combine(dir, ExportManifest.FileName)).ShouldBe(manifest, "the previous manifest stays");
                after.Keys.ShouldNotContain($"articles/{saved.Value!.Id}/index.html");
                foreach (var (path, hash) in previous.Where(p => p.Key != ExportManifest.FileName))
                {
                    after.ShouldContainKey(path);
                    // Never cut off: the previous bytes, or (renamed into place before the disk filled) a whole new page.
                    if (after[path] != hash)
                    {
                        var text = File.ReadAllText(Path.Combine(dir, path));
                        if (path.EndsWith(".html", StringComparison.Ordinal))
                        {
                            text.TrimEnd().ShouldEndWith("</html>", customMessage: $"{path} was cut off");
                        }
                    }
                }

                // Room again: the export completes and matches its manifest.
                disk.Free();
                var again = await GovSiteCli.RunAsync(environment, args);
                again.ExitCode.ShouldBe(0, again.Output);
                var done = Hashes(dir);
                ExportManifest.Read(dir)!.Files.ShouldAllBe(f => done[f.Path] == f.Sha256);
                done.ShouldContainKey($"articles/{saved.Value!.Id}/index.html");
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    /// <summary>A valid PDF of about <paramref name="bytes"/> bytes (a long comment inside).</summary>
    private static byte[] LargePdf(int bytes)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        while (text.Length < bytes)
        {
            text.Append("% padding padding padding padding padding padding padding padding\n");
        }
        text.Append("1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n")
            .Append("trailer <</Root 1 0 R>>\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".filler", StringComparison.Ordinal) && !f.EndsWith(".export-running", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
