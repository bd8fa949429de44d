using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovSite.Tests.Monitoring.Farm;

/// <summary>
/// The farm on a real Kestrel port on loopback. Sites live under /f/{slug}/; /ext/ stands for
/// the rest of the internet (off-site links): ok, moved (302), nohead (HEAD refused), gone (404).
/// Every answer carries a LinkChecker header so Debian's linkchecker may go at full speed.
/// </summary>
public sealed class FarmServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Origin { get; }
    public IReadOnlyDictionary<string, FarmSite> Sites { get; }
    public FarmRenderer Renderer { get; }

    private FarmServer(WebApplication app, string origin, IReadOnlyDictionary<string, FarmSite> sites, FarmRenderer renderer)
    {
        _app = app;
        Origin = origin;
        Sites = sites;
        Renderer = renderer;
    }

    public string UrlOf(FarmSite site) => Origin + site.Root;

    public static async Task<FarmServer> StartAsync(IEnumerable<FarmSite> sites, DateOnly asOf, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxConcurrentConnections = null).UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var bySlug = sites.ToDictionary(s => s.Slug);
        var renderer = new FarmRenderer(asOf);
        app.Run(async context => await AnswerAsync(context, bySlug, renderer));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new FarmServer(app, origin, bySlug, renderer);
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<string, FarmSite> sites, FarmRenderer renderer)
    {
        var response = context.Response;
        response.Headers["LinkChecker"] = "allow";
        var path = context.Request.Path.Value ?? "/";
        var head = HttpMethods.IsHead(context.Request.Method);
        if (path.StartsWith("/ext/", StringComparison.Ordinal))
        {
            var name = path[5..];
            if (name.StartsWith("gone/", StringComparison.Ordinal))
            {
                response.StatusCode = 404;
            }
            else if (name == "moved")
            {
                response.Redirect("/ext/ok");
            }
            else if ((name is "nohead" or "conac") && head)
            {
                response.StatusCode = 405;
            }
            else
            {
                response.ContentType = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "text/html; charset=utf-8";
                if (!head)
                {
                    await response.WriteAsync(name.EndsWith(".png", StringComparison.Ordinal) ? "PNG" : "<html><body>ok</body></html>");
                }
            }
            return;
        }
        var parts = path.Split('/', 4);
        if (parts.Length < 3 || parts[1] != "f" || !sites.TryGetValue(parts[2], out var site))
        {
            response.StatusCode = 404;
            return;
        }
        if (parts.Length == 3)
        {
            response.Redirect(site.Root);
            return;
        }
        var answer = renderer.Render(site, path);
        if (answer.DelayMs > 0)
        {
            await Task.Delay(answer.DelayMs, context.RequestAborted);
        }
        response.StatusCode = answer.Status;
        response.ContentType = "text/html; charset=utf-8";
        if (answer.Html is not null && !head)
        {
            await response.WriteAsync(answer.Html, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
