using System.Net;
using System.Text;
using GovSite.Demo;
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
/// every API endpoint has a declared rule in <see cref="AuthorizationRules"/>, and each rule is
/// checked over HTTP as the anonymous visitor: a public endpoint lets them past authorization, every
/// other sends them to sign in (401, or a redirect to the staff or citizen sign-in) or refuses
/// (403). A new endpoint without a rule fails with its name. The staff roles × own/other site
/// columns of issue 21's matrix are not here yet.
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
        missing.ShouldBeEmpty("endpoints without a rule in AuthorizationRules.Table (add each with its expected access):\n" + message);
        stale.ShouldBeEmpty("rules for endpoints that no longer exist");
    }

    [Fact]
    public async Task The_anonymous_visitor_meets_every_rule()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var (key, endpoint) in Endpoints())
        {
            if (!AuthorizationRules.Table.TryGetValue(key, out var rule) || rule is Access.Stream or Access.Network or Access.SignInFlow)
            {
                continue;
            }
            var (method, url) = Request(key, endpoint);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET")
            {
                // In the type the endpoint accepts: routing refuses another type (415) before authorization.
                var type = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";
                request.Content = new StringContent("{}", Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
            }
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            var refused = Refused(response);
            var ok = rule == Access.Public ? refused is null : refused is not null;
            if (!ok)
            {
                failures.Add($"{key} ({method} {url}): rule {rule}, anonymous got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    /// <summary>Why the request was refused by authorization (sign-in asked, or forbidden), or null if it got past.</summary>
    private static string? Refused(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return response.StatusCode.ToString();
        }
        var location = response.Headers.Location?.ToString() ?? "";
        return (int)response.StatusCode is >= 300 and < 400
               && (location.Contains("/admin/login", StringComparison.Ordinal) || location.Contains("/admin/denied", StringComparison.Ordinal)
                   || location.Contains("/account/signin", StringComparison.Ordinal))
            ? "redirect to " + location
            : null;
    }

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

    /// <summary>The request for an endpoint: route values of the demo's county portal, GET for pages.</summary>
    private static (string Method, string Url) Request(string key, RouteEndpoint endpoint)
    {
        var method = key[..key.IndexOf(' ')] is "PAGE" or "ANY" ? "GET" : key[..key.IndexOf(' ')];
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
                    RoutePatternParameterPart p => Value(p),
                    _ => "",
                });
            }
        }
        // Public and citizens' pages belong to a site: asked on the county portal (on the platform host they are 404).
        var path = url.Length == 0 ? "/" : url.ToString();
        return key.StartsWith("PAGE ", StringComparison.Ordinal) && !path.StartsWith("/admin", StringComparison.Ordinal)
            ? (method, $"/sites/{DemoRegion.CountyPortalCode}{path.TrimEnd('/')}")
            : (method, path);
    }

    private static string Value(RoutePatternParameterPart p) => p.Name.ToLowerInvariant() switch
    {
        "code" => DemoRegion.CountyPortalCode,
        "sitecode" => DemoRegion.CountyPortalCode,
        "regioncode" or "region" => DemoRegion.ProvinceCode,
        "year" => "2026",
        "quarter" => "1",
        "month" => "1",
        "pagenumber" or "page" => "1",
        _ when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
        _ => "x",
    };

    private static string Guess(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
            ? "Access.Public"
            : "Access.Staff";
}

/// <summary>What an endpoint asks of the caller before it does anything.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>A signed-in staff user (cookie or token); the page or handler then decides by site.</summary>
    Staff,

    /// <summary>A signed-in citizen (个人中心).</summary>
    Citizen,

    /// <summary>A long-lived stream (Server-Sent Events): not requested by the matrix.</summary>
    Stream,

    /// <summary>Limited by network, not by sign-in (/metrics: loopback and GOVSITE_METRICS_ALLOW).</summary>
    Network,

    /// <summary>A step of signing in: open to anyone, its refusals answer wrong credentials (not checked here).</summary>
    SignInFlow,
}

