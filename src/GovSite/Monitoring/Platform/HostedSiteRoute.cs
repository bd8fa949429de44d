using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovSite.Monitoring.Platform;

/// <summary>
/// How this node reaches a site it hosts: through its own listening address on loopback and the
/// site's path (/sites/{code}/), never through DNS and the internet. A fresh install, a demo, or a
/// node inside 内外网分离 judges exactly what it serves; the report is then written back in the
/// site's public address, so evidence links are the ones a supervisor knows.
/// </summary>
public sealed class HostedSiteRoute(IServer server, MonitoringOptions options)
{
    /// <summary>The node's own address, as loopback: the first http address it listens on; else the configured one.</summary>
    public string? LocalBase
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)))
            {
                if (Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal),
                        UriKind.Absolute, out var uri))
                {
                    var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : uri.Host;
                    return $"{uri.Scheme}://{(host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host)}:{uri.Port}";
                }
            }
            return options.LoopbackUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : null;
        }
    }

    /// <summary>The address the monitor fetches for a site: the hosted site through this node, anything else as registered.</summary>
    public string FetchUrl(MonitoredSite site, string? hostedCode) =>
        hostedCode is not null && LocalBase is { } local ? $"{local}/sites/{hostedCode}/" : site.Url;

    /// <summary>A report on the loopback address, rewritten in the public one (every URL that starts with <paramref name="from"/>).</summary>
    public static SiteReport Rebase(SiteReport report, string from, string to)
    {
        if (from == to)
        {
            return report;
        }
        string Map(string url) => url.StartsWith(from, StringComparison.Ordinal) ? to + url[from.Length..] : url;
        string? MapOrNull(string? url) => url is null ? null : Map(url);
        return report with
        {
            Url = Map(report.Url),
            Vetoes = [.. report.Vetoes.Select(v => v with { Evidence = [.. v.Evidence.Select(Map)] })],
            Findings = [.. report.Findings.Select(f => f with { Url = MapOrNull(f.Url), Detail = f.Detail.Replace(from, to, StringComparison.Ordinal) })],
            Columns = [.. report.Columns.Select(c => c with { Url = Map(c.Url) })],
            BrokenLinks = [.. report.BrokenLinks.Select(b => b with { Url = Map(b.Url), FoundOn = Map(b.FoundOn) })],
        };
    }
}
