using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovSite.Tests.Data;

public class HealthTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task Health_is_ok_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    /// <summary>GovSite pointed at a PostgreSQL port where nothing listens.</summary>
    private sealed class UnreachableDatabaseFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GOVSITE_DATA", Path.Combine(Path.GetTempPath(), "govsite-tests", "unreachable"));
            builder.UseSetting("GOVSITE_DB", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=3");
            // Start-up migration would fail first; the health check is what is under test.
            builder.ConfigureTestServices(s => s.RemoveAll<IHostedService>(d => d.ImplementationType == typeof(StartupWork)));
        }
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        await using var broken = new UnreachableDatabaseFactory();
        var client = broken.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Not ready for traffic, but alive: a supervisor must not restart the node for the database's sake.
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_and_liveness_are_ok_when_the_database_answers()
    {
        var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

internal static class ServiceCollectionTestExtensions
{
    public static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T) && match(d)).ToList())
        {
            services.Remove(d);
        }
    }
}
