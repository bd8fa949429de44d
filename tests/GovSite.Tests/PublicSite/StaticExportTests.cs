using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using GovSite.Common;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.PublicSite.StaticExport;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

/// <summary>GovSite on real Kestrel (the exporter fetches its own pages) with an export folder configured.</summary>
public sealed class ExportFixture : GovSiteFactory
{
    public const string Code = "3301000055";
    public const string Host = "www.export.test.gov.cn";
    public string ExportRoot { get; } = Path.Combine(Path.GetTempPath(), "govsite-export-" + Guid.NewGuid().ToString("N"));
    public string SiteDir => Path.Combine(ExportRoot, Code);
    public SiteInfo Site { get; private set; } = null!;
    public int NewsColumnId { get; private set; }
    public int TopicId { get; private set; }
    public int PictureId { get; private set; }
    public string BaseUrl { get; private set; } = "";

    protected override bool SeedDemo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GOVSITE_EXPORT_DIR", ExportRoot);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var created = await CreateSiteAsync(Code, "测试导出市人民政府", SiteType.Portal, Host);
        NewsColumnId = await ColumnIdAsync(created.Id, "要闻动态");
        await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            for (var i = 1; i <= 23; i++)
            {
                await articles.SaveAsync(created.Id, null, new ArticleInput
                {
                    Publish = true,
                    ColumnId = NewsColumnId, Title = $"导出测试要闻第{i}篇", Body = $"<p>第{i}篇正文。</p>",
                    PublishedAt = new DateTime(2026, 9, 1, 8, 0, 0).AddDays(i),
                });
            }
            // A special topic with an article whose picture is an uploaded file: the export holds the
            // topic's pages and the file as well.
            var topic = (await sp.GetRequiredService<GovSite.PublicSite.Topics.TopicService>().OpenAsync(created.Id,
                new GovSite.PublicSite.Topics.TopicInput { Name = "导出测试专题", Summary = "专题摘要 <与> & 符号", ColumnNames = "专题动态" })).Value!;
            TopicId = topic.Id;
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            var picture = (await sp.GetRequiredService<FileService>().UploadAsync(created.Id, "现场图片.png", new MemoryStream(png))).Value!;
            PictureId = picture.Id;
            var topicColumn = await ColumnIdAsync(created.Id, "专题动态");
            await articles.SaveAsync(created.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = topicColumn, Title = "导出测试专题图片新闻", Body = $"<p><img src=\"{picture.Url}\" alt=\"现场\"></p>",
                ImageUrl = picture.Url, PublishedAt = new DateTime(2026, 9, 30, 8, 0, 0),
            });
            return 0;
        });
        Site = Services.GetRequiredService<SiteDirectory>().FindByCode(Code)!;
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async Task<ExportReport> ExportAllAsync()
    {
        using var scope = Services.CreateScope();
        await using var session = Services.GetRequiredService<PageRenderer>().For(Site, "https", allArticles: true);
        return await scope.ServiceProvider.GetRequiredService<StaticExporter>().ExportAllAsync(Site, SiteDir, session);
    }

    /// <summary>A full export into <see cref="SiteDir"/>, as its files: path and hash.</summary>
    public async Task<List<(string Path, string Sha256)>> ExportedFilesAsync()
    {
        await ExportAllAsync();
        return FilesIn(SiteDir);
    }

    public static List<(string Path, string Sha256)> FilesIn(string dir) => [.. ExportManifest.Read(dir)!.Files.Select(f => (f.Path, f.Sha256))];

    /// <summary>A published article saved again under a new title, as an editor corrects one.</summary>
    public Task RetitleAsync(GovSite.Publishing.Article article, string title) =>
        AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().SaveAsync(Site.Id, article.Id, new ArticleInput
        {
            Publish = true,
            ColumnId = article.ColumnId, Title = title, Body = article.Body,
            PublishedAt = ChinaTime.ToLocal(article.PublishedAt!.Value),
        }));

    public async Task WaitForReExportAsync()
    {
        // Re-exports are jobs in the durable queue, written with the change; tests run no worker
        // in the background, so the queue is run here, as a node's worker would.
        Task<int> PendingAsync() => AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Set<GovSite.Data.Job>()
            .CountAsync(j => j.Type == StaticExportFollower.JobType
                             && (j.Status == GovSite.Data.JobStatus.Pending || j.Status == GovSite.Data.JobStatus.Running)));
        var worker = Services.GetRequiredService<GovSite.Data.JobWorker>();
        for (var i = 0; i < 20 && await PendingAsync() > 0; i++)
        {
            await worker.RunDueAsync(default);
        }
        (await PendingAsync()).ShouldBe(0);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ExportRoot))
        {
            Directory.Delete(ExportRoot, recursive: true);
        }
    }
}

