using System.Net;
using GovSite.Demo;
using GovSite.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The demo region on a real Kestrel port: the server's own limits, not the in-memory test server's.</summary>
public sealed class KestrelSearchFixture : SearchFixture
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>A query longer than the limit is cut with a Chinese notice, on the page and through Kestrel, never a blank 414.</summary>
public class QueryLengthTests(KestrelSearchFixture app) : IClassFixture<KestrelSearchFixture>
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public async Task A_pasted_paragraph_is_cut_with_a_notice_on_the_search_pages(int characters)
    {
        // The search box takes MaxQueryInput characters; a hand-made address may carry more.
        var query = string.Concat(Enumerable.Repeat("社会保险", characters / 4));
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var path in new[] { $"/sites/{DemoRegion.HumanResourcesCode}/search", "/search" })
        {
            var response = await client.GetAsync($"{path}?q={Uri.EscapeDataString(query)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain($"已截取前 {SearchText.MaxQueryLength} 个字");
            html.ShouldContain("<mark>社会保险</mark>");
        }
        var api = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_search_box_lets_a_paragraph_through_for_the_server_to_cut()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var html = await client.GetStringAsync($"/sites/{DemoRegion.HumanResourcesCode}/search");
        html.ShouldContain($"maxlength=\"{SearchText.MaxQueryInput}\"");
        // The longest input the box allows, percent-encoded as a browser sends it, fits the request line.
        (SearchText.MaxQueryInput * 9 + 200).ShouldBeLessThan(GovSiteApp.MaxRequestLineBytes);
    }
}
