using System.Net;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Fetches public pages from this GovSite process over its own listening address, as a visitor
/// to the site's main domain would: no cookies, no compression, the site's Host header.
/// </summary>
public sealed class PageFetcher(IServer server) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = 16,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    }) { Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => new((server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("GovSite is not listening on any address"))
        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
        .Replace("//+", "//127.0.0.1", StringComparison.Ordinal).Replace("//*", "//127.0.0.1", StringComparison.Ordinal));

    public StaticExporter.Fetch For(SiteInfo site)
    {
        var host = HostName.ToAscii(site.MainHost ?? throw new InvalidOperationException($"网站 {site.Code} 没有主域名，无法导出静态页面"));
        var baseAddress = BaseAddress;
        return async (path, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
            request.Headers.Host = host;
            using var response = await _client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(ct);
        };
    }

    public void Dispose() => _client.Dispose();
}
