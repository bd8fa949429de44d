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

    /// <summary>
    /// Registers only supervision keeps (sites, spot checks, accountability, counterfeits, new
    /// media): platform administrators and supervisors of some region. Checked before the body is
    /// read, so another role is refused whatever it sends; which region is the service's check.
    /// </summary>
    public const string Supervising = "supervising";

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
        builder.Services.AddScoped<SecondFactor>();
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
            .AddCookie(SecondFactor.PendingScheme, o =>
            {
                // Between the password and the code: long enough to open the app, nothing more.
                o.Cookie.Name = "govsite.2fa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
                o.LoginPath = "/admin/login";
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Writer, p => p.RequireAuthenticatedUser().RequireClaim(AccountService.UserIdClaim))
            .AddPolicy(Supervising, p => p.RequireAuthenticatedUser().RequireClaim(AccountService.UserIdClaim)
                // The resource of endpoint authorization is the request; its SiteAccess is loaded by UseSiteAccess before.
                .RequireAssertion(c => c.Resource is HttpContext http && http.RequestServices.GetRequiredService<SiteAccess>() is var access
                    && (access.Unrestricted || access.RegionIds.Length > 0)));
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

    /// <param name="Code">The authenticator's six digits or a recovery code, for users with a second factor.</param>
    public sealed record TokenRequest(string? Username, string? Password, string? Code = null);

    public static string CodeMessage(CodeVerdict verdict) => verdict == CodeVerdict.AlreadyUsed
        ? "这个验证码已经用过，请等验证器显示下一个验证码"
        : "验证码错误，请输入验证器当前显示的 6 位数字或一个恢复码";

    public sealed record TokenResponse(string Token, DateTime ExpiresAt);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .WithTags("Accounts")
            .WithSummary("以用户名和密码换取访问令牌")
            .WithDescription("返回 8 小时有效的 Bearer 令牌，之后的请求带上 Authorization: Bearer <token>。已启用两步验证的账号须在 code 中提供验证器的 6 位验证码或一个恢复码；须启用两步验证而尚未启用的账号先到管理后台绑定。每个地址每分钟的尝试次数有限（429）。")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddEndpointFilterFactory((context, next) => Security.RateLimits.PerAddress(context, next, Security.RateLimitOptions.StaffSignIn));
        app.MapUsers();
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, AccountService accounts, SecondFactor secondFactor, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
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
        var user = result.User!;
        if (user.HasSecondFactor)
        {
            // A token is a session like any other: the same two factors as the sign-in page.
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return TypedResults.Problem("该账号已启用两步验证：请在 code 中一并提供验证器显示的 6 位验证码或一个恢复码",
                    statusCode: StatusCodes.Status401Unauthorized, title: "需要验证码");
            }
            var verdict = await secondFactor.VerifyAsync(user, request.Code);
            if (verdict is CodeVerdict.Wrong or CodeVerdict.AlreadyUsed)
            {
                var failed = await accounts.RecordFailedAttemptAsync(user, verdict == CodeVerdict.AlreadyUsed ? "验证码已使用过" : "验证码错误");
                return TypedResults.Problem(failed.Outcome == SignInOutcome.LockedOut ? failed.Message : CodeMessage(verdict),
                    statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
            }
            await accounts.CompleteSignInAsync(user);
        }
        else if (await secondFactor.IsRequiredAsync(user))
        {
            return TypedResults.Problem("平台管理员和监管人员须先启用两步验证：请登录管理后台，按提示绑定验证器后再申请令牌",
                statusCode: StatusCodes.Status403Forbidden, title: "需要启用两步验证");
        }
        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            AccountService.Principal(user, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { ExpiresUtc = expires },
            $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expires.UtcDateTime));
    }
}
