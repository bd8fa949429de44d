using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GovSite.Accounts;

public static class AccountsSetup
{
    public const string CookieOrBearer = "cookie-or-bearer";
    public const string Writer = "writer";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        // Keys live in the database: they survive restarts and every node shares them. They are
        // as safe as the database is, so appsettings.json quiets the "No XML encryptor" warning,
        // which would otherwise greet every first start with nothing an operator could act on
        // (docs: README, "Production").
        builder.Services.AddDataProtection().SetApplicationName("GovSite");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/denied";
                o.Cookie.Name = "govsite.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Writer, p => p.RequireAuthenticatedUser().RequireClaim(AccountService.UserIdClaim));
        return builder;
    }

    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> ApiAwareRedirect(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };

    /// <summary>After authentication: turn the signed-in user into the request's SiteAccess.</summary>
    public static IApplicationBuilder UseSiteAccess(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = context.User.FindFirst(AccountService.UserIdClaim)?.Value;
            if (id is not null && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId))
            {
                var access = context.RequestServices.GetRequiredService<SiteAccess>();
                var stamp = context.User.FindFirst(AccountService.SecurityStampClaim)?.Value ?? "";
                if (!await context.RequestServices.GetRequiredService<AccountService>().LoadAccessAsync(access, userId, stamp, context.RequestAborted))
                {
                    // Revoked (lockout, password or role change, deactivation): the request goes on as
                    // a visitor's, so sign-in is asked for again; a cookie is also removed.
                    if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    {
                        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                    context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                }
            }
            await next(context);
        });

    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(string Token, DateTime ExpiresAt);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .WithTags("Accounts")
            .WithSummary("Exchange a username and password for a bearer token")
            .RequireRateLimiting("login");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, AccountService accounts, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("请提供用户名和密码", statusCode: StatusCodes.Status400BadRequest, title: "缺少登录信息");
        }
        var result = await accounts.SignInAsync(request.Username, request.Password);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }
        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            AccountService.Principal(result.User!, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { ExpiresUtc = expires },
            $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expires.UtcDateTime));
    }
}
