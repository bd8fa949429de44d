using System.Diagnostics;
using GovSite.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovSite.Tests.Monitoring;

/// <summary>The checker's outgoing HTTP against a real server that counts requests in flight.</summary>
public sealed class FetcherTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _origin = "";
    private int _inFlight;
    private int _maxInFlight;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            try
            {
                if (context.Request.Path == "/slow")
                {
                    await Task.Delay(300);
                }
                if (context.Request.Path == "/nohead" && HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.StatusCode = 405;
                    return;
                }
                if (context.Request.Path == "/hang")
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                await context.Response.WriteAsync("<html><body>ok</body></html>");
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        await _app.StartAsync();
        _origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public async Task No_more_requests_than_the_per_host_limit_are_in_flight()
    {
        using var handler = Fetcher.DefaultHandler();
        using var fetcher = new Fetcher(handler, new CrawlLimits(2, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fetcher.GetAsync(new Uri($"{_origin}/slow?{i}"), false, default)));
        _maxInFlight.ShouldBe(2);
        fetcher.Requests.ShouldBe(8);
    }

    [Fact]
    public async Task Requests_to_one_host_start_no_faster_than_the_politeness_delay()
    {
        using var handler = Fetcher.DefaultHandler();
        using var fetcher = new Fetcher(handler, new CrawlLimits(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fetcher.GetAsync(new Uri($"{_origin}/fast?{i}"), false, default)));
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(480));
    }

    [Fact]
    public async Task A_refused_HEAD_is_retried_as_GET_and_a_hanging_page_times_out()
    {
        using var handler = Fetcher.DefaultHandler();
        using var fetcher = new Fetcher(handler, new CrawlLimits(4, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        var link = await fetcher.CheckLinkAsync(new Uri($"{_origin}/nohead"), default);
        link.ShouldSatisfyAllConditions(() => link.Ok.ShouldBeTrue(link.Error), () => link.Status.ShouldBe(200));
        using var impatient = new Fetcher(handler, new CrawlLimits(4, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
        var hang = await impatient.GetAsync(new Uri($"{_origin}/hang"), true, default);
        hang.Ok.ShouldBeFalse();
        hang.Error.ShouldBe("timeout");
    }
}