public class StaticExportTests(ExportFixture app) : IClassFixture<ExportFixture>
{
    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public async Task The_export_holds_every_page_feed_sitemap_and_asset_with_a_manifest_of_hashes()
    {
        await app.ExportAllAsync();
        var manifest = ExportManifest.Read(app.SiteDir).ShouldNotBeNull();
        var paths = manifest.Files.Select(f => f.Path).ToList();
        paths.ShouldContain("index.html");
        paths.ShouldContain("sitemap.xml");
        paths.ShouldContain("robots.txt");
        paths.ShouldContain($"columns/{app.NewsColumnId}/index.html");
        paths.ShouldContain($"columns/{app.NewsColumnId}/page/2/index.html");
        paths.ShouldContain($"columns/{app.NewsColumnId}/rss.xml");
        paths.ShouldContain(p => p.StartsWith("css/site.", StringComparison.Ordinal) && p.EndsWith(".css", StringComparison.Ordinal));
        paths.ShouldContain(p => p.StartsWith("js/a11y.", StringComparison.Ordinal));
        paths.ShouldContain("lib/opencc-cn2t.js");
        paths.ShouldContain("topics/index.html");
        paths.ShouldContain($"topics/{app.TopicId}/index.html");
        paths.ShouldContain($"topics/{app.TopicId}/rss.xml");
        // Every 主题分类 of the platform taxonomy has its feed, by its name (nginx decodes the escaped address to it).
        paths.ShouldContain("disclosure/subjects/综合政务/rss.xml");
        paths.ShouldContain(p => p.StartsWith($"files/{app.PictureId}/", StringComparison.Ordinal));
        paths.Count(p => p.StartsWith("articles/", StringComparison.Ordinal)).ShouldBe(24);
        foreach (var file in manifest.Files)
        {
            Sha256(Path.Combine(app.SiteDir, file.Path)).ShouldBe(file.Sha256, file.Path);
        }
        // Nothing on disk that the manifest does not list.
        Directory.EnumerateFiles(app.SiteDir, "*", SearchOption.AllDirectories).Count().ShouldBe(manifest.Files.Count + 1);
    }

