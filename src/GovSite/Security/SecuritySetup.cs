namespace GovSite.Security;

public static class SecuritySetup
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RateLimits>();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("RateLimits"));
        // The older setting for the citizens' sign-in limit keeps working.
        if (builder.Configuration.GetValue<int?>("Citizens:SignInPerMinute") is int perMinute)
        {
            builder.Services.PostConfigure<RateLimitOptions>(o => o.Rules[RateLimitOptions.CitizenSignIn].Limit = perMinute);
        }
        return builder;
    }

    /// <summary>Early in the pipeline, after forwarded headers (https is known) and before the page cache.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
