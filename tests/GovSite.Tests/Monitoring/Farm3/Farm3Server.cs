using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>The off-site hosts, each its own port on 127.0.0.2 (a different host from every site).</summary>
public sealed record Farm3Externals(string Hall, string Jiucuo, string Weibo, string Conac, string Beian, string Province, string Hotline, string Dead);

/// <summary>
/// The third farm on loopback. Root sites each listen on their own port of 127.0.0.1 (like a real
/// host); department sub-sites share a platform host under path prefixes; the rest of the internet
/// (the province's portal and service hall, the national 找错 page, Weibo, the record offices, the
/// county's 12345 platform) answers on ports of 127.0.0.2, and one address there answers nothing (a
/// site that is gone). For the lead, by hand: <c>await using var farm = await Farm3Server.StartAsync();</c>
/// then <c>farm.SiteUrls</c> lists every site.
/// </summary>
public sealed class Farm3Server : IAsyncDisposable
{
    public static readonly DateOnly DefaultAsOf = new(2026, 12, 1);

    private readonly WebApplication _app;

    public DateOnly AsOf { get; }
    public IReadOnlyList<Farm3Site> Sites { get; }
    public Farm3Externals Externals { get; }
    /// <summary>The URL a supervisor would type for each site (slug → URL).</summary>
    public IReadOnlyDictionary<string, string> SiteUrls { get; }
    public IReadOnlyDictionary<string, Farm3Rendered> Rendered { get; }
    public IReadOnlyDictionary<string, Expected3> Expected { get; }

    private Farm3Server(WebApplication app, DateOnly asOf, IReadOnlyList<Farm3Site> sites, Farm3Externals externals,
        Dictionary<string, string> urls, Dictionary<string, Farm3Rendered> rendered, Dictionary<string, Expected3> expected)
    {
        _app = app;
        AsOf = asOf;
        Sites = sites;
        Externals = externals;
        SiteUrls = urls;
        Rendered = rendered;
        Expected = expected;
    }

    public static async Task<Farm3Server> StartAsync(DateOnly? asOf = null)
    {
        var day = asOf ?? DefaultAsOf;
        var sites = Farm3Catalogue.Sites(day);
        var site = IPAddress.Loopback;
        var outside = IPAddress.Parse("127.0.0.2");

        // Every listening address by name: one per root site, one per platform of sub-sites, one per off-site host.
        var endpoints = new Dictionary<string, (IPAddress Ip, ListenOptions? Options)>();
        foreach (var s in sites.Where(s => s.Availability != Availability3.ConnectionRefused))
        {
            endpoints.TryAdd(s.Cluster ?? s.Slug, (site, null));
        }
        string[] external = ["hall", "jiucuo", "weibo", "conac", "beian", "province", "hotline"];
        foreach (var name in external)
        {
            endpoints[name] = (outside, null);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = null;
            foreach (var key in endpoints.Keys.ToList())
            {
                k.Listen(endpoints[key].Ip, 0, options => endpoints[key] = (endpoints[key].Ip, options));
            }
        });
        var app = builder.Build();
        var hosts = new Dictionary<(string, int), Farm3Host>();
        var byName = new Dictionary<string, Farm3Host>();
        app.Run(context => AnswerAsync(context, hosts));
        await app.StartAsync();

        foreach (var (name, (ip, options)) in endpoints)
        {
            var port = options?.IPEndPoint?.Port ?? 0;
            if (port == 0)
            {
                throw new InvalidOperationException($"Kestrel did not report the port of {name}");
            }
            var host = new Farm3Host($"http://{ip}:{port}");
            hosts[(ip.ToString(), port)] = host;
            byName[name] = host;
        }
        var externals = new Farm3Externals(
            byName["hall"].Origin, byName["jiucuo"].Origin, byName["weibo"].Origin, byName["conac"].Origin,
            byName["beian"].Origin, byName["province"].Origin, byName["hotline"].Origin, $"http://127.0.0.2:{ClosedPort(outside)}");
        Outside.Serve(byName);

