using System.Net.Http.Headers;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovSite.Tests.Security;

/// <summary>One of the two sites of the matrix: its code, id and region.</summary>
public sealed record MatrixSite(string Label, int Id, string Code, int RegionId, string RegionCode);

/// <summary>
/// The people of the authorization matrix, in one running app: one staff user per role with a
/// grant on site A only (the demo's county portal; the supervisor on the county's region), a
/// platform administrator, a signed-in citizen and the anonymous visitor; and site B (the demo's
/// provincial education department, outside the county) as everybody's other site.
/// </summary>
public sealed class AuthorizationMatrixCast : IDisposable
{
    private readonly Dictionary<Roles, HttpClient> _clients = [];

    private AuthorizationMatrixCast(MatrixSite a, MatrixSite b)
    {
        SiteA = a;
        SiteB = b;
    }

    public MatrixSite SiteA { get; }
    public MatrixSite SiteB { get; }

    /// <summary>The rows made for each site (<see cref="AuthorizationMatrixStage"/>).</summary>
    public Dictionary<MatrixSite, AuthorizationMatrixStage.Staged> Staged { get; private set; } = [];

    /// <summary>A user (editor) per site whose account the users API may change: never one of the cast.</summary>
    public Dictionary<MatrixSite, (int UserId, int GrantId)> Victims { get; } = [];

    public HttpClient Client(Roles role) => _clients[role];

    public static readonly Roles[] Columns =
    [
        Roles.Anonymous, Roles.Citizen, Roles.Contributor, Roles.Editor, Roles.Reviewer, Roles.SecrecyReviewer,
        Roles.SiteAdmin, Roles.Supervisor, Roles.PlatformAdmin,
    ];

    public static async Task<AuthorizationMatrixCast> CreateAsync(GovSiteFactory app)
    {
        var (a, b) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            async Task<MatrixSite> SiteAsync(string label, string code) =>
                await db.Sites.IgnoreQueryFilters().Where(s => s.Code == code)
                    .Select(s => new MatrixSite(label, s.Id, s.Code, s.RegionId, s.Region!.Code)).SingleAsync();
            return (await SiteAsync("site A", DemoRegion.CountyPortalCode), await SiteAsync("site B", DemoRegion.EducationCode));
        });
        var cast = new AuthorizationMatrixCast(a, b);
        cast.Staged = await AuthorizationMatrixStage.PrepareAsync(app, a, b);
        var grants = new Dictionary<Roles, RoleGrant>
        {
            [Roles.Contributor] = new() { Role = Role.Contributor, SiteId = a.Id },
            [Roles.Editor] = new() { Role = Role.Editor, SiteId = a.Id },
            [Roles.Reviewer] = new() { Role = Role.Reviewer, SiteId = a.Id },
            [Roles.SecrecyReviewer] = new() { Role = Role.ConfidentialityReviewer, SiteId = a.Id },
            [Roles.SiteAdmin] = new() { Role = Role.SiteAdmin, SiteId = a.Id },
            [Roles.Supervisor] = new() { Role = Role.Supervisor, RegionId = a.RegionId },
            [Roles.PlatformAdmin] = new() { Role = Role.PlatformAdmin },
        };
        var tokens = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var users = new Dictionary<Roles, User>();
            foreach (var (role, grant) in grants)
            {
                var user = new User { UserName = "matrix-" + role.ToString().ToLowerInvariant(), DisplayName = "矩阵" + role, CreatedAt = DateTime.UtcNow, PasswordHash = "-" };
                user.Grants.Add(grant);
                users[role] = user;
                db.Users.Add(user);
            }
            foreach (var site in new[] { a, b })
            {
                var victim = new User { UserName = "matrix-victim-" + site.Code, DisplayName = "矩阵被操作账号", CreatedAt = DateTime.UtcNow, PasswordHash = "-" };
                victim.Grants.Add(new RoleGrant { Role = Role.Editor, SiteId = site.Id });
                db.Users.Add(victim);
                await db.SaveChangesAsync();
                cast.Victims[site] = (victim.Id, victim.Grants[0].Id);
            }
            await db.SaveChangesAsync();
            // Tokens made as the token endpoint makes them, without its per-address limit.
            var options = sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
            return users.ToDictionary(u => u.Key, u => options.BearerTokenProtector.Protect(new AuthenticationTicket(
                AccountService.Principal(u.Value, BearerTokenDefaults.AuthenticationScheme),
                new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) },
                $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken")));
        });
        foreach (var (role, token) in tokens)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            cast._clients[role] = client;
        }
        cast._clients[Roles.Anonymous] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The citizen signs in on the county portal's form, as a visitor does; the cookie is platform-wide.
        var citizen = BackOfficeSession.Anonymous(app);
        var signIn = await citizen.OpenAsync($"/sites/{a.Code}/account/signin");
        var signedIn = await citizen.SubmitAsync(signIn.Form("form.account-form"),
            new() { ["Mobile"] = DemoCitizens.PersonMobile, ["Password"] = DemoCitizens.Password });
        ((int)signedIn.StatusCode).ShouldBe(302, "the demo citizen signs in");
        cast._clients[Roles.Citizen] = citizen.Client;
        return cast;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
