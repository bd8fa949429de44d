using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GovSite.Observability;
using Microsoft.Extensions.Configuration;

namespace GovSite.Tests.Observability;

/// <summary>/metrics in Prometheus format, request ids, JSON logs (docs/operations.md, Monitoring).</summary>
public class ObservabilityTests(GovSite.Tests.PublicSite.PublicSiteFixture app) : IClassFixture<GovSite.Tests.PublicSite.PublicSiteFixture>
{
    [Fact]
    public async Task Metrics_show_requests_latency_page_cache_and_job_queue()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = GovSite.Tests.PublicSite.PublicSiteFixture.Host;
        var page = $"/columns/{app.NewsColumnId}?metrics={Guid.NewGuid():N}";
        (await client.GetAsync(page)).EnsureSuccessStatusCode();
        (await client.GetAsync(page)).EnsureSuccessStatusCode();

        using var internalClient = app.CreateClient();
        var response = await internalClient.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        var series = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        double Value(string prefix) => series.Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

        Value("http_server_request_duration_seconds_count").ShouldBeGreaterThanOrEqualTo(2);
        series.ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
                                  && l.Contains("http_route=", StringComparison.Ordinal));
        // Buckets fine enough to tell a 1 ms answer from a 4 ms one (the default's first is 5 ms).
        series.ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
                                  && l.Contains("le=\"0.001\"", StringComparison.Ordinal));
        Value("govsite_page_cache_misses_total").ShouldBeGreaterThanOrEqualTo(1);
        Value("govsite_page_cache_hits_total").ShouldBeGreaterThanOrEqualTo(1);
        series.ShouldContain(l => l.StartsWith("govsite_jobs_queued", StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_answer_only_loopback_and_the_configured_networks()
    {
        var byDefault = new MetricsAccess(new ConfigurationBuilder().Build());
        byDefault.Allows(IPAddress.Loopback).ShouldBeTrue();
        byDefault.Allows(IPAddress.IPv6Loopback).ShouldBeTrue();
        byDefault.Allows(IPAddress.Parse("10.1.2.3")).ShouldBeTrue();
        byDefault.Allows(IPAddress.Parse("::ffff:192.168.5.6")).ShouldBeTrue();
        byDefault.Allows(IPAddress.Parse("8.8.8.8")).ShouldBeFalse();
        byDefault.Allows(IPAddress.Parse("172.32.0.1")).ShouldBeFalse();

        var narrow = new MetricsAccess(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [MetricsAccess.Setting] = "10.20.0.0/16" }).Build());
        narrow.Allows(IPAddress.Parse("10.20.9.9")).ShouldBeTrue();
        narrow.Allows(IPAddress.Parse("10.1.2.3")).ShouldBeFalse();

        Should.Throw<InvalidOperationException>(() => new MetricsAccess(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [MetricsAccess.Setting] = "内网" }).Build()))
            .Message.ShouldContain(MetricsAccess.Setting);
    }

    [Fact]
    public async Task A_request_id_is_honoured_when_plain_and_made_otherwise()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = GovSite.Tests.PublicSite.PublicSiteFixture.Host;
        foreach (var path in new[] { "/", "/health/live" })
        {
            using var given = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { RequestIds.Header, "lb-7f3a.0001" } } };
            (await client.SendAsync(given)).Headers.GetValues(RequestIds.Header).Single().ShouldBe("lb-7f3a.0001");
        }
        // Twice: the second answer comes from the page cache and must not replay the first id.
        using var odd = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { RequestIds.Header, "<script>" } } };
        var made = (await client.SendAsync(odd)).Headers.GetValues(RequestIds.Header).Single();
        made.ShouldMatch("^[0-9a-f]{32}$");
        var again = (await client.GetAsync("/")).Headers.GetValues(RequestIds.Header).Single();
        again.ShouldMatch("^[0-9a-f]{32}$");
        again.ShouldNotBe(made);
    }

    [Fact]
    public async Task With_GOVSITE_LOG_FORMAT_json_every_log_line_is_json_with_the_request_id()
    {
        var data = Path.Combine(Path.GetTempPath(), "govsite-jsonlog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govsite.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["GOVSITE_DATA"] = data;
        start.Environment["GOVSITE_NO_DEMO"] = "true";
        start.Environment["GOVSITE_NO_WORKERS"] = "true";
        start.Environment["GOVSITE_LOG_FORMAT"] = "json";
        // The access log line of every request.
        start.Environment["Logging__LogLevel__GovSite.Observability.RequestIds"] = "Debug";
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var up = false;
            for (var i = 0; i < 600 && !up && !process.HasExited; i++)
            {
                try
                {
                    up = (await client.GetAsync("/health/live")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }
            up.ShouldBeTrue(string.Join('\n', lines));
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready") { Headers = { { RequestIds.Header, "json-log-check-42" } } };
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

            List<JsonElement> withId = [];
            for (var i = 0; i < 50 && withId.Count == 0; i++)
            {
                await Task.Delay(100);
                withId = [.. lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
                    .Where(e => e.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                                && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object
                                    && s.TryGetProperty("RequestId", out var id) && id.GetString() == "json-log-check-42"))];
            }
            withId.ShouldNotBeEmpty(string.Join('\n', lines));
            foreach (var line in withId)
            {
                foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" })
                {
                    line.TryGetProperty(field, out var _).ShouldBeTrue(field);
                }
            }
            withId.ShouldContain(e => e.GetProperty("Message").GetString()!.Contains("/health/ready", StringComparison.Ordinal));
            // Log lines are JSON; what is not JSON is the start-up banner GovSite prints itself (URLs, the admin's password).
            lines.Where(l => l.StartsWith('{')).Count().ShouldBeGreaterThan(2);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }
}
