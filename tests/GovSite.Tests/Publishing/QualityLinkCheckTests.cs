using GovSite.Data;
using GovSite.Publishing.Quality;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing;

/// <summary>The background check of external links, against a real web server on loopback.</summary>
public sealed class QualityLinkCheckTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>, IAsyncLifetime
{
    private WebApplication _server = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapMethods("/ok", ["GET", "HEAD"], () => Results.Ok());
        _server.MapMethods("/gone", ["GET", "HEAD"], () => Results.NotFound());
        _server.MapGet("/no-head", () => Results.Ok()); // HEAD is refused with 405, GET works
        _server.MapMethods("/slow", ["GET", "HEAD"], async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Ok();
        });
        await _server.StartAsync();
        _base = _server.Urls.First();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ExternalLinkStatus> CheckAsync(string url) => app.AsSystemAsync(async sp =>
    {
        var handler = sp.GetRequiredKeyedService<IJobHandler>(QualityOptions.LinkJobType);
        await handler.HandleAsync(new Job { Type = QualityOptions.LinkJobType, Payload = url }, CancellationToken.None);
        var hash = QualityLinks.Hash(url);
        return await sp.GetRequiredService<GovSiteDb>().ExternalLinkStatuses.AsNoTracking().SingleAsync(s => s.UrlHash == hash);
    });

    [Fact]
    public async Task Missing_pages_and_timeouts_are_broken_and_live_pages_are_not()
    {
        var options = app.Services.GetRequiredService<QualityOptions>();
        // By default the checker never connects to the server's own network.
        var refused = await CheckAsync(_base + "/gone?private");
        refused.Broken.ShouldBeFalse();
        refused.Error.ShouldBe("内网地址，未检查");

        options.AllowPrivateAddresses = true;
        options.LinkTimeout = TimeSpan.FromSeconds(1);
        try
        {
            (await CheckAsync(_base + "/ok")).Broken.ShouldBeFalse();
            (await CheckAsync(_base + "/no-head")).Broken.ShouldBeFalse();
            var gone = await CheckAsync(_base + "/gone");
            gone.Broken.ShouldBeTrue();
            gone.StatusCode.ShouldBe(404);
            var slow = await CheckAsync(_base + "/slow");
            slow.Broken.ShouldBeTrue();
            slow.Error!.ShouldContain("无响应");
        }
        finally
        {
            options.AllowPrivateAddresses = false;
            options.LinkTimeout = TimeSpan.FromSeconds(8);
        }
    }
}
