namespace GovSite.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app) => app;
}