    [Fact]
    public async Task A_publish_rewrites_only_the_files_that_changed()
    {
        await app.ExportAllAsync();
        var before = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        var id = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(app.Site.Id, null,
            new ArticleInput { Publish = true, ColumnId = app.NewsColumnId, Title = "导出测试：刚刚发布", Body = "<p>新稿。</p>" })).Value!.Id);
        await app.WaitForReExportAsync();

        var after = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        var changed = after.Where(kv => !before.TryGetValue(kv.Key, out var old) || old != kv.Value).Select(kv => kv.Key).ToList();
        changed.ShouldContain($"articles/{id}/index.html");
        changed.ShouldContain("index.html");
        changed.ShouldContain($"columns/{app.NewsColumnId}/index.html");
        changed.ShouldContain($"columns/{app.NewsColumnId}/rss.xml");
        changed.ShouldContain("sitemap.xml");
        changed.ShouldNotContain(p => p.StartsWith("css/", StringComparison.Ordinal));
        changed.Where(p => p.StartsWith("articles/", StringComparison.Ordinal)).ShouldBe([$"articles/{id}/index.html"]);
        File.ReadAllText(Path.Combine(app.SiteDir, "index.html")).ShouldContain("导出测试：刚刚发布");

        await app.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().WithdrawAsync(app.Site.Id, id));
        await app.WaitForReExportAsync();
        File.Exists(Path.Combine(app.SiteDir, $"articles/{id}/index.html")).ShouldBeFalse();
        ExportManifest.Read(app.SiteDir)!.Files.Select(f => f.Path).ShouldNotContain($"articles/{id}/index.html");
        File.ReadAllText(Path.Combine(app.SiteDir, "index.html")).ShouldNotContain("导出测试：刚刚发布");
    }

    [Fact]
    public async Task Publishing_a_theme_exports_every_page_again()
    {
        await app.ExportAllAsync();
        var before = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        var colour = $"#{Random.Shared.Next(0x100000, 0xFFFFFF):x6}";
        await app.AsSystemAsync(async sp =>
        {
            var themes = sp.GetRequiredService<GovSite.PublicSite.Themes.ThemeService>();
            await themes.SetAsync(app.Site.Id, await themes.PublishedAsync(app.Site.Id) with { MainColour = colour });
            return 0;
        });
        await app.WaitForReExportAsync();

        var after = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        var pages = after.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        pages.Count.ShouldBeGreaterThan(25);
        foreach (var page in pages)
        {
            after[page].ShouldNotBe(before.GetValueOrDefault(page), page);
            File.ReadAllText(Path.Combine(app.SiteDir, page)).ShouldContain($"--main:{colour}", Case.Insensitive, page);
        }
        // The stylesheet did not change, so it was left alone.
        after.Where(kv => kv.Key.StartsWith("css/", StringComparison.Ordinal)).ShouldAllBe(kv => before[kv.Key] == kv.Value);
    }

    [Fact]
    public async Task A_reference_that_climbs_out_of_the_export_touches_nothing_outside_it()
    {
        await app.ExportAllAsync();
        // Where "/../outside-sentinel.png" would land if the exporter joined it to its folder.
        var sentinel = Path.GetFullPath(Path.Combine(app.SiteDir, "..", "outside-sentinel.png"));
        await File.WriteAllTextAsync(sentinel, "must survive");
        var saved = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(app.Site.Id, null,
            new ArticleInput
            {
                Publish = true,
                ColumnId = app.NewsColumnId, Title = "导出测试：越界引用",
                Body = "<p>图片：<img src=\"/../outside-sentinel.png\" alt=\"越界\"><img src=\"/files/%2E%2E/%2E%2E/outside-sentinel.png\" alt=\"编码越界\"></p>",
            })).Value!);
        await app.WaitForReExportAsync();

        // The sanitiser kept the references, so the exporter did see them.
        saved.Body.ShouldContain("/../outside-sentinel.png");
        File.Exists(Path.Combine(app.SiteDir, $"articles/{saved.Id}/index.html")).ShouldBeTrue();
        File.ReadAllText(sentinel).ShouldBe("must survive");
        ExportManifest.Read(app.SiteDir)!.Files.ShouldAllBe(f => !f.Path.Contains(".."));
    }

    [Fact]
    public async Task Absolute_urls_in_the_export_use_the_main_domain_with_https()
    {
        await app.ExportAllAsync();
        var sitemap = await File.ReadAllTextAsync(Path.Combine(app.SiteDir, "sitemap.xml"));
        sitemap.ShouldContain($"<loc>https://{ExportFixture.Host}/</loc>");
        var feed = await File.ReadAllTextAsync(Path.Combine(app.SiteDir, $"columns/{app.NewsColumnId}/rss.xml"));
        feed.ShouldContain($"<link>https://{ExportFixture.Host}/articles/");
        var article = Directory.EnumerateFiles(Path.Combine(app.SiteDir, "articles"), "index.html", SearchOption.AllDirectories).First();
        (await File.ReadAllTextAsync(article)).ShouldContain($"content=\"https://{ExportFixture.Host}/articles/");
        foreach (var text in new[] { sitemap, feed, await File.ReadAllTextAsync(article) })
        {
            text.ShouldNotContain($"http://{ExportFixture.Host}");
            text.ShouldNotContain("127.0.0.1");
        }
    }

    [Fact]
    public async Task Editing_a_title_rewrites_the_listing_page_that_shows_it_and_not_the_others()
    {
        await app.ExportAllAsync();
        var before = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        // The oldest of the column's articles: listed on page 2 of 要闻动态.
        var oldest = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Articles
            .Where(a => a.SiteId == app.Site.Id && a.ColumnId == app.NewsColumnId).OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .FirstAsync());
        await app.RetitleAsync(oldest, oldest.Title + "（更正）");
        await app.WaitForReExportAsync();

        var after = ExportManifest.Read(app.SiteDir)!.Files.ToDictionary(f => f.Path, f => f.Sha256);
        var changed = after.Where(kv => !before.TryGetValue(kv.Key, out var old) || old != kv.Value).Select(kv => kv.Key).ToList();
        changed.ShouldContain($"articles/{oldest.Id}/index.html");
        changed.ShouldContain($"columns/{app.NewsColumnId}/page/2/index.html");
        changed.ShouldNotContain($"columns/{app.NewsColumnId}/index.html");
        changed.Where(p => p.StartsWith("articles/", StringComparison.Ordinal)).ShouldBe([$"articles/{oldest.Id}/index.html"]);
        File.ReadAllText(Path.Combine(app.SiteDir, $"columns/{app.NewsColumnId}/page/2/index.html")).ShouldContain(oldest.Title + "（更正）");
    }

    [Fact]
    public async Task Nginx_serving_the_export_answers_every_page_exactly_as_GovSite_does()
    {
        await app.ExportAllAsync();
        await using var nginx = await NginxServer.StartAsync(app.ExportRoot, (port, _) => $$"""
                types { application/rss+xml xml; }
                server {
                    listen 127.0.0.1:{{port}};
                    root {{app.SiteDir}};
                    location / { try_files $uri $uri/index.html =404; }
                }
            """);
        using var staticClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nginx.Port}") };
        using var dynamicClient = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        dynamicClient.DefaultRequestHeaders.Host = ExportFixture.Host;
        // As behind the TLS-terminating proxy of a real deployment: the export links with https.
        dynamicClient.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var manifest = ExportManifest.Read(app.SiteDir)!;
        var compared = 0;
        foreach (var file in manifest.Files)
        {
            var url = file.Path.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + file.Path[..^"index.html".Length].TrimEnd('/')
                : file.Path == "index.html" ? "/" : "/" + file.Path;
            var fromNginx = await staticClient.GetAsync(url);
            fromNginx.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var fromGovSite = await dynamicClient.GetByteArrayAsync(url);
            (await fromNginx.Content.ReadAsByteArrayAsync()).ShouldBe(fromGovSite, url);
            compared++;
        }
        compared.ShouldBeGreaterThan(30);
    }

    /// <summary>What a command-line export needs of the app: its services, the asset table, no middleware or endpoints.</summary>
    [Fact]
    public async Task A_command_line_export_writes_every_file_of_the_running_sites_export_without_the_pipeline()
    {
        var expected = await app.ExportedFilesAsync();
        List<string> args = ["--GOVSITE_DATA", app.Database.DataDirectory, "--GOVSITE_NO_DEMO", "true", "--GOVSITE_QUIET", "true"];
        if (app.Database.PostgresConnection is { } pg)
        {
            args.AddRange(["--GOVSITE_DB", pg]);
        }
        await using var cli = GovSiteApp.Create([.. args], background: false);
        GovSite.PublicSite.PublicSiteSetup.MapAssets(cli);
        var renderer = cli.Services.GetRequiredService<PageRenderer>();
        var pipelineAsked = false;
        renderer.StartPipeline = () =>
        {
            pipelineAsked = true;
            return Task.CompletedTask;
        };
        var dir = Path.Combine(app.ExportRoot, "cli-" + Guid.NewGuid().ToString("N"));
        using (var scope = cli.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<GovSite.Accounts.SiteAccess>().BecomeSystem();
            await using var session = renderer.For(app.Site, "https", allArticles: true);
            await scope.ServiceProvider.GetRequiredService<StaticExporter>().ExportAllAsync(app.Site, dir, session);
        }

        pipelineAsked.ShouldBeFalse();
        ExportFixture.FilesIn(dir).ShouldBe(expected);
    }

    /// <summary>
    /// 内外网分离's last step: the export is copied to the internet-facing server with rsync (a
    /// local directory here; over SSH in production), and after an edit only what changed travels.
    /// </summary>
    [Fact]
    public async Task Publish_static_with_push_copies_the_export_and_later_only_what_changed()
    {
        var id = Guid.NewGuid().ToString("N");
        var dir = Path.Combine(app.ExportRoot, "push-source-" + id);
        var target = Path.Combine(app.ExportRoot, "push-target-" + id);

        var first = await GovSiteCli.RunAsync(app.Database, "publish-static", "--site", ExportFixture.Code, "--out", dir, "--push", target);

        first.ExitCode.ShouldBe(0, first.Output);
        var files = Tree(dir);
        files.Count.ShouldBeGreaterThan(30);
        Tree(target).ShouldBe(files);
        first.Out.ShouldContain($"已推送到 {target}：传送 {files.Count} 个文件，删除 0 个");

        var newest = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Articles
            .Where(a => a.SiteId == app.Site.Id && a.ColumnId == app.NewsColumnId).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .FirstAsync());
        await app.RetitleAsync(newest, newest.Title + "（推送）");
        await app.WaitForReExportAsync();
        var second = await GovSiteCli.RunAsync(app.Database, "publish-static", "--site", ExportFixture.Code, "--out", dir, "--incremental",
            "--push", target);

        second.ExitCode.ShouldBe(0, second.Output);
        var after = Tree(dir);
        Tree(target).ShouldBe(after);
        var changed = after.Count(kv => !files.TryGetValue(kv.Key, out var old) || old != kv.Value);
        changed.ShouldBeGreaterThan(1); // the article's page and the manifest at least
        changed.ShouldBeLessThan(files.Count / 2);
        second.Out.ShouldContain($"已推送到 {target}：传送 {changed} 个文件，删除 0 个");
        File.ReadAllText(Path.Combine(target, "articles", newest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "index.html"))
            .ShouldContain(newest.Title + "（推送）");

        // A target that cannot be written: the operator is told, and the command fails.
        var refused = await GovSiteCli.RunAsync(app.Database, "publish-static", "--site", ExportFixture.Code, "--out", dir, "--incremental",
            "--push", "/proc/govsite-no-such-place/site");
        refused.ExitCode.ShouldBe(3, refused.Output);
        refused.Err.ShouldContain("推送到 /proc/govsite-no-such-place/site 失败");
    }

    private static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The real command, as an operator runs it, on the database the running site uses.</summary>
    [Fact]
    public async Task The_publish_static_command_writes_what_the_running_site_exports()
    {
        var expected = await app.ExportedFilesAsync();
        var dir = Path.Combine(app.ExportRoot, "command-" + Guid.NewGuid().ToString("N"));
        var run = await GovSiteCli.RunAsync(app.Database, "publish-static", "--site", ExportFixture.Code, "--out", dir);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Out.ShouldContain($"渲染 {expected.Count} 个文件，写入 {expected.Count} 个");
        ExportFixture.FilesIn(dir).ShouldBe(expected);
    }
}

