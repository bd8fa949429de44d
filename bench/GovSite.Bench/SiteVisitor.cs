using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace GovSite.Bench;

public sealed record VisitResult(int Pages, int Failures, TimeSpan Elapsed, IReadOnlyList<string> FailureSamples);

/// <summary>
/// Requests the home page of every generated site through the Host header, as a browser on the
/// site's own domain would, so the server holds every site's page in memory before RSS is read.
/// </summary>
public static class SiteVisitor
{
    public static async Task<VisitResult> VisitAsync(Uri server, int sites, int concurrency, Action? pageDone = null,
        CancellationToken ct = default)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        var failures = 0;
        var samples = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, sites),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (n, token) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Host = SiteGenerator.MainHost(n);
                using var response = await client.SendAsync(request, token);
                var body = await response.Content.ReadAsStringAsync(token);
                // A page for the wrong site would still be 200, so check that it names its own domain.
                if (response.StatusCode != HttpStatusCode.OK ||
                    !body.Contains($"\"{SiteGenerator.MainHost(n)}\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                    if (samples.Count < 5)
                    {
                        samples.Enqueue($"{request.Headers.Host}: {(int)response.StatusCode}");
                    }
                }
                pageDone?.Invoke();
            });
        return new VisitResult(sites, failures, clock.Elapsed, [.. samples]);
    }
}
