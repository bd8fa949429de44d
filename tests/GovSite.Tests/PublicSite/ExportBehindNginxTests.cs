using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit.Abstractions;

namespace GovSite.Tests.PublicSite;

/// <summary>
/// 内外网分离 as an operator deploys it: the shipped nginx site configuration
/// (deploy/nginx/govsite.conf) serves a site's static export and proxies what is dynamic
/// (search, 互动交流, 公众参与, 依申请公开, 找错, services, personal pages) to GovSite. A visitor
/// following every link of every page meets no 404 and no server error. The configuration is the
/// shipped file itself, with only the machine-specific lines (ports, TLS, the export root, the
/// node's address) replaced, and every replacement must match: a reshaped file fails here first.
/// </summary>
public partial class ExportBehindNginxTests(ExportFixture app, ITestOutputHelper output) : IClassFixture<ExportFixture>
{
    [Fact]
    public async Task Every_link_of_every_page_answers_through_the_shipped_nginx_configuration()
    {
        await app.ExportAllAsync();
        var redirectPort = TestPaths.FreePort();
        var map = Path.Combine(app.ExportRoot, "nginx-sites-" + redirectPort + ".map");
        await File.WriteAllTextAsync(map, $"{ExportFixture.Host} {ExportFixture.Code};\n");
        var node = new Uri(app.BaseUrl);
        var shipped = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot(), "deploy", "nginx", "govsite.conf"));
        await using var nginx = await NginxServer.StartAsync(app.ExportRoot,
            (port, _) => ShippedSite(shipped, port, redirectPort, app.ExportRoot, map, $"{node.Host}:{node.Port}"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{nginx.Port}"),
        };
        client.DefaultRequestHeaders.Host = ExportFixture.Host;

        var crawl = await CrawlAsync(client);
        var dynamic = crawl.Visited.Where(p => DynamicPath().IsMatch(p)).ToList();
        output.WriteLine($"{crawl.Visited.Count} addresses followed, {dynamic.Count} of them proxied to GovSite: {string.Join(" ", dynamic)}");

        crawl.Failures.ShouldBeEmpty(string.Join("\n", crawl.Failures));
        crawl.Visited.Count.ShouldBeGreaterThan(40);
        // Both halves were walked: files from the export, and pages nginx handed to GovSite.
        crawl.Visited.ShouldContain(p => p.StartsWith("/articles/", StringComparison.Ordinal));
        crawl.Visited.ShouldContain(p => p.StartsWith("/search", StringComparison.Ordinal));
        dynamic.Count.ShouldBeGreaterThan(10, string.Join(" ", crawl.Visited));
    }

    /// <summary>
    /// The shipped file with this machine's values: plain HTTP on loopback ports instead of 443
    /// with TLS, the test's export root, map file and node. Each replacement must apply once.
    /// </summary>
    internal static string ShippedSite(string shipped, int port, int redirectPort, string exportRoot, string mapFile, string node)
    {
        var text = shipped;
        void Replace(string pattern, string replacement)
        {
            var regex = new Regex(pattern, RegexOptions.Multiline);
            regex.IsMatch(text).ShouldBeTrue($"deploy/nginx/govsite.conf no longer has a line matching {pattern}");
            text = regex.Replace(text, replacement);
        }
        Replace(@"^\s*server 127\.0\.0\.1:5080 .*$", $"    server {node} max_fails=3 fail_timeout=10s;");
        Replace(@"include /etc/govsite/nginx-sites\.map;", $"include {mapFile};");
        Replace(@"^\s*listen 80 default_server;$", $"    listen 127.0.0.1:{redirectPort} default_server;");
        Replace(@"^\s*listen \[::\]:80 default_server;\n", "");
        Replace(@"^\s*listen 443 ssl http2 default_server;$", $"    listen 127.0.0.1:{port} default_server;");
        Replace(@"^\s*listen \[::\]:443 ssl http2 default_server;\n", "");
        Replace(@"^\s*ssl_[a-z_]+ .*;\n", "");
        Replace(@"root /var/lib/govsite/export/\$govsite_site;", $"root {exportRoot}/$govsite_site;");
        return text;
    }

    private sealed record Crawl(List<string> Visited, List<string> Failures);

    /// <summary>Breadth first from the home page over every same-site link (href, src, GET forms' action).</summary>
    private static async Task<Crawl> CrawlAsync(HttpClient client)
    {
        // The home page, and the door of every dynamic part (a small site's navigation need not
        // link them all; a deployment must still answer them).
        string[] starts = ["/", "/search", "/interaction", "/participation", "/disclosure", "/disclosure/apply", "/disclosure/lookup",
            "/error-reports/new", "/error-reports/lookup", "/services", "/account/signin", "/account/register"];
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var queue = new Queue<(string Path, string From)>(starts.Select(s => (s, "(start)")));
        var visited = new List<string>();
        var failures = new List<string>();
        while (queue.Count > 0 && visited.Count < 3000)
        {
            var (path, from) = queue.Dequeue();
            using var response = await client.GetAsync(path);
            visited.Add(path);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                if (response.Headers.Location is { } location && Local(location.OriginalString) is { } next && seen.Add(next))
                {
                    queue.Enqueue((next, path));
                }
                continue;
            }
            if (status >= 400)
            {
                failures.Add($"{status} {path} (linked from {from})");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType is not ("text/html" or "application/xhtml+xml"))
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            foreach (var link in Links(html))
            {
                if (Local(link) is { } next && seen.Add(next))
                {
                    queue.Enqueue((next, path));
                }
            }
        }
        return new Crawl(visited, failures);
    }

    private static IEnumerable<string> Links(string html)
    {
        foreach (Match m in Attribute().Matches(html))
        {
            yield return WebUtility.HtmlDecode(m.Groups[2].Value);
        }
        // A form that posts is not a link; one that reads (search) is followed with no query.
        foreach (Match m in GetForm().Matches(html))
        {
            yield return WebUtility.HtmlDecode(m.Groups[1].Value);
        }
    }

    /// <summary>The path and query of a link on the site under test, else null (other hosts, mailto:, fragments).</summary>
    private static string? Local(string link)
    {
        if (link.Length == 0 || link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || link.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || link.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || link.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var baseUri = new Uri($"https://{ExportFixture.Host}/");
        if (!Uri.TryCreate(baseUri, link, out var uri) || !string.Equals(uri.Host, ExportFixture.Host, StringComparison.OrdinalIgnoreCase)
            || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return uri.PathAndQuery;
    }

    [GeneratedRegex("\\s(href|src)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<form\\b(?=[^>]*\\bmethod=\"get\")[^>]*\\baction=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex GetForm();

    [GeneratedRegex(@"^/(search|interaction|participation|interviews|surveys|consultations|disclosure|error-reports|services|account)(/|\?|$)")]
    private static partial Regex DynamicPath();
}
