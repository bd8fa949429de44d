using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// Issue 21's authorization matrix, generated from the app's endpoint list: every Razor page and
/// every API endpoint has a declared <see cref="Rule"/> in <see cref="AuthorizationRules"/>, and
/// every cell (endpoint × role × own site / other site) is requested over HTTP and compared with
/// it. Pages are requested with GET only (their POST handlers check what their GET checks, and a
/// form post would need the page's antiforgery token); API endpoints with their own method and a
/// body: the row's valid one where <see cref="AuthorizationMatrixRows"/> gives it (a small PDF for
/// uploads), else <c>{}</c>, where 400/409/422 mean "past authorization" (every endpoint checks the
/// role and site before it validates). Each route value names a real row of the site
/// (<see cref="AuthorizationMatrixStage"/> makes those the demo lacks). Refused means 401, 403, a
/// redirect to a sign-in or "denied" page, or 404 on a site-scoped endpoint (another site's rows
/// are hidden, not forbidden). A new endpoint without a rule fails with its name.
/// </summary>
public sealed class AuthorizationMatrixTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    [Fact]
    public void Every_endpoint_has_a_declared_rule()
    {
        var missing = Endpoints().Where(e => !AuthorizationRules.Table.ContainsKey(e.Key)).ToList();
        var stale = AuthorizationRules.Table.Keys.Except(Endpoints().Select(e => e.Key)).ToList();
        var message = new StringBuilder();
        foreach (var e in missing)
        {
            message.Append("        [\"").Append(e.Key).Append("\"] = ").Append(Guess(e.Endpoint)).AppendLine(",");
        }
        missing.ShouldBeEmpty("endpoints without a rule in AuthorizationRules.Table (add each with the roles that may use it):\n" + message);
        stale.ShouldBeEmpty("rules for endpoints that no longer exist");
    }

    /// <summary>
    /// The cross-check with the endpoint's own metadata: an endpoint that demands authorization
    /// ([Authorize], RequireAuthorization) must not be declared open to the anonymous visitor, and
    /// one the table closes to visitors is then checked by the matrix below.
    /// </summary>
    [Fact]
    public void No_rule_opens_an_endpoint_its_metadata_closes()
    {
        var wrong = Endpoints()
            .Where(e => AuthorizationRules.Table.TryGetValue(e.Key, out var rule) && rule.NotRequested is null && (rule.Roles & Roles.Anonymous) != 0
                && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
            .Select(e => e.Key).ToList();
        wrong.ShouldBeEmpty("rules that let the anonymous visitor in where the endpoint itself demands sign-in");
    }

    [Fact]
    public async Task Every_role_on_its_own_site_and_another_meets_every_rule()
    {
        using var cast = await AuthorizationMatrixCast.CreateAsync(app);
        var rows = new Dictionary<MatrixSite, Dictionary<string, Dictionary<string, string>>>
        {
            [cast.SiteA] = await AuthorizationMatrixRows.FindAsync(app, cast.SiteA, cast),
            [cast.SiteB] = await AuthorizationMatrixRows.FindAsync(app, cast.SiteB, cast),
        };
        var cells = new List<Cell>();
        foreach (var (key, endpoint) in Endpoints())
        {
            if (!AuthorizationRules.Table.TryGetValue(key, out var rule) || rule.NotRequested is not null)
            {
                continue;
            }
            foreach (var site in new[] { cast.SiteA, cast.SiteB })
            {
                var values = rows[site].GetValueOrDefault(key);
                var (method, url) = Request(key, endpoint, site, values);
                var body = values?.GetValueOrDefault(AuthorizationMatrixRows.Body) ?? "{}";
                foreach (var role in AuthorizationMatrixCast.Columns)
                {
                    cells.Add(new Cell(key, endpoint, rule, role, site, site == cast.SiteA, method, url, body));
                }
            }
        }
        var failures = new ConcurrentBag<string>();
        var observed = new ConcurrentBag<(Cell Cell, int Status, bool Refused)>();
        async Task SendAsync(Cell cell)
        {
            var (status, location, refused) = await TryAsync(cast.Client(cell.Role), cell);
            observed.Add((cell, status, refused));
            var allowed = cell.Rule.Allows(cell.Role, cell.OwnSite);
            if (status >= 500)
            {
                failures.Add($"{cell.Key} as {cell.Role} on {cell.Site.Label}: {cell.Method} {cell.Url} → {status} (server error)");
            }
            else if (allowed == refused)
            {
                failures.Add($"{cell.Key} as {cell.Role} on {cell.Site.Label}: {cell.Method} {cell.Url} → {status}{(location is null ? "" : " " + location)}; "
                    + $"the rule ({cell.Rule}) says {(allowed ? "allowed" : "refused")}");
            }
        }
        // Reading first, in parallel; then the requests that change something, one endpoint at a
        // time and the least privileged role first (a hole changes the row before the right
        // owner's request, which then may fail on state, never on authorization).
        await Parallel.ForEachAsync(cells.Where(c => c.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (cell, _) => await SendAsync(cell));
        await Parallel.ForEachAsync(cells.Where(c => c.Method != "GET").GroupBy(c => c.Key).OrderBy(g => Disruptive(g.Key)),
            new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (group, _) =>
            {
                foreach (var cell in group.OrderBy(c => c.OwnSite).ThenBy(c => c.Role))
                {
                    await SendAsync(cell);
                }
            });
        if (Environment.GetEnvironmentVariable("GOVSITE_AUTHZ_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, observed.GroupBy(o => o.Cell.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
                $"{g.Key}\t{g.First().Cell.Rule}\tA: {Passed(g, true)}\tB: {Passed(g, false)}\t" +
                string.Join(" ", g.OrderBy(o => o.Cell.OwnSite ? 0 : 1).ThenBy(o => o.Cell.Role).Select(o => o.Status))));
        }
        failures.ShouldBeEmpty($"{failures.Count} of {cells.Count} cells differ from AuthorizationRules.Table:\n"
            + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    private static string Passed(IEnumerable<(Cell Cell, int Status, bool Refused)> cells, bool own) =>
        string.Join("|", cells.Where(c => c.Cell.OwnSite == own && !c.Refused).OrderBy(c => c.Cell.Role).Select(c => c.Cell.Role));

    /// <summary>Requests that close, take offline or deactivate go last, so they do not change what the others meet.</summary>
    private static int Disruptive(string key) =>
        key.StartsWith("DELETE ", StringComparison.Ordinal) || key.EndsWith("/close", StringComparison.Ordinal) || key.EndsWith("/offline", StringComparison.Ordinal)
        || key.EndsWith("/deactivate", StringComparison.Ordinal) || key.Contains("/migration", StringComparison.Ordinal) ? 1 : 0;

    private sealed record Cell(string Key, RouteEndpoint Endpoint, Rule Rule, Roles Role, MatrixSite Site, bool OwnSite, string Method, string Url, string Body);

    private static async Task<(int Status, string? Location, bool Refused)> TryAsync(HttpClient client, Cell cell)
    {
        using var request = new HttpRequestMessage(new HttpMethod(cell.Method), cell.Url);
        if (cell.Method != "GET")
        {
            // In the type the endpoint accepts: routing refuses another type (415) before authorization.
            var type = cell.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";
            if (IsUpload(cell.Key))
            {
                // A small valid file, so the allowed roles' uploads are stored, not refused as empty.
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(GovSite.Tests.Publishing.FileSamples.Pdf());
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                form.Add(file, "file", "矩阵.pdf");
                request.Content = form;
            }
            else
            {
                request.Content = new StringContent(cell.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
            }
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var location = response.Headers.Location?.ToString();
        var status = (int)response.StatusCode;
        var refused = status is 401 or 403
            || (status is >= 300 and < 400 && location is not null
                && (location.Contains("/admin/login", StringComparison.Ordinal) || location.Contains("/admin/denied", StringComparison.Ordinal)
                    || location.Contains("/account/signin", StringComparison.Ordinal)))
            || (status == 404 && cell.Rule.SiteScoped);
        return (status, location, refused);
    }

    /// <summary>The upload endpoints read their form themselves (no accepts metadata says so).</summary>
    private static bool IsUpload(string key) => key.EndsWith("/files", StringComparison.Ordinal);

    /// <summary>
    /// Every routed endpoint but the fingerprinted static files under /css and /js (public by
    /// nature, and renamed with every change of their content).
    /// </summary>
    private List<(string Key, RouteEndpoint Endpoint)> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Pattern(e).StartsWith("/css/", StringComparison.Ordinal) && !Pattern(e).StartsWith("/js/", StringComparison.Ordinal))
            .SelectMany(e => Methods(e).Select(m => (Key: $"{m} {Pattern(e)}", Endpoint: e)))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)];

    private static string Pattern(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    private static IEnumerable<string> Methods(RouteEndpoint e)
    {
        if (e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
        {
            return ["PAGE"];
        }
        return e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD" && m != "OPTIONS") ?? ["ANY"];
    }

    /// <summary>
    /// The request for an endpoint on a site: the site's code, the site's own rows for ids
    /// (<see cref="AuthorizationMatrixRows"/>), GET for pages; public and citizens' pages are asked
    /// under the site's path (on the platform host they are 404).
    /// </summary>
    private static (string Method, string Url) Request(string key, RouteEndpoint endpoint, MatrixSite site, Dictionary<string, string>? rows)
    {
        var verb = key[..key.IndexOf(' ')];
        var method = verb is "PAGE" or "ANY" ? "GET" : verb;
        var path = key[(key.IndexOf(' ') + 1)..];
        // Under /api/v1/regions and the supervision reports, {code} is a region's.
        var regional = path.StartsWith("/api/v1/regions/", StringComparison.Ordinal) || path.StartsWith("/admin/supervision-reports/", StringComparison.Ordinal);
        var url = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart p when rows?.TryGetValue(p.Name, out var row) == true => row,
                    RoutePatternParameterPart p => Value(p, site, regional),
                    _ => "",
                });
            }
        }
        var result = url.Length == 0 ? "/" : url.ToString();
        var query = rows?.GetValueOrDefault(AuthorizationMatrixRows.Query) is { } q ? "?" + q : "";
        return verb == "PAGE" && !result.StartsWith("/admin", StringComparison.Ordinal)
            ? (method, $"/sites/{site.Code}{result.TrimEnd('/')}{query}")
            : (method, result + query);
    }

    private static string Value(RoutePatternParameterPart p, MatrixSite site, bool regional) => p.Name.ToLowerInvariant() switch
    {
        "code" => regional ? site.RegionCode : site.Code,
        "sitecode" => site.Code,
        "regioncode" or "region" => site.RegionCode,
        "siteid" => site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "year" => "2026",
        "quarter" => "1",
        "month" => "1",
        "pagenumber" or "page" => "1",
        "handler" => "",
        _ when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
        _ => "x",
    };

    private static string Guess(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
            ? "Public"
            : "new(Roles.Staff, SiteScoped: true)";
}
