using System.Globalization;
using System.Security.Claims;
using GovSite.Data;
using GovSite.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Citizens;

/// <summary>
/// 千人千网: citizen and enterprise accounts, their pages and subscriptions. A feature of its own
/// rather than a part of Services/ because an account gathers what the citizen has in several
/// features (saved guides and articles, 留言, subscriptions to columns, topics and policy themes),
/// and apart from Accounts/ because those are staff: a citizen's cookie is another scheme, which
/// the back office never accepts.
/// </summary>
public static class CitizensSetup
{
    /// <summary>The citizen's sign-in cookie: never the staff scheme, so it opens nothing under /admin.</summary>
    public const string Scheme = "citizen";
    public const string IdClaim = "govsite:cid";

    public static WebApplicationBuilder AddCitizens(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SubscriptionOptions>(builder.Configuration.GetSection("Subscriptions"));
        builder.Services.AddScoped<CitizenAccounts>();
        builder.Services.AddScoped<Subscriptions>();
        builder.Services.AddScoped<PersonalPage>();
        builder.Services.AddSingleton<SubscriptionDelivery>();
        if (!JobQueueSetup.WorkersDisabled(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriptionDelivery>());
        }
        builder.Services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "govsite.citizen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // One account for the platform: signed in on a site addressed as /sites/{code}/ (a
            // platform without a host per site), the cookie would otherwise carry that path and
            // reach neither the other sites nor the public API (/api/v1), whose submissions are
            // linked to the citizen too.
            o.Cookie.Path = "/";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.LoginPath = "/account/signin";
        });
        // Registration and sign-in attempts are limited in the database, per client address and per
        // mobile number (Security/RateLimits.cs, [PublicFormLimit] on the pages; Citizens:SignInPerMinute
        // still sets the per-address limit). Showing the forms is not limited: every 收藏/订阅 link
        // of a guide list leads there for a visitor (or a link checker) who is not signed in.
        return builder;
    }

    public static IEndpointRouteBuilder MapCitizens(this IEndpointRouteBuilder app)
    {
        // RFC 8058 one-click unsubscribe from a mail client: the address's token is the permission.
        app.MapPost("/unsubscribe/{token}/one-click", async (string token, Subscriptions subscriptions, CancellationToken ct) =>
            await subscriptions.UnsubscribeAsync(token, ct) ? Results.Ok() : Results.NotFound())
            .DisableAntiforgery().LimitPerAddress(RateLimitOptions.Subscriptions).ExcludeFromDescription();
        return app;
    }

    /// <summary>The signed-in citizen's id, from the citizen cookie only; null for everyone else.</summary>
    public static async Task<int?> CitizenIdAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var id = result.Succeeded ? result.Principal.FindFirst(IdClaim)?.Value : null;
        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// Puts what was just submitted on the signed-in citizen's page (千人千网), through a form or
    /// the public API alike; an anonymous submission stays unlinked. The citizen cookie is SameSite=Lax,
    /// so another site's form posting to the API cannot link a record to a visitor.
    /// </summary>
    public static async Task LinkSubmissionAsync(HttpContext http, Func<PersonalPage, int, Task> claim)
    {
        if (await CitizenIdAsync(http) is int citizenId)
        {
            await claim(http.RequestServices.GetRequiredService<PersonalPage>(), citizenId);
        }
    }

    public static Task SignInAsync(HttpContext http, Citizen citizen) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(IdClaim, citizen.Id.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, citizen.Mobile)], Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<Citizen>(e =>
        {
            e.HasIndex(x => x.Mobile).IsUnique();
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.Property(x => x.Mobile).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Events).HasMaxLength(500);
        });
        b.Entity<CitizenCode>(e =>
        {
            e.HasIndex(x => new { x.Mobile, x.CreatedAt });
            e.Property(x => x.Mobile).HasMaxLength(20);
            e.Property(x => x.CodeHash).HasMaxLength(64);
        });
        b.Entity<SavedEntry>(e =>
        {
            e.HasIndex(x => new { x.CitizenId, x.Kind, x.SiteId, x.Target }).IsUnique();
            e.Property(x => x.Target).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CitizenMessage>(e =>
        {
            e.HasKey(x => new { x.CitizenId, x.MessageId });
            e.HasIndex(x => x.MessageId);
            e.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Interaction.Message>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CitizenRequest>(e =>
        {
            e.HasKey(x => new { x.CitizenId, x.RequestId });
            e.HasIndex(x => x.RequestId);
            e.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Disclosure.InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CitizenErrorReport>(e =>
        {
            e.HasKey(x => new { x.CitizenId, x.ReportId });
            e.HasIndex(x => x.ReportId);
            e.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ErrorReports.ErrorReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Subscription>(e =>
        {
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => x.CitizenId);
            e.Property(x => x.Target).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Origin).HasMaxLength(300);
            e.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