public class CommandLineHostTests
{
    [Fact]
    public void A_command_line_host_runs_the_schema_check_but_none_of_the_background_services()
    {
        var data = Path.Combine(Path.GetTempPath(), "govsite-cli-host-" + Guid.NewGuid().ToString("N"));
        try
        {
            static List<Type> HostedTypes(Microsoft.AspNetCore.Builder.WebApplication app) =>
                [.. app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType())];
            var server = HostedTypes(GovSiteApp.Build(["--GOVSITE_DATA", data, "--GOVSITE_NO_WORKERS", "false"]));
            var command = HostedTypes(GovSiteApp.Build(["--GOVSITE_DATA", data, "--GOVSITE_NO_WORKERS", "false"], background: false));

            server.ShouldContain(typeof(GovSite.Data.JobWorker));
            server.ShouldContain(typeof(GovSite.Monitoring.Platform.MonitoringScheduler));
            command.ShouldContain(typeof(GovSite.StartupWork));
            command.ShouldNotContain(typeof(GovSite.Data.JobWorker));
            command.ShouldNotContain(typeof(GovSite.Monitoring.Platform.MonitoringScheduler));
            command.Where(t => t.Assembly == typeof(GovSiteApp).Assembly).ShouldBe([typeof(GovSite.StartupWork)]);
            // The web host itself stays: it builds the pipeline the exporter renders through.
            command.Count.ShouldBeGreaterThan(1);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}

public class LocalReferenceTests
{
    // The expression the exporter used before it read bytes: the scanner must find the same.
    private static readonly System.Text.RegularExpressions.Regex Reference =
        new("(?:href|src|data-cn2t)=\"(/[^\"/?#][^\"?#]*\\.[A-Za-z0-9]{1,5})(?:\\?[^\"]*)?\"");

