using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// The second farm on loopback. Each root site has its own port, as a real host; five department
/// sites live under paths of two shared platform hosts. Separate ports stand for the rest of the
/// internet (see External). Nothing leaves the machine.
/// </summary>
public sealed class Farm2Server : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpListener> _resetters = [];
    private readonly Dictionary<int, Host> _hosts = [];
    private readonly Dictionary<External, string> _external = [];
    private readonly Dictionary<string, string> _origins = [];
    private readonly Dictionary<string, Renderer> _renderers = [];

    private Farm2Server(WebApplication app, List<SiteModel> sites, DateOnly asOf)
    {
        _app = app;
        Sites = sites;
        AsOf = asOf;
    }

    public List<SiteModel> Sites { get; }
    public DateOnly AsOf { get; }

    /// <summary>Requests that went further than one hop off-site: path → count. Must stay empty.</summary>
    public ConcurrentDictionary<string, int> BeyondOneHop { get; } = new();

    /// <summary>Every page and file each host serves, keyed by path and query; for the farm's own checks.</summary>
    public IReadOnlyDictionary<string, Resource> ResourcesOf(SiteModel site) => _hosts.Values.First(h => h.Sites.Contains(site)).Resources;

    public string UrlOf(SiteModel site) => _origins[site.Slug] + site.Base;

    /// <summary>Each site's name and the URL to check it at.</summary>
    public IReadOnlyDictionary<string, string> SiteUrls => Sites.ToDictionary(s => s.Name, UrlOf);
    public string OriginOf(SiteModel site) => _origins[site.Slug];
    public string OriginOf(External server) => _external[server];

    /// <summary>Starts the farm with the catalogue's sites; the way to serve it by hand.</summary>
    public static Task<Farm2Server> StartAsync() => StartAsync(Catalogue.Sites(), Catalogue.AsOf);

    public static async Task<Farm2Server> StartAsync(List<SiteModel> sites, DateOnly asOf)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var listeners = new List<(object Owner, ListenOptions Options)>();
        var served = sites.Where(s => s.Reach is Reach.Up or Reach.Down).ToList();
        var owners = served.Where(s => !s.Prefixed).Cast<object>()
            .Concat(served.Where(s => s.Prefixed).Select(s => (object)s.SharedHost).Distinct())
            .Concat(Enum.GetValues<External>().Where(e => e != External.Dead).Cast<object>()).ToList();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = null;
            foreach (var owner in owners)
            {
                k.Listen(IPAddress.Loopback, 0, o => listeners.Add((owner, o)));
            }
        });
        var app = builder.Build();
        var farm = new Farm2Server(app, sites, asOf);
        app.Run(farm.AnswerAsync);
        await app.StartAsync();

        var ports = listeners.ToDictionary(l => l.Owner, l => l.Options.IPEndPoint!.Port);
        foreach (var server in Enum.GetValues<External>().Where(e => e != External.Dead))
        {
            farm._external[server] = $"http://127.0.0.1:{ports[server]}";
            farm._hosts[ports[server]] = new Host(server);
        }
        farm._external[External.Dead] = $"http://127.0.0.1:{ClosedPort()}";
        foreach (var site in sites)
        {
            var port = site.Reach switch
            {
                Reach.Refused => ClosedPort(),
                Reach.Reset => farm.Resetter(),
                _ => ports[site.Prefixed ? site.SharedHost : site],
            };
            farm._origins[site.Slug] = $"http://127.0.0.1:{port}";
            if (site.Reach is not (Reach.Up or Reach.Down))
            {
                continue;
            }
            var host = farm._hosts.TryGetValue(port, out var shared) ? shared : farm._hosts[port] = new Host(null);
            host.Sites.Add(site);
            if (site.Reach == Reach.Up)
            {
                var renderer = Renderer.For(site);
                farm._renderers[site.Slug] = renderer;
                foreach (var (path, resource) in renderer.Render(farm._origins[site.Slug], asOf, s => farm._external[s]))
                {
                    host.Resources[path] = resource;
                }
            }
        }
        foreach (var host in farm._hosts.Values.Where(h => h.Sites.Any(s => s.Prefixed)))
        {
            // The shared host's own front page: a list of the sites it carries (not itself checked).
            var list = string.Concat(host.Sites.Select(s => $"<li><a href=\"{s.Base}\">{s.Name}</a></li>"));
            host.Resources["/"] = new Resource(200, Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府网站集约化平台</title></head><body><ul>{list}</ul></body></html>"), "text/html; charset=utf-8");
        }
        return farm;
    }

    /// <summary>What an inspector expects of the site, with the farm's real URLs.</summary>
    public Expectation Expect(SiteModel site) => Inspector.Expect(site, AsOf,
        (plant, s) => new Uri(plant.IsInternal
            ? OriginOf(s) + s.Base + plant.Target
            : OriginOf(plant.Kind == BrokenKind.ExternalDead ? External.Dead : External.Gov) + plant.Target).AbsoluteUri,
        column => new Uri(OriginOf(site) + site.Base + _renderers[site.Slug].ColumnPath(column, 0)).AbsoluteUri);

    /// <summary>A line per site: its URL, layout and purpose (for serving the farm by hand).</summary>
    public string Describe() => string.Join('\n', Sites.Select(s => $"{UrlOf(s),-40} {s.Layout,-7} {s.Charset,-9} {s.Name}：{s.Purpose}"));

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A port that accepts connections and drops them with a reset, never answering.</summary>
    private int Resetter()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _resetters.Add(listener);
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(_stop.Token);
                    client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var response = context.Response;
        if (!_hosts.TryGetValue(context.Connection.LocalPort, out var host))
        {
            response.StatusCode = 404;
            return;
        }
        var head = HttpMethods.IsHead(context.Request.Method);
        if (host.Server is { } server)
        {
            await AnswerExternalAsync(context, server, head);
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        var site = host.Sites.FirstOrDefault(s => path.StartsWith(s.Base, StringComparison.Ordinal)) ?? host.Sites[0];
        if (site.Reach == Reach.Down)
        {
            response.StatusCode = 503;
            response.Headers.RetryAfter = "3600";
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync("<html><body><h1>系统维护中，请稍后访问</h1></body></html>");
            return;
        }
        var delay = site.PageDelayMs + (path == site.Base || path == site.Base + "index.html" || path == site.Base + "index.asp" ? site.HomeDelayMs : 0);
        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        var key = path + context.Request.QueryString.Value;
        if (!host.Resources.TryGetValue(key, out var resource))
        {
            if (host.Resources.ContainsKey(key + "/"))
            {
                response.Redirect(key + "/", permanent: true);
                return;
            }
            response.StatusCode = 404;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync("<html><body><h1>404 Not Found</h1><p>您访问的页面不存在</p></body></html>");
            return;
        }
        response.StatusCode = resource.Status;
        if (resource.Location is not null)
        {
            response.Headers.Location = resource.Location;
            return;
        }
        response.ContentType = resource.ContentType;
        response.ContentLength = resource.Body.Length;
        if (!head)
        {
            await response.Body.WriteAsync(resource.Body, context.RequestAborted);
        }
    }

    /// <summary>The internet as the farm needs it; every page here links one hop further, to /deep/.</summary>
    private async Task AnswerExternalAsync(HttpContext context, External server, bool head)
    {
        var response = context.Response;
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/deep/", StringComparison.Ordinal))
        {
            BeyondOneHop.AddOrUpdate($"{server} {path}", 1, (_, n) => n + 1);
        }
        var status = ExternalStatus(server, path, head);
        response.StatusCode = status;
        if (status == 302)
        {
            response.Headers.Location = "/";
            return;
        }
        if (status != 200 || head)
        {
            return;
        }
        if (path.EndsWith(".js", StringComparison.Ordinal))
        {
            response.ContentType = "application/javascript";
            await response.WriteAsync("(function(){var e=document.getElementById('_jiucuo_');})();");
            return;
        }
        if (path.EndsWith(".png", StringComparison.Ordinal))
        {
            response.ContentType = "image/png";
            await response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        var name = server.ToString().ToLowerInvariant();
        await response.WriteAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{name}</title></head><body><h1>{name}</h1>" +
            $"<a href=\"/deep/{name}/next.html\">更多</a> <a href=\"/deep/gone/{name}.html\">旧版</a> <img src=\"/deep/{name}/logo.png\" alt=\"\"></body></html>");
    }

    /// <summary>The status each external server gives a path (the farm's self-check uses it too).</summary>
    public static int ExternalStatus(External server, string path, bool head)
    {
        if (path.StartsWith("/deep/gone/", StringComparison.Ordinal))
        {
            return 404;
        }
        if (path.StartsWith("/deep/", StringComparison.Ordinal))
        {
            return 200;
        }
        return server switch
        {
            External.Gov when path == "/moved" => 302,
            External.Gov when path == "/nohead" || path.StartsWith("/conac/", StringComparison.Ordinal) => head ? 405 : 200,
            External.Gov when path.StartsWith("/gone/", StringComparison.Ordinal) => 404,
            External.Gov when path.StartsWith("/old/", StringComparison.Ordinal) => 410,
            External.Gov when path == "/" || path.StartsWith("/beian/", StringComparison.Ordinal) => 200,
            External.Hall when path == "/" || path.StartsWith("/item/", StringComparison.Ordinal) => 200,
            External.Weibo when path == "/share/share.php" => 200,
            External.ErrorReport when path is "/check_web/errorInfo_querySiteId" or "/exposure/jiucuo.js" => 200,
            External.Mailbox when path == "/mailbox/write" => 200,
            _ => 404,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _resetters)
        {
            listener.Stop();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Host(External? server)
    {
        public External? Server { get; } = server;
        public List<SiteModel> Sites { get; } = [];
        public Dictionary<string, Resource> Resources { get; } = new(StringComparer.Ordinal);
    }
}
