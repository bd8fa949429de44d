using System.Text.Json;
using GovSite.Cli;
using GovSite.Monitoring;
using GovSite.Tests.Monitoring.Farm;

namespace GovSite.Tests.Monitoring;

/// <summary>`govsite check` as a user runs it: a real process against the farm on loopback.</summary>
public sealed class CheckCommandTests : IAsyncLifetime
{
    private FarmServer _farm = null!;
    private readonly List<FarmSite> _sites = [.. FarmCatalogue.Sites().Where(s => s.Slug is "s00" or "s06" or "s12")];

    public async Task InitializeAsync() => _farm = await FarmServer.StartAsync(_sites, FarmFixture.AsOf);

    public async Task DisposeAsync() => await _farm.DisposeAsync();

    // The command must not need a database: the data directory points at nothing usable.
    private static Task<GovSiteCli.Run> RunAsync(params string[] args) =>
        GovSiteCli.RunAsync(new Dictionary<string, string> { ["GOVSITE_DATA"] = "/nonexistent/govsite-check" }, args);

    [Fact]
    public async Task Check_writes_the_json_report_to_stdout_and_exits_0_even_when_sites_fail()
    {
        var (code, stdout, stderr) = await RunAsync("check", _farm.UrlOf(_sites[0]), _farm.UrlOf(_sites[1]), _farm.UrlOf(_sites[2]),
            "--as-of", "2026-11-20", "--max-pages", "500");
        code.ShouldBe(0, stderr);
        CliCommands.IsCliCommand(["check"]).ShouldBeTrue();
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("asOf").GetString().ShouldBe("2026-11-20");
        var sites = json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        sites.Count.ShouldBe(3);
        sites[0].GetProperty("verdict").GetString().ShouldBe("pass");
        sites[0].GetProperty("score").GetDouble().ShouldBe(100);
        sites[0].GetProperty("identifierCode").GetString().ShouldBe(_sites[0].Code);
        // Extra fields beside the published schema: the kind the score depended on, and the bonus items found.
        sites[0].GetProperty("kind").GetString().ShouldBe("portal");
        sites[0].GetProperty("bonus").GetArrayLength().ShouldBe(0);
        var column = sites[0].GetProperty("columns")[0];
        foreach (var field in new[] { "name", "url", "type", "latest", "items", "stale", "empty" })
        {
            column.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        sites[1].GetProperty("verdict").GetString().ShouldBe("fail");
        sites[1].GetProperty("vetoes").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ShouldContain("site_unreachable");
        sites[1].GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);
        var empty = sites[2].GetProperty("vetoes").EnumerateArray().Single();
        empty.GetProperty("code").GetString().ShouldBe("columns_empty");
        empty.GetProperty("evidence").GetArrayLength().ShouldBe(5);
        stderr.ShouldContain("合格");
    }

    [Fact]
    public async Task Check_writes_text_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"govsite-check-{Guid.NewGuid():N}.txt");
        try
        {
            var (code, stdout, _) = await RunAsync("check", _farm.UrlOf(_sites[0]), "--as-of", "2026-11-20", "--format", "text", "--out", file);
            code.ShouldBe(0);
            stdout.Trim().ShouldBeEmpty();
            var text = await File.ReadAllTextAsync(file);
            text.ShouldContain("结论：合格");
            text.ShouldContain("类型：门户网站");
            text.ShouldContain(_sites[0].Code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "not a url")]
    [InlineData("check", "http://127.0.0.1:1/", "--as-of", "2026-13-45")]
    [InlineData("check", "http://127.0.0.1:1/", "--format", "xml")]
    [InlineData("check", "http://127.0.0.1:1/", "--max-pages", "0")]
    public async Task Bad_arguments_exit_non_zero(params string[] args)
    {
        var (code, _, _) = await RunAsync(args);
        code.ShouldNotBe(0);
    }
}

public sealed class MonitoringSetupTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public void The_web_app_registers_the_one_checker() =>
        app.Services.GetService(typeof(ISiteChecker)).ShouldBeOfType<SiteChecker>();
}
