using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovSite.Tests;

/// <summary>Another GovSite process on a test's database: a second node, or the same server started again.</summary>
public sealed class OtherNode(TestDatabase database, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GOVSITE_DATA", database.DataDirectory);
        if (database.PostgresConnection is { } pg)
        {
            builder.UseSetting("GOVSITE_DB", pg);
        }
        builder.UseSetting("GOVSITE_QUIET", "true");
        builder.UseSetting("GOVSITE_NO_DEMO", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
