using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using GovSite.Data;
using GovSite.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>Every route GovSite maps answers with the security headers, whoever asks and whatever the answer.</summary>
public partial class SecurityHeadersTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_route_public_admin_and_api_sends_the_security_headers_and_inline_scripts_carry_the_nonce()
    {
        await CheckHistory.SeedAsync(app);
        var ids = await IdsAsync();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct()
            .ToList();
        routes.Count.ShouldBeGreaterThan(60, "the endpoint list is read from the app");

        using var staff = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        using var api = await app.AdminClientAsync();
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var problems = new List<string>();
        var checkedRoutes = 0;
        foreach (var route in routes)
        {
            var path = "/" + Fill(route.TrimStart('/'), ids);
            var (client, url) = path switch
            {
                _ when path.StartsWith("/admin", StringComparison.Ordinal) => (staff.Client, path),
                _ when path.StartsWith("/api", StringComparison.Ordinal) => (api, path),
                _ when path.StartsWith("/metrics", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal)
                    || path.StartsWith("/openapi", StringComparison.Ordinal) || path.StartsWith("/lib", StringComparison.Ordinal) => (visitor, path),
                // Public pages of a site: through the development prefix, as the demo links them.
                _ => (visitor, $"/sites/{ids.SiteCode}{(path == "/" ? "/" : path)}"),
            };
            // Headers first: an event stream (a live interview) never ends, and only HTML is read.
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            checkedRoutes++;
            problems.AddRange(Check(url, response, response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : ""));
        }
        // A cached public page (answered before routing) and a page nothing maps.
        foreach (var url in new[] { $"/sites/{ids.SiteCode}/", $"/sites/{ids.SiteCode}/", "/no/such/page", "/admin/login" })
        {
            using var response = await visitor.GetAsync(url);
            problems.AddRange(Check(url, response, await response.Content.ReadAsStringAsync()));
        }
        checkedRoutes.ShouldBe(routes.Count);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var plain = app.CreateClient();
        using var overHttp = await plain.GetAsync("/admin/login");
        overHttp.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        using var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var overHttps = await secure.GetAsync("/admin/login");
        overHttps.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe(SecurityHeaders.StrictTransportSecurity);
    }

    [Fact]
    public async Task A_page_with_an_inline_script_gets_a_fresh_nonce_each_time_and_one_without_gets_none()
    {
        var monitored = await CheckHistory.SeedAsync(app);
        using var staff = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        // A monitored site's page draws its trend chart with an inline script.
        var first = await staff.Client.GetAsync($"/admin/monitoring/sites/{monitored}");
        var second = await staff.Client.GetAsync($"/admin/monitoring/sites/{monitored}");
        var nonces = new[] { first, second }.Select(r => NonceIn(r.Content.Headers.Concat(r.Headers)
            .First(h => h.Key == "Content-Security-Policy").Value.Single())).ToList();
        nonces.ShouldAllBe(n => n != null && n.Length >= 20);
        nonces[0].ShouldNotBe(nonces[1]);
        (await first.Content.ReadAsStringAsync()).ShouldContain($"nonce=\"{nonces[0]}\"");

        using var login = await app.CreateClient().GetAsync("/admin/login");
        NonceIn(login.Headers.GetValues("Content-Security-Policy").Single()).ShouldBeNull();
    }

    private static IEnumerable<string> Check(string url, HttpResponseMessage response, string body)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null;
        var csp = Header("Content-Security-Policy");
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (csp is null)
        {
            yield return $"{url} ({status}): no Content-Security-Policy";
            yield break;
        }
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).SingleOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        if (scriptSrc is null || scriptSrc.Contains("'unsafe-inline'", StringComparison.Ordinal) || scriptSrc.Contains("'unsafe-eval'", StringComparison.Ordinal)
            || scriptSrc.Contains('*', StringComparison.Ordinal))
        {
            yield return $"{url}: script-src is {scriptSrc ?? "missing"}";
        }
        if (!csp.Contains("frame-ancestors 'self'", StringComparison.Ordinal) || !csp.Contains("object-src 'none'", StringComparison.Ordinal))
        {
            yield return $"{url}: CSP lacks frame-ancestors or object-src: {csp}";
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"{url}: X-Content-Type-Options is {Header("X-Content-Type-Options")}";
        }
        if (Header("Referrer-Policy") != "strict-origin-when-cross-origin")
        {
            yield return $"{url}: Referrer-Policy is {Header("Referrer-Policy")}";
        }
        if (Header("Strict-Transport-Security") is not null)
        {
            yield return $"{url}: HSTS over plain http";
        }
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            yield break;
        }
        var nonce = NonceIn(csp);
        var document = Parser.ParseDocument(body);
        foreach (var script in document.Scripts.Where(s => string.IsNullOrEmpty(s.Source)))
        {
            if (nonce is null || script.GetAttribute("nonce") != nonce)
            {
                yield return $"{url}: inline script without the response's nonce: {script.Text[..Math.Min(script.Text.Length, 80)]}";
            }
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{url}: inline handler {element.LocalName}[{attribute.Name}]";
            }
            if (element.GetAttribute("href") is { } href && href.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{url}: javascript: link {href}";
            }
        }
    }

    private static string? NonceIn(string csp) => NonceSource().Match(csp) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    private sealed record Ids(string SiteCode, int SiteId, Dictionary<string, int> BySegment);

    /// <summary>Real ids for route parameters, so pages render rather than answer 404 (headers are checked either way).</summary>
    private Task<Ids> IdsAsync() => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        var siteId = await db.Interviews.Select(i => (int?)i.SiteId).FirstOrDefaultAsync()
            ?? await db.Articles.Select(a => a.SiteId).FirstAsync();
        var code = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Code).SingleAsync();
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["sites"] = siteId,
            ["articles"] = await db.Articles.Where(a => a.SiteId == siteId).Select(a => a.Id).FirstOrDefaultAsync(),
            ["columns"] = await db.Columns.Where(c => c.SiteId == siteId).Select(c => c.Id).FirstOrDefaultAsync(),
            ["interviews"] = await db.Interviews.Where(i => i.SiteId == siteId).Select(i => i.Id).FirstOrDefaultAsync(),
            ["surveys"] = await db.Surveys.Where(s => s.SiteId == siteId).Select(s => s.Id).FirstOrDefaultAsync(),
            ["consultations"] = await db.Consultations.Where(c => c.SiteId == siteId).Select(c => c.Id).FirstOrDefaultAsync(),
            ["messages"] = await db.Messages.Select(m => m.Id).FirstOrDefaultAsync(),
            ["library"] = await db.LibraryItems.Select(i => i.Id).FirstOrDefaultAsync(),
            ["users"] = await db.Users.Select(u => u.Id).FirstAsync(),
        };
        return new Ids(code, siteId, map);
    });

    /// <summary>A route template with its parameters replaced: an id named by the segment before it, else 1 or "x".</summary>
    private static string Fill(string template, Ids ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : "";
            segments[i] = RouteParameter().Replace(segments[i], m =>
            {
                var name = m.Groups[1].Value;
                var numeric = m.Value.Contains(":int", StringComparison.Ordinal) || name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
                return name.Equals("siteId", StringComparison.OrdinalIgnoreCase) ? ids.SiteId.ToString(CultureInfo.InvariantCulture)
                    : !numeric ? (name == "documentName" ? "v1" : "x")
                    : ids.BySegment.TryGetValue(previous, out var id) && id > 0 ? id.ToString(CultureInfo.InvariantCulture)
                    : "1";
            });
        }
        return string.Join('/', segments);
    }

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
