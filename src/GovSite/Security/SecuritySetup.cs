namespace GovSite.Security;

public static class SecuritySetup
{
    /// <summary>Early in the pipeline, after forwarded headers (https is known) and before the page cache.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
