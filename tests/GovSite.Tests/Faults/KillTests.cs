using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.PublicSite.StaticExport;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Faults;

/// <summary>
/// kill -9 of a real GovSite process in the middle of a publish, an import, a static export and a
/// scheduled job (stopped there by a fault point, GOVSITE_FAULT_POINT), then a restart: the work
/// is done once or not at all, and done when retried. On SQLite and PostgreSQL.
/// </summary>
[Trait("Category", "Faults")]
public class KillTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(2);

    private Dictionary<string, string> Environment(string? faultPoint = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["GOVSITE_DATA"] = app.Database.DataDirectory,
            ["GOVSITE_NO_DEMO"] = "true",
            ["GOVSITE_QUIET"] = "true",
        };
        if (app.Database.PostgresConnection is { } pg)
        {
            environment["GOVSITE_DB"] = pg;
        }
        if (faultPoint is not null)
        {
            environment[GovSite.Common.FaultPoint.Variable] = faultPoint;
        }
        return environment;
    }

    private Task<int> NewsColumnAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
        .Where(c => c.SiteId == app.Portal.Id && c.Type == ColumnType.News && c.ReviewLevels == 0 && !c.RequiresConfidentialityReview)
        .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private Task<Article> DraftAsync(string title) => app.AsSystemAsync(async sp =>
    {
        var saved = await sp.GetRequiredService<ArticleService>().SaveAsync(app.Portal.Id, null,
            new ArticleInput { ColumnId = await NewsColumnAsync(), Title = title, Body = Body(title) });
        saved.Succeeded.ShouldBeTrue();
        return saved.Value!;
    });

    // Long enough for the near-duplicate index to take it (it skips very short texts).
    private static string Body(string title) =>
        $"<p>{title}。为做好相关工作，现将有关事项通知如下：一、时间安排为本月十日至二十日，请各单位按时报送材料。"
        + "二、办理地点为市政务服务中心二楼综合窗口，工作日上午九点至下午五点受理。三、需携带身份证原件及复印件、申请表一份。"
        + "四、如有疑问，请拨打咨询电话，工作人员将在一个工作日内答复。五、本通知自发布之日起施行，由市政府办公室负责解释。</p>";

    private async Task<HttpClient> EditorAsync(Uri node)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("portal-admin", InteractionFactory.Password));
        return client;
    }

    private sealed record Published(ItemStatus Status, int PublishSteps, ArticleStatus Placement, bool Searchable, int ExportJobs, bool NearDuplicate);

    private Task<Published> StateAsync(Article placement) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        var item = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().FirstAsync(i => i.Id == placement.ItemId);
        var payload = StaticExportJob.Payload(placement.SiteId, placement.Id);
        return new Published(item.Status,
            await db.ItemTransitions.CountAsync(t => t.ItemId == item.Id && t.To == ItemStatus.Published),
            await db.Articles.IgnoreQueryFilters().Where(a => a.Id == placement.Id).Select(a => a.Status).FirstAsync(),
            await db.SearchDocuments.AnyAsync(d => d.Id == placement.Id),
            await db.Set<Job>().CountAsync(j => j.Type == StaticExportFollower.JobType && j.Payload == payload),
            await db.NearDuplicateEntries.AnyAsync(e => e.ItemId == item.Id));
    });

    [Fact]
    public async Task A_publish_killed_before_its_commit_left_nothing_and_publishes_once_after_the_restart()
    {
        var placement = await DraftAsync("断电发布测试：供水管网检修通知");
        var export = Directory.CreateTempSubdirectory("govsite-kill-export-");
        var environment = Environment("publish.before-commit");
        // With an export folder the publication also queues a re-export job: it must share the publication's fate.
        environment["GOVSITE_EXPORT_DIR"] = export.FullName;
        await using (var node = KilledProcess.StartNode(environment, out var address))
        {
            await node.WaitReadyAsync(address, Start);
            using var client = await EditorAsync(address);
            var publish = client.PostAsync($"/api/v1/items/{placement.ItemId}/publish", null);
            await node.WaitForFaultPointAsync("publish.before-commit", TimeSpan.FromSeconds(60));
            await node.KillAsync();
            await Should.ThrowAsync<HttpRequestException>(publish);
        }
        (await StateAsync(placement)).ShouldBe(new Published(ItemStatus.Draft, 0, ArticleStatus.Draft, false, 0, false));

        environment.Remove(GovSite.Common.FaultPoint.Variable);
        await using (var node = KilledProcess.StartNode(environment, out var address))
        {
            await node.WaitReadyAsync(address, Start);
            using var client = await EditorAsync(address);
            var again = await client.PostAsync($"/api/v1/items/{placement.ItemId}/publish", null);
            again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }
        (await StateAsync(placement)).ShouldBe(new Published(ItemStatus.Published, 1, ArticleStatus.Published, true, 1, true));
        export.Delete(recursive: true);
    }

    [Fact]
    public async Task An_import_killed_after_its_first_batch_finishes_on_the_second_run_with_no_row_twice()
    {
        var column = await NewsColumnAsync();
        var file = Path.Combine(app.Database.DataDirectory, "kill-import.jsonl");
        const int rows = 260; // two batches of 200
        var lines = Enumerable.Range(1, rows).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            title = $"断电导入测试第{i}号通知",
            body = $"第{i}号通知的正文：请于工作日到政务服务中心办理。",
            publishDate = $"2026-03-{1 + (i % 28):00} 09:30",
        }));
        await File.WriteAllLinesAsync(file, lines);
        string[] args = ["import", file, "--site", InteractionFactory.PortalCode, "--column", column.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Task<List<string>> TitlesAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.IgnoreQueryFilters()
            .Where(a => a.SiteId == app.Portal.Id && a.Title.StartsWith("断电导入测试")).Select(a => a.Title).ToListAsync());

        await using (var import = KilledProcess.Start(Environment("import.batch-committed"), args))
        {
            // 200 publications through the gate: minutes on a loaded machine.
            await import.WaitForFaultPointAsync("import.batch-committed", TimeSpan.FromMinutes(10));
            await import.KillAsync();
        }
        (await TitlesAsync()).Count.ShouldBe(200, "the first batch committed whole, nothing of the second");

        var rerun = await GovSiteCli.RunAsync(Environment(), args);
        rerun.ExitCode.ShouldBe(0, rerun.Output);
        rerun.Output.ShouldContain($"已导入 {rows - 200} 篇");
        rerun.Output.ShouldContain("200 行未导入");
        var titles = await TitlesAsync();
        titles.Count.ShouldBe(rows);
        titles.Distinct().Count().ShouldBe(rows);
    }

    [Fact]
    public async Task An_export_killed_while_writing_leaves_the_previous_export_whole_and_the_next_run_cleans_up()
    {
        var export = Directory.CreateTempSubdirectory("govsite-kill-export-");
        string[] args = ["publish-static", "--site", InteractionFactory.PortalCode, "--out", export.FullName];
        var first = await GovSiteCli.RunAsync(Environment(), args);
        first.ExitCode.ShouldBe(0, first.Output);
        var before = Hashes(export.FullName);
        before.ShouldNotBeEmpty();

        // A new article changes the homepage, its column's pages, feeds and the sitemap: several files to replace.
        var draft = await DraftAsync("断电导出测试：新的公告");
        (await app.AsSystemAsync(async sp => (await sp.GetRequiredService<Workflow>().PublishAsync(draft.ItemId!.Value, null)).Succeeded)).ShouldBeTrue();
        await using (var run = KilledProcess.Start(Environment("export.temp-written#2"), args))
        {
            await run.WaitForFaultPointAsync("export.temp-written", TimeSpan.FromMinutes(2));
            await run.KillAsync();
        }
        var torn = Hashes(export.FullName);
        torn.Keys.ShouldContain(k => k.Contains(".govsite-tmp", StringComparison.Ordinal), "the kill landed while new pages were being written");
        // Before its commit point nothing a reader can be served changed: the previous export, whole, with its manifest.
        Visible(torn).ShouldBe(Visible(before));
        torn[ExportManifest.FileName].ShouldBe(before[ExportManifest.FileName], "the manifest is still the previous export's");

        var second = await GovSiteCli.RunAsync(Environment(), args);
        second.ExitCode.ShouldBe(0, second.Output);
        var after = Hashes(export.FullName);
        after.Keys.ShouldNotContain(k => k.Contains(".govsite-tmp", StringComparison.Ordinal) || k.Contains(".export-", StringComparison.Ordinal));
        var manifest = ExportManifest.Read(export.FullName)!;
        manifest.Files.ShouldAllBe(f => after[f.Path] == f.Sha256);
        manifest.Files.ShouldContain(f => f.Path == $"articles/{draft.Id}/index.html");
        export.Delete(recursive: true);
    }

    [Fact]
    public async Task An_export_killed_while_swapping_its_files_in_is_finished_by_the_next_run_so_the_committed_export_stands_whole()
    {
        var export = Directory.CreateTempSubdirectory("govsite-kill-export-");
        string[] args = ["publish-static", "--site", InteractionFactory.PortalCode, "--out", export.FullName];
        var first = await GovSiteCli.RunAsync(Environment(), args);
        first.ExitCode.ShouldBe(0, first.Output);
        var before = Hashes(export.FullName);

        var draft = await DraftAsync("断电导出测试：提交后的公告");
        (await app.AsSystemAsync(async sp => (await sp.GetRequiredService<Workflow>().PublishAsync(draft.ItemId!.Value, null)).Succeeded)).ShouldBeTrue();
        await using (var run = KilledProcess.Start(Environment("export.renamed#2"), args))
        {
            await run.WaitForFaultPointAsync("export.renamed", TimeSpan.FromMinutes(2));
            await run.KillAsync();
        }
        var torn = Hashes(export.FullName);
        torn.Keys.ShouldContain(".export-commit", "the kill landed after the commit point");
        torn.Keys.ShouldContain(k => k.Contains(".govsite-tmp", StringComparison.Ordinal), "and before every file was swapped in");
        Visible(torn).ShouldNotBe(Visible(before), "two files were swapped in already");

        // The next export into the folder first finishes the committed one.
        AtomicFile.BeginExport(export.FullName);
        var recovered = Hashes(export.FullName);
        recovered.Keys.ShouldNotContain(k => k.Contains(".govsite-tmp", StringComparison.Ordinal) || k == ".export-commit");
        var manifest = ExportManifest.Read(export.FullName)!;
        manifest.Files.ShouldContain(f => f.Path == $"articles/{draft.Id}/index.html");
        Visible(recovered).ShouldBe(manifest.Files.Select(f => $"{f.Path} {f.Sha256}").Order(StringComparer.Ordinal).ToList(),
            "every file is the committed export's, and nothing else is there");
        AtomicFile.EndExport(export.FullName);

        var again = await GovSiteCli.RunAsync(Environment(), args);
        again.ExitCode.ShouldBe(0, again.Output);
        var after = Hashes(export.FullName);
        ExportManifest.Read(export.FullName)!.Files.ShouldAllBe(f => after[f.Path] == f.Sha256);
        export.Delete(recursive: true);
    }

    /// <summary>The files a reader can be served (no dot files), with their hashes.</summary>
    private static List<string> Visible(Dictionary<string, string> files) =>
        [.. files.Where(f => f.Key != ExportManifest.FileName && !f.Key.Split('/').Any(part => part.StartsWith('.')))
            .Select(f => $"{f.Key} {f.Value}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_scheduled_job_killed_while_running_is_taken_again_after_its_lease_and_runs_once()
    {
        var placement = await DraftAsync("断电定时发布测试：防汛演练公告");
        var environment = Environment($"job.{Workflow.PublishJob}");
        environment["GOVSITE_JOB_LEASE_SECONDS"] = "6";
        await using (var node = KilledProcess.StartNode(environment, out var address))
        {
            await node.WaitReadyAsync(address, Start);
            using var client = await EditorAsync(address);
            // Far enough ahead that a slow first request on a loaded machine still schedules (a time
            // already past publishes at once, with no job).
            var at = DateTimeOffset.UtcNow.AddSeconds(15);
            var scheduled = await client.PostAsJsonAsync($"/api/v1/items/{placement.ItemId}/publish", new { at });
            scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
            (await StateAsync(placement)).Status.ShouldBe(ItemStatus.Scheduled);
            await node.WaitForFaultPointAsync($"job.{Workflow.PublishJob}", TimeSpan.FromSeconds(90));
            await node.KillAsync();
        }
        var job = await JobAsync(placement.ItemId!.Value);
        job.Status.ShouldBe(JobStatus.Running);
        job.Attempts.ShouldBe(1);
        (await StateAsync(placement)).Status.ShouldBe(ItemStatus.Scheduled);

        environment.Remove(GovSite.Common.FaultPoint.Variable);
        await using (var node = KilledProcess.StartNode(environment, out var address))
        {
            await node.WaitReadyAsync(address, Start);
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until && (await JobAsync(placement.ItemId!.Value)).Status != JobStatus.Succeeded)
            {
                await Task.Delay(250);
            }
        }
        job = await JobAsync(placement.ItemId!.Value);
        job.Status.ShouldBe(JobStatus.Succeeded);
        // Leased again after the dead node's lease ran out (on a loaded machine a short lease may
        // lapse once more while the job runs: the publication itself still happens once).
        job.Attempts.ShouldBeGreaterThanOrEqualTo(2);
        var state = await StateAsync(placement);
        state.Status.ShouldBe(ItemStatus.Published);
        state.PublishSteps.ShouldBe(1);
    }

    private Task<Job> JobAsync(int itemId) => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<Job>().AsNoTracking()
        .SingleAsync(j => j.Type == Workflow.PublishJob && j.Payload != null && j.Payload.StartsWith(itemId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|")));

    /// <summary>Every file under the folder (relative, with '/') and the SHA-256 of its bytes.</summary>
    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