    [Theory]
    [InlineData("<link rel=\"stylesheet\" href=\"/css/site.css?v=abc\"><script src=\"/js/a11y.js\" data-cn2t=\"/lib/opencc-cn2t.js\"></script>")]
    [InlineData("<a href=\"/files/12/%E6%8A%A5%E5%91%8A.pdf\">报告</a><img src=\"/files/3/图.png\" alt=\"图\">")]
    [InlineData("<a href=\"/articles/3\">页面</a><a href=\"//cdn.example.com/x.js\">x</a><a href=\"/x.js#top\">锚</a><a href=\"/a.abcdef\">长</a>")]
    [InlineData("<a href=\"/x.tar.gz\">包</a><a xhref=\"/y.css\">x</a><img data-src=\"/z.png\"><a href=\"/dir.v2/file\">无扩展名</a>")]
    [InlineData("<a title=\"/t.css\" href=\"/ok.css?\">q</a><a href=\"/\">根</a><a href=\"/.x\">点</a><a href=\"/a.b?c#d\">q</a>")]
    [InlineData("<a href=\"/unterminated.css")]
    public void The_byte_scanner_finds_what_the_expression_found(string html)
    {
        var expected = Reference.Matches(html).Select(m => m.Groups[1].Value).ToList();
        StaticExporter.LocalReferences(System.Text.Encoding.UTF8.GetBytes(html)).ShouldBe(expected);
    }
}

public class ExportFileNameTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/columns/3", "columns/3/index.html")]
    [InlineData("/columns/3/page/2?x=1", "columns/3/page/2/index.html")]
    [InlineData("/sitemap.xml", "sitemap.xml")]
    [InlineData("/files/7/%E6%8A%A5%E5%91%8A.pdf", "files/7/报告.pdf")]
    [InlineData("/files/7/a%20b.pdf", "files/7/a b.pdf")]
    public void An_address_names_the_file_nginx_looks_for(string path, string file)
    {
        StaticExporter.FileFor(path).ShouldBe(file);
    }