/// <summary>The one table: every endpoint of the app and the access it requires.</summary>
public static class AuthorizationRules
{
    public static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        ["ANY /health/live"] = Access.Public,
        ["DELETE /api/v1/users/{id:int}/grants/{grantId:int}"] = Access.Staff,
        ["GET /api/v1/users/"] = Access.Staff,
        ["GET /api/v1/users/{id:int}"] = Access.Staff,
        ["POST /api/v1/users/"] = Access.Staff,
        ["POST /api/v1/users/{id:int}/deactivate"] = Access.Staff,
        ["POST /api/v1/users/{id:int}/activate"] = Access.Staff,
        ["POST /api/v1/users/{id:int}/grants"] = Access.Staff,
        ["GET /services/rss.xml"] = Access.Public,
        ["ANY /health/ready"] = Access.Public,
        ["ANY /healthz"] = Access.Public,
        ["ANY /metrics"] = Access.Network,
        ["GET /admin/messages/{id:int}/attachment"] = Access.Staff,
        ["GET /admin/monitoring/runs/{id:int}/report.json"] = Access.Staff,
        ["GET /admin/supervision/desk.pdf"] = Access.Staff,
        ["GET /admin/supervision/desk.xlsx"] = Access.Staff,
        ["GET /admin/supervision/sites/{code}/migration/proof.csv"] = Access.Staff,
        ["GET /api/v1/articles/{id:int}"] = Access.Public,
        ["GET /api/v1/assessments/{id:int}"] = Access.Staff,
        ["GET /api/v1/calendar/add-working-days"] = Access.Public,
        ["GET /api/v1/calendar/working-days"] = Access.Public,
        ["GET /api/v1/counterfeits"] = Access.Staff,
        ["GET /api/v1/error-reports/{number}"] = Access.Public,
        ["GET /api/v1/indicators"] = Access.Public,
        ["GET /api/v1/information-requests/{number}"] = Access.Public,
        ["GET /api/v1/information-requests/{number}/files/{id:int}"] = Access.Public,
        ["GET /api/v1/information-requests/{number}/letters/{id:int}.pdf"] = Access.Public,
        ["GET /api/v1/items/{id:int}"] = Access.Staff,
        ["GET /api/v1/items/{id:int}/diff"] = Access.Staff,
        ["GET /api/v1/items/{id:int}/history"] = Access.Staff,
        ["GET /api/v1/items/{id:int}/versions"] = Access.Staff,
        ["GET /api/v1/items/{id:int}/versions/{number:int}"] = Access.Staff,
        ["GET /api/v1/messages/{ticket}"] = Access.Public,
        ["GET /api/v1/new-media"] = Access.Staff,
        ["GET /api/v1/organisations"] = Access.Public,
        ["GET /api/v1/rectifications"] = Access.Staff,
        ["GET /api/v1/regions"] = Access.Public,
        ["GET /api/v1/regions/{code}/accountability"] = Access.Staff,
        ["GET /api/v1/regions/{code}/desk"] = Access.Staff,
        ["GET /api/v1/regions/{code}/error-reports/figures"] = Access.Staff,
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}"] = Access.Public,
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}.pdf"] = Access.Public,
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}.xlsx"] = Access.Public,
        ["GET /api/v1/reprint-orders/{id:int}"] = Access.Staff,
        ["GET /api/v1/search/"] = Access.Public,
        ["GET /api/v1/search/suggest"] = Access.Public,
        ["GET /api/v1/services/{code}"] = Access.Public,
        ["GET /api/v1/services/{code}/ratings/summary"] = Access.Public,
        ["GET /api/v1/sites"] = Access.Public,
        ["GET /api/v1/sites/{code}"] = Access.Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}"] = Access.Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}.pdf"] = Access.Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}.xlsx"] = Access.Public,
        ["GET /api/v1/sites/{code}/articles"] = Access.Staff,
        ["GET /api/v1/sites/{code}/columns"] = Access.Public,
        ["GET /api/v1/sites/{code}/columns/{id:int}/articles"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}.pdf"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}.xlsx"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue.csv"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue.xlsx"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/guide"] = Access.Public,
        ["GET /api/v1/sites/{code}/disclosure/statutory"] = Access.Staff,
        ["GET /api/v1/sites/{code}/error-reports"] = Access.Staff,
        ["GET /api/v1/sites/{code}/faq/suggest"] = Access.Public,
        ["GET /api/v1/sites/{code}/information-requests"] = Access.Staff,
        ["GET /api/v1/sites/{code}/interaction/figures"] = Access.Staff,
        ["GET /api/v1/sites/{code}/look-alikes"] = Access.Staff,
        ["GET /api/v1/sites/{code}/migration/proof"] = Access.Staff,
        ["GET /api/v1/sites/{code}/placement-requests"] = Access.Staff,
        ["GET /api/v1/sites/{code}/scores"] = Access.Staff,
        ["GET /api/v1/sites/{code}/services"] = Access.Public,
        ["GET /api/v1/sites/{code}/todo"] = Access.Staff,
        ["GET /api/v1/sites/{code}/visits"] = Access.Staff,
        ["GET /api/v1/spot-checks/{id:int}"] = Access.Staff,
        ["GET /api/v1/spot-checks/{id:int}/notice"] = Access.Staff,
        ["GET /api/v1/spot-checks/{id:int}/notice.pdf"] = Access.Staff,
        ["GET /columns/{id:int}/rss.xml"] = Access.Public,
        ["GET /files/{id:int}/{**name}"] = Access.Public,
        ["GET /interviews/{id:int}/live"] = Access.Stream,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["GET /robots.txt"] = Access.Public,
        ["GET /services/{code}/documents/{id:int}/{name}"] = Access.Public,
        ["GET /sitemap.xml"] = Access.Public,
        ["GET /{**path:file}"] = Access.Public,
        ["PAGE /"] = Access.Public,
        ["PAGE /account"] = Access.Citizen,
        ["PAGE /account/delete"] = Access.Citizen,
        ["PAGE /account/register"] = Access.Public,
        ["PAGE /account/save"] = Access.Citizen,
        ["PAGE /account/signin"] = Access.Public,
        ["PAGE /account/subscribe"] = Access.Citizen,
        ["PAGE /admin"] = Access.Staff,
        ["PAGE /admin/alerts"] = Access.Staff,
        ["PAGE /admin/annual-reports"] = Access.Staff,
        ["PAGE /admin/annual-reports/{code}/{year:int}"] = Access.Staff,
        ["PAGE /admin/articles/{id:int}/edit"] = Access.Staff,
        ["PAGE /admin/audit"] = Access.Staff,
        ["PAGE /admin/calendar"] = Access.Staff,
        ["PAGE /admin/denied"] = Access.Staff,
        ["PAGE /admin/disclosure/requests/{id:int}"] = Access.Staff,
        ["PAGE /admin/error-reports/{id:int}"] = Access.Staff,
        ["PAGE /admin/library/{id:int}"] = Access.Staff,
        ["PAGE /admin/library/{id:int}/diff"] = Access.Staff,
        ["PAGE /admin/library/{id:int}/trail.csv"] = Access.Staff,
        ["PAGE /admin/login"] = Access.Public,
        ["PAGE /admin/login/code"] = Access.SignInFlow,
        ["PAGE /admin/login/two-factor"] = Access.SignInFlow,
        ["PAGE /admin/logout"] = Access.Staff,
        ["PAGE /admin/messages/{id:int}"] = Access.Staff,
        ["PAGE /admin/monitoring"] = Access.Staff,
        ["PAGE /admin/monitoring/import"] = Access.Staff,
        ["PAGE /admin/monitoring/sites/new"] = Access.Staff,
        ["PAGE /admin/monitoring/sites/{id:int}"] = Access.Staff,
        ["PAGE /admin/mourning"] = Access.Staff,
        ["PAGE /admin/notices"] = Access.Staff,
        ["PAGE /admin/organisations/{id:int?}"] = Access.Staff,
        ["PAGE /admin/outbox"] = Access.Staff,
        ["PAGE /admin/quality"] = Access.Staff,
        ["PAGE /admin/quality/check"] = Access.Staff,
        ["PAGE /admin/quality/links"] = Access.Staff,
        ["PAGE /admin/quality/lists/{id:int}"] = Access.Staff,
        ["PAGE /admin/regions/{id:int?}"] = Access.Staff,
        ["PAGE /admin/search"] = Access.Staff,
        ["PAGE /admin/search/answers/{id:int?}"] = Access.Staff,
        ["PAGE /admin/search/hot"] = Access.Staff,
        ["PAGE /admin/search/synonyms/{id:int?}"] = Access.Staff,
        ["PAGE /admin/services/import"] = Access.Staff,
        ["PAGE /admin/services/import/runs/{id:int}"] = Access.Staff,
        ["PAGE /admin/services/import/sources/{id:int?}"] = Access.Staff,
        ["PAGE /admin/services/{id:int}"] = Access.Staff,
        ["PAGE /admin/sites"] = Access.Staff,
        ["PAGE /admin/sites/new"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/articles"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/articles/new"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/columns/{columnId:int?}"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/disclosure"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/disclosure/reports"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/disclosure/requests"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/disclosure/requests/new"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/edit"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/error-reports"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/interaction"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/library"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/library/requests"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/library/settings"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/messages"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/quality"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/services"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/services/new"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/services/ratings"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/theme"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/todo"] = Access.Staff,
        ["PAGE /admin/sites/{id:int}/topics"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/consultations/edit/{id:int?}"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/consultations/{id:int}"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/interviews/edit/{id:int?}"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/interviews/{id:int}"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/library/new"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/participation"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/surveys/edit/{id:int?}"] = Access.Staff,
        ["PAGE /admin/sites/{siteId:int}/surveys/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision"] = Access.Staff,
        ["PAGE /admin/supervision-reports/{code}/{year:int}"] = Access.Staff,
        ["PAGE /admin/supervision/accountability"] = Access.Staff,
        ["PAGE /admin/supervision/assessments/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision/counterfeits"] = Access.Staff,
        ["PAGE /admin/supervision/counterfeits/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision/indicators"] = Access.Staff,
        ["PAGE /admin/supervision/lifecycle"] = Access.Staff,
        ["PAGE /admin/supervision/lifecycle/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision/new-media"] = Access.Staff,
        ["PAGE /admin/supervision/rectifications"] = Access.Staff,
        ["PAGE /admin/supervision/rectifications/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision/spot-checks"] = Access.Staff,
        ["PAGE /admin/supervision/spot-checks/{id:int}"] = Access.Staff,
        ["PAGE /admin/supervision/translations"] = Access.Staff,
        ["PAGE /admin/taxonomy"] = Access.Staff,
        ["PAGE /admin/users"] = Access.Staff,
        ["PAGE /admin/users/{id:int}"] = Access.Staff,
        ["PAGE /admin/visits"] = Access.Staff,
        ["PAGE /annual-reports"] = Access.Public,
        ["PAGE /annual-reports/{year:int}"] = Access.Public,
        ["PAGE /articles/{id:int}"] = Access.Public,
        ["PAGE /columns/{id:int}"] = Access.Public,
        ["PAGE /columns/{id:int}/page/{pageNumber:int}"] = Access.Public,
        ["PAGE /consultations/{id:int}"] = Access.Public,
        ["PAGE /disclosure"] = Access.Public,
        ["PAGE /disclosure/apply"] = Access.Public,
        ["PAGE /disclosure/catalogue"] = Access.Public,
        ["PAGE /disclosure/guide"] = Access.Public,
        ["PAGE /disclosure/lookup"] = Access.Public,
        ["PAGE /disclosure/reports/{year:int?}"] = Access.Public,
        ["PAGE /error-reports/lookup"] = Access.Public,
        ["PAGE /error-reports/new"] = Access.Public,
        ["PAGE /interaction"] = Access.Public,
        ["PAGE /interaction/lookup"] = Access.Public,
        ["PAGE /interaction/messages/{id:int}"] = Access.Public,
        ["PAGE /interaction/write"] = Access.Public,
        ["PAGE /interviews/{id:int}"] = Access.Public,
        ["PAGE /interviews/{id:int}/transcript"] = Access.Public,
        ["PAGE /participation"] = Access.Public,
        ["PAGE /search"] = Access.Public,
        ["PAGE /services"] = Access.Public,
        ["PAGE /services/{code}"] = Access.Public,
        ["PAGE /services/{code}/rate"] = Access.Public,
        ["PAGE /services/{kind:regex(^(for|theme|life|business|department)$)}/{value}/{pageNumber:int?}"] = Access.Public,
        ["PAGE /supervision-reports/{year:int}"] = Access.Public,
        ["PAGE /supervision/notices"] = Access.Public,
        ["PAGE /supervision/notices/{id:int}/{handler?}"] = Access.Public,
        ["PAGE /surveys/{id:int}"] = Access.Public,
        ["PAGE /surveys/{id:int}/results"] = Access.Public,
        ["PAGE /topics"] = Access.Public,
        ["PAGE /topics/{id:int}"] = Access.Public,
        ["PAGE /unsubscribe/{token}"] = Access.Public,
        ["POST /admin/sites/{siteId:int}/files"] = Access.Staff,
        ["POST /api/v1/accountability"] = Access.Staff,
        ["POST /api/v1/articles/{id:int}/withdraw"] = Access.Staff,
        ["POST /api/v1/assessments/{id:int}/entries"] = Access.Staff,
        ["POST /api/v1/assessments/{id:int}/reviews"] = Access.Staff,
        ["POST /api/v1/assessments/{id:int}/sign"] = Access.Staff,
        ["POST /api/v1/auth/token"] = Access.SignInFlow,
        ["POST /api/v1/columns/{id:int}/subscriptions"] = Access.Staff,
        ["POST /api/v1/counterfeits"] = Access.Staff,
        ["POST /api/v1/counterfeits/{id:int}/steps"] = Access.Staff,
        ["POST /api/v1/error-reports/import"] = Access.Staff,
        ["POST /api/v1/error-reports/{number}/forward"] = Access.Staff,
        ["POST /api/v1/error-reports/{number}/reply"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/answer"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/assign"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/close"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/correction"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/correction-received"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/extend"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/fee"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/fee-paid"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/fee-waived"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/third-party"] = Access.Staff,
        ["POST /api/v1/information-requests/{number}/third-party-opinion"] = Access.Staff,
        ["POST /api/v1/items"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/approve"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/discard-revision"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/placements"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/publish"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/reject"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/reprint-orders"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/restore"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/submit"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/urgent"] = Access.Staff,
        ["POST /api/v1/items/{id:int}/withdraw"] = Access.Staff,
        ["POST /api/v1/new-media"] = Access.Staff,
        ["POST /api/v1/new-media/{id:int}/figures"] = Access.Staff,
        ["POST /api/v1/organisations"] = Access.Staff,
        ["POST /api/v1/placement-requests/{id:int}/accept"] = Access.Staff,
        ["POST /api/v1/placement-requests/{id:int}/decline"] = Access.Staff,
        ["POST /api/v1/quality/check"] = Access.Staff,
        ["POST /api/v1/rectifications/{id:int}/responses"] = Access.Staff,
        ["POST /api/v1/regions"] = Access.Staff,
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/approve"] = Access.Staff,
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/return"] = Access.Staff,
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/submit"] = Access.Staff,
        ["POST /api/v1/services/import"] = Access.Staff,
        ["POST /api/v1/services/{code}/ratings"] = Access.Public,
        ["POST /api/v1/services/{code}/uses"] = Access.Public,
        ["POST /api/v1/sites"] = Access.Staff,
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/approve"] = Access.Staff,
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/return"] = Access.Staff,
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/submit"] = Access.Staff,
        ["POST /api/v1/sites/{code}/articles"] = Access.Staff,
        ["POST /api/v1/sites/{code}/close"] = Access.Staff,
        ["POST /api/v1/sites/{code}/columns"] = Access.Staff,
        ["POST /api/v1/sites/{code}/disclosure/annual-report/{year:int}/publish"] = Access.Staff,
        ["POST /api/v1/sites/{code}/error-reports"] = Access.Public,
        ["POST /api/v1/sites/{code}/error-reports/national"] = Access.Staff,
        ["POST /api/v1/sites/{code}/files"] = Access.Staff,
        ["POST /api/v1/sites/{code}/information-requests"] = Access.Public,
        ["POST /api/v1/sites/{code}/information-requests/recorded"] = Access.Staff,
        ["POST /api/v1/sites/{code}/look-alikes/scan"] = Access.Staff,
        ["POST /api/v1/sites/{code}/messages"] = Access.Public,
        ["POST /api/v1/sites/{code}/migration"] = Access.Staff,
        ["POST /api/v1/sites/{code}/migration/complete"] = Access.Staff,
        ["POST /api/v1/sites/{code}/offline"] = Access.Staff,
        ["POST /api/v1/sites/{code}/online"] = Access.Staff,
        ["POST /api/v1/spot-checks"] = Access.Staff,
        ["POST /api/v1/spot-checks/{id:int}/close"] = Access.Staff,
        ["POST /api/v1/spot-checks/{id:int}/notice"] = Access.Staff,
        ["POST /api/v1/spot-checks/{id:int}/notice.pdf"] = Access.Staff,
        ["POST /api/v1/spot-checks/{id:int}/notice/publish"] = Access.Staff,
        ["POST /api/v1/stat"] = Access.Public,
        ["POST /unsubscribe/{token}/one-click"] = Access.Public,
        ["PUT /api/v1/articles/{id:int}"] = Access.Staff,
        ["PUT /api/v1/items/{id:int}"] = Access.Staff,
        ["PUT /api/v1/regions/{code}/supervision-report/{year:int}/"] = Access.Staff,
        ["PUT /api/v1/sites/{code}"] = Access.Staff,
        ["PUT /api/v1/sites/{code}/annual-report/{year:int}/"] = Access.Staff,
        ["PUT /api/v1/sites/{code}/columns/{id:int}"] = Access.Staff,
        ["PUT /api/v1/sites/{code}/disclosure/annual-report/{year:int}"] = Access.Staff,
        ["PUT /api/v1/spot-checks/{id:int}/notice"] = Access.Staff,
    };
}
