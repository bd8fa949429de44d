using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Accounts;

/// <summary>
/// A lockout, a password change, a role change or a deactivation ends the user's signed-in
/// sessions and bearer tokens at once (the security stamp they carry no longer matches).
/// </summary>
public class SessionRevocationTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private const string Password = "Revoke2468xz";

    [Theory]
    [InlineData("password")]
    [InlineData("role")]
    [InlineData("deactivation")]
    [InlineData("lockout")]
    public async Task A_change_to_the_account_ends_its_sessions_and_tokens(string change)
    {
        var user = await app.CreateUserAsync($"revoke-{change}", Password, (Role.PlatformAdmin, null));
        using var session = await BackOfficeSession.SignInAsync(app, user.UserName, Password);
        using var api = await app.ClientWithTokenAsync(user.UserName, Password);
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/items/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "signed in: the item is missing, not the right");

        // An unrelated account's change ends nobody else's session.
        var other = await app.CreateUserAsync($"other-{change}", Password);
        await app.AsSystemAsync(sp => sp.GetRequiredService<UserService>().ResetPasswordAsync(other.Id, "Another2468xz"));
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.AsSystemAsync<object?>(async sp =>
        {
            var users = sp.GetRequiredService<UserService>();
            switch (change)
            {
                case "password":
                    (await users.ResetPasswordAsync(user.Id, "Changed2468xz")).Succeeded.ShouldBeTrue();
                    break;
                case "role":
                    var grant = await sp.GetRequiredService<GovSiteDb>().RoleGrants.FirstAsync(g => g.UserId == user.Id);
                    (await users.RevokeAsync(user.Id, grant.Id)).Succeeded.ShouldBeTrue();
                    break;
                case "deactivation":
                    (await users.SetActiveAsync(user.Id, false)).Succeeded.ShouldBeTrue();
                    break;
                case "lockout":
                    for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
                    {
                        await sp.GetRequiredService<AccountService>().SignInAsync(user.UserName, "wrong-password");
                    }
                    break;
            }
            return null;
        });

        var page = await session.Client.GetAsync("/admin");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/admin/login");
        // The browser is told to drop the cookie.
        page.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("govsite.auth=;", StringComparison.Ordinal));
        (await api.GetAsync("/api/v1/items/999999")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Granting_a_role_also_ends_the_sessions_so_the_next_sign_in_carries_the_new_rights()
    {
        var user = await app.CreateUserAsync("revoke-grant", Password);
        using var api = await app.ClientWithTokenAsync(user.UserName, Password);
        (await api.GetAsync("/api/v1/items/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var granted = await app.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<UserService>().GrantAsync(user.Id, new GrantInput { Role = Role.PlatformAdmin })).Succeeded);
        granted.ShouldBeTrue();
        (await api.GetAsync("/api/v1/items/999999")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
