using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Admin;

/// <summary>The back office is closed by one rule: every page under /admin, from any feature folder.</summary>
public sealed class AdminAuthorizationTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task Every_page_under_admin_but_the_sign_in_page_requires_a_signed_in_user()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.RawText is { } raw
                && raw.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .ToList();
        pages.Count.ShouldBeGreaterThan(30);
        var open = pages.Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        // The sign-in steps: the password, then the code or (before enrolment) the second factor's enrolment.
        open.Order(StringComparer.Ordinal).ShouldBe(["admin/login", "admin/login/code", "admin/login/two-factor"]);

        // And through HTTP: a page from a feature folder sends a stranger to the sign-in page.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/admin", "/admin/sites/1/messages", "/admin/monitoring", "/admin/calendar" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("/admin/login", Case.Insensitive, path);
        }
    }

    /// <summary>
    /// Moving back-office pages between feature folders must not move their addresses: the routes
    /// under /admin are the checked-in list (Admin/admin-routes.txt). A new page adds its line.
    /// </summary>
    [Fact]
    public void The_back_office_answers_at_the_checked_in_addresses()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.Equals("admin", StringComparison.OrdinalIgnoreCase) || r.StartsWith("admin/", StringComparison.OrdinalIgnoreCase))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var listed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Admin", "admin-routes.txt"))
            .Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        routes.Except(listed).ShouldBeEmpty("back-office routes not in Admin/admin-routes.txt");
        listed.Except(routes).ShouldBeEmpty("Admin/admin-routes.txt lists routes that no page answers any more");
    }
}