    [Theory]
    [InlineData("/../x.png")]
    [InlineData("/files/%2E%2E/%2E%2E/x.png")]
    [InlineData("/a/./b.css")]
    [InlineData("/a//b.css")]
    [InlineData("/a%5C..%5Cb.css")]
    [InlineData("/a%00.css")]
    public void An_address_that_cannot_name_a_file_inside_the_export_names_none(string path)
    {
        StaticExporter.FileFor(path).ShouldBeNull();
    }
}

public class DirectRenderRouteTests
{
    // The exporter renders these addresses itself (ArticleView, ColumnView, TopicView, SiteFeeds, the
    // files); anything else goes through the pipeline. A wrong match would write a page where the site
    // answers something else.
    [Theory]
    [InlineData("/articles/12", 12)]
    [InlineData("/articles/0012", 12)]
    [InlineData("/articles/", null)]
    [InlineData("/articles/12?print=1", null)]
    [InlineData("/articles/-3", null)]
    [InlineData("/articles/+3", null)]
    [InlineData("/articles/99999999999", null)]
    [InlineData("/articles/12/", null)]
    [InlineData("/articlesx/12", null)]
    public void Article_addresses(string path, int? id) => PageRenderer.ArticleId(path).ShouldBe(id);

    [Theory]
    [InlineData("/columns/3", 3, 1)]
    [InlineData("/columns/3/page/2", 3, 2)]
    [InlineData("/columns/3/rss.xml", null, null)]
    [InlineData("/columns/3/page/", null, null)]
    [InlineData("/columns/3/page/2/", null, null)]
    [InlineData("/columns/3/pages/2", null, null)]
    [InlineData("/columns/3?preview=theme", null, null)]
    [InlineData("/columns/", null, null)]
    public void Column_addresses(string path, int? column, int? page) =>
        PageRenderer.ColumnPage(path).ShouldBe(column is int c ? (c, page!.Value) : null);

