using System.Diagnostics;
using System.Net;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Tests.Interaction;
using GovSite.Tests.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovSite.Tests.Faults;

/// <summary>The interaction test platform on a PostgreSQL cluster of its own, which the test may stop and start.</summary>
public sealed class OwnPostgresFactory : InteractionFactory
{
    private OwnPostgres? _cluster;

    /// <summary>Only in the PostgreSQL pass (the test has nothing to restart on SQLite).</summary>
    public OwnPostgres Cluster => _cluster ?? throw new InvalidOperationException("no cluster of our own on SQLite");

    protected override string? PostgresServer => _cluster?.ConnectionString;

    public override async Task InitializeAsync()
    {
        if (TestDatabase.OnPostgres)
        {
            _cluster = await OwnPostgres.StartAsync();
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is not null)
        {
            // The database first (its server must still run), then the server.
            await Database.DisposeAsync();
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// PostgreSQL stopped and started again under two nodes (this test's app and a GovSite process):
/// while it is down, cached public pages are still served, readiness says 503 and liveness 200;
/// once it is up, no request fails (the first one included) and the LISTEN connection is back, so
/// a change made on one node shows on the other within 2 s. PostgreSQL only (SQLite has no server
/// to restart). The cluster is the test's own: the suite's shared server is never restarted.
/// </summary>
[Trait("Category", "Faults")]
public sealed class DatabaseRestartTests(OwnPostgresFactory app, ITestOutputHelper output) : IClassFixture<OwnPostgresFactory>
{
    private const string Host = "www.hd.test.gov.cn";

    [Fact]
    public async Task Cached_pages_outlive_the_database_and_nothing_fails_once_it_is_back()
    {
        if (!TestDatabase.OnPostgres)
        {
            return;
        }
        var column = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == app.Portal.Id && c.Type == ColumnType.News).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var before = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            before.Add(await PublishAsync(column, $"重启前发布的第{i}篇稿件"));
        }
        await using var node = NodeProcess.Start(new Dictionary<string, string>
        {
            ["GOVSITE_DB"] = app.Database.PostgresConnection!,
            ["GOVSITE_DATA"] = app.Database.DataDirectory,
            ["GOVSITE_NO_DEMO"] = "true",
            ["GOVSITE_QUIET"] = "true",
        });
        await node.WaitReadyAsync(TimeSpan.FromMinutes(2));
        using var onB = new HttpClient { BaseAddress = node.BaseAddress, DefaultRequestHeaders = { Host = Host }, Timeout = TimeSpan.FromSeconds(30) };
        using var onA = app.ClientForHost(Host);
        HttpClient[] nodes = [onA, onB];

        // Two requests before: the home page and the column, now cached on both nodes.
        var cached = new Dictionary<(HttpClient, string), string>();
        foreach (var client in nodes)
        {
            foreach (var path in new[] { "/", $"/columns/{column}" })
            {
                var response = await client.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                cached[(client, path)] = await response.Content.ReadAsStringAsync();
            }
        }

        await app.Cluster.StopClusterAsync();
        foreach (var client in nodes)
        {
            foreach (var path in new[] { "/", $"/columns/{column}" })
            {
                var response = await client.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"cached {path} with the database down");
                (await response.Content.ReadAsStringAsync()).ShouldBe(cached[(client, path)]);
            }
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await app.Cluster.StartClusterAsync();
        // Up again: the first request of each kind on each node, then more, none may fail. The
        // article pages were never cached, so each one reads the database.
        var failures = new List<string>();
        foreach (var client in nodes)
        {
            foreach (var path in before.Select(id => $"/articles/{id}").Append("/health/ready").Append($"/columns/{column}"))
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{client.BaseAddress}{path}: {(int)response.StatusCode}");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join('\n', node.Output.TakeLast(30)));

        // A change after the restart reaches the other node (its LISTEN connection is back) within 2 s.
        (await onB.GetStringAsync($"/columns/{column}")).ShouldNotContain("重启后发布的稿件");
        var id = await PublishAsync(column, "重启后发布的稿件");
        var clock = Stopwatch.StartNew();
        var seen = false;
        while (!seen && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            seen = (await onB.GetStringAsync($"/columns/{column}")).Contains($"/articles/{id}\"", StringComparison.Ordinal);
            if (!seen)
            {
                await Task.Delay(50);
            }
        }
        output.WriteLine($"the other node showed the change {clock.ElapsedMilliseconds} ms after its commit");
        seen.ShouldBeTrue("the other node never showed the change made after the restart");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    private Task<int> PublishAsync(int column, string title) =>
        app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(app.Portal.Id, null,
            new ArticleInput { Publish = true, ColumnId = column, Title = title, Body = $"<p>{title}的正文。</p>" })).Value!.Id);
}