        var urls = new Dictionary<string, string>();
        var rendered = new Dictionary<string, Farm3Rendered>();
        var expected = new Dictionary<string, Expected3>();
        foreach (var s in sites)
        {
            var host = s.Availability == Availability3.ConnectionRefused
                ? new Farm3Host($"http://127.0.0.1:{ClosedPort(site)}")
                : byName[s.Cluster ?? s.Slug];
            host.Availability = s.Availability;
            var result = Farm3Renderer.For(s, host, externals, day).Render();
            if (s.Availability == Availability3.Slow)
            {
                host.SlowPaths.Add(s.Prefix);
                host.SlowPaths.Add(s.Prefix + "index.html");
            }
            urls[s.Slug] = result.HomeUrl;
            rendered[s.Slug] = result;
            expected[s.Slug] = Farm3Rules.Expect(s, day, result.Broken, result.HomeLatest);
        }
        foreach (var cluster in sites.Where(s => s.Cluster is not null).GroupBy(s => s.Cluster!))
        {
            PlatformIndex(byName[cluster.Key], cluster.ToList());
        }
        return new Farm3Server(app, day, sites, externals, urls, rendered, expected);
    }

    /// <summary>A port on which nothing listens (taken from the system, then let go).</summary>
    private static int ClosedPort(IPAddress ip)
    {
        using var listener = new TcpListener(ip, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The platform's own front page above its sub-sites; it links to a merged site that is gone.</summary>
    private static void PlatformIndex(Farm3Host host, List<Farm3Site> sites)
    {
        var links = string.Join("", sites.Select(s => $"<li><a href=\"{s.Prefix}\">{WebUtility.HtmlEncode(s.Name)}</a></li>"));
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>部门网站群</title></head><body><h1>部门网站群</h1><ul>{links}<li><a href=\"/bm/dag/\">档案馆（已整合）</a></li></ul></body></html>";
        host.Pages["/"] = new Page3(200, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<(string, int), Farm3Host> hosts)
    {
        var response = context.Response;
        response.Headers["LinkChecker"] = "allow";
        var local = context.Connection.LocalIpAddress?.MapToIPv4().ToString() ?? "";
        if (!hosts.TryGetValue((local, context.Connection.LocalPort), out var host))
        {
            response.StatusCode = 421;
            return;
        }
        var head = HttpMethods.IsHead(context.Request.Method);
        var key = (context.Request.Path.Value ?? "/") + context.Request.QueryString.Value;
        switch (host.Availability)
        {
            case Availability3.ServiceUnavailable:
                response.StatusCode = 503;
                response.ContentType = "text/html; charset=utf-8";
                if (!head)
                {
                    await response.WriteAsync("<html><body><h1>Service Unavailable</h1><p>系统维护中，请稍后访问。</p></body></html>");
                }
                return;
            case Availability3.HeadRefused when head:
                response.StatusCode = 405;
                return;
            case Availability3.Slow when host.SlowPaths.Contains(key):
                await Task.Delay(1200, context.RequestAborted);
                break;
        }
        var path = context.Request.Path.Value ?? "/";
        if (head && host.HeadRefusedPaths.Contains(path))
        {
            response.StatusCode = 405;
            return;
        }
        if (!host.Pages.TryGetValue(key, out var page))
        {
            // A directory asked for without its slash, as servers answer it.
            if (!path.EndsWith('/') && host.Pages.ContainsKey(path + "/"))
            {
                response.StatusCode = 301;
                response.Headers.Location = path + "/";
                return;
            }
            page = host.Fallback?.Invoke(path) ?? NotFound;
        }
        response.StatusCode = page.Status;
        response.ContentType = page.ContentType;
        if (page.Location is not null)
        {
            response.Headers.Location = page.Location;
        }
        if (!head && page.Body.Length > 0)
        {
            await response.Body.WriteAsync(page.Body, context.RequestAborted);
        }
    }

    private static readonly Page3 NotFound = new(404,
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 您访问的页面不存在</h1><p>可能已被删除或地址有误。</p></body></html>"),
        "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The pages of the off-site hosts: enough for a one-hop check, with traps for a crawler that goes further.</summary>
    private static class Outside
    {
        public static void Serve(Dictionary<string, Farm3Host> hosts)
        {
            // The province's service hall: its pages link to pages it has removed (not the checked site's problem).
            var hall = hosts["hall"];
            hall.Pages["/"] = Page("浙江政务服务网", "<a href=\"/bsfw/item/gone_1.html\">个人办事</a> <a href=\"/col/col1/index.html\">法人办事</a> <a href=\"/gone/zt2019.html\">专题</a>");
            hall.Pages["/col/col1/index.html"] = Page("法人办事", "<a href=\"/gone/fr.html\">企业开办</a>");
            hall.Fallback = path => path.StartsWith("/bsfw/item/", StringComparison.Ordinal) && !path.Contains("gone", StringComparison.Ordinal)
                ? Page("办事指南", "<p>事项名称：示例事项</p><a href=\"/bsfw/gone/online.html\">在线办理</a>")
                : null;

            var jiucuo = hosts["jiucuo"];
            jiucuo.Pages["/exposure/jiucuo.js"] = new Page3(200, Encoding.ASCII.GetBytes("document.getElementById('_span_jiucuo').innerHTML='';"), "application/javascript");
            jiucuo.Pages["/exposure/images/jiucuo.png"] = new Page3(200, Encoding.ASCII.GetBytes("PNG"), "image/png");
            jiucuo.Fallback = path => path == "/exposure/jiucuo.html" ? Page("我为政府网站找错", "<form method=\"post\"><textarea name=\"c\"></textarea></form>") : null;

            // Weibo's share endpoint sends everyone to its sign-in page, which links all over Weibo.
            var weibo = hosts["weibo"];
            weibo.Pages["/signin/login?entry=share"] = Page("微博-随时随地发现新鲜事", "<a href=\"/gone/help.html\">帮助</a> <a href=\"/\">首页</a>");
            weibo.Pages["/"] = Page("微博", "<a href=\"/gone/hot.html\">热门</a>");
            weibo.Fallback = path => path == "/share/share.php" ? new Page3(302, [], "text/html", "/signin/login?entry=share") : null;

            // The 党政机关网站标识 service refuses HEAD, as the real one does.
            var conac = hosts["conac"];
            conac.Pages["/image/red.png"] = new Page3(200, Encoding.ASCII.GetBytes("PNG"), "image/png");
            conac.HeadRefusedPaths.Add("/sitename");
            conac.Fallback = path => path == "/sitename" ? Page("党政机关网站标识", "<p>已认证</p>") : null;

            var beian = hosts["beian"];
            beian.Fallback = _ => Page("备案查询", "<p>查询</p>");

            var province = hosts["province"];
            province.Fallback = path => path.StartsWith("/gone/", StringComparison.Ordinal) ? null : Page("浙江省人民政府", "<a href=\"/gone/old.html\">旧版</a>");

            var hotline = hosts["hotline"];
            hotline.Pages["/hd/index.html"] = Page("12345政务服务便民热线 网上受理", "<p>请选择受理单位后写信，我们将在规定时限内答复。</p><form method=\"post\" action=\"/hd/submit\"><select name=\"dept\"><option>县直部门</option></select><input name=\"title\"><textarea name=\"content\"></textarea><button>提交</button></form><a href=\"/hd/list?page=1\">信件公开</a><a href=\"/gone/zsk.html\">知识库</a>");
            hotline.Fallback = path => path == "/hd/list" ? Page("信件公开", "<table><tr><td>关于路灯的咨询</td><td>2026-11-20</td><td>已办结</td></tr></table>") : null;
        }

        private static Page3 Page(string title, string body) =>
            new(200, Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>"), "text/html; charset=utf-8");
    }
}