    [Theory]
    [InlineData("/topics/4", 4)]
    [InlineData("/topics/", null)]
    [InlineData("/topics/4/", null)]
    [InlineData("/topics/4?preview=theme", null)]
    [InlineData("/topicsx/4", null)]
    public void Topic_addresses(string path, int? id) => PageRenderer.TopicId(path).ShouldBe(id);

    [Theory]
    [InlineData("/columns/3/rss.xml", 3)]
    [InlineData("/columns//rss.xml", null)]
    [InlineData("/columns/3/page/2/rss.xml", null)]
    [InlineData("/columns/3/rss.xml?x=1", null)]
    [InlineData("/columns/rss.xml", null)]
    public void Feed_addresses(string path, int? column) => PageRenderer.FeedColumn(path).ShouldBe(column);

    [Theory]
    [InlineData("/files/7/%E6%8A%A5%E5%91%8A.pdf", 7)]
    [InlineData("/files/7/a/b.png", 7)]
    [InlineData("/files/7", null)]
    [InlineData("/files/%2E%2E/x.png", null)]
    [InlineData("/files/7/x.png?v=2", null)]
    [InlineData("/filesx/7/x.png", null)]
    public void File_addresses(string path, int? id) => PageRenderer.FileId(path).ShouldBe(id);
}

public class ExportFileWriteTests
{
    [Fact]
    public void A_new_file_is_written_and_a_left_over_one_is_replaced_whole()
    {
        var dir = Directory.CreateTempSubdirectory("govsite-write-").FullName;
        try
        {
            var path = Path.Combine(dir, "index.html");
            AtomicFile.WriteNew(path, "第一版，比较长的内容"u8.ToArray());
            File.ReadAllText(path).ShouldBe("第一版，比较长的内容");
            // An interrupted first export leaves files without a manifest: the next one writes over them.
            AtomicFile.WriteNew(path, "短"u8.ToArray());
            File.ReadAllText(path).ShouldBe("短");
            AtomicFile.Write(path, "改名写入"u8.ToArray());
            File.ReadAllText(path).ShouldBe("改名写入");
            Directory.GetFiles(dir).ShouldBe([path]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
