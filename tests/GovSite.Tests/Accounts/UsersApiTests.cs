using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Audit;
using GovSite.Data;
using GovSite.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Accounts;

/// <summary>Users and role grants through the API: the back office's rules and audit trail, another door.</summary>
public class UsersApiTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    private Task<List<AuditEntry>> AuditAsync(string target) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().AuditEntries.AsNoTracking()
            .Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task An_administrator_creates_a_user_grants_a_site_role_revokes_it_and_deactivates_the_user_all_audited()
    {
        using var admin = await app.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "api-editor", displayName = "接口编辑", password = "Strong-Pass-2026" });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetInt32();
        user.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        user.GetProperty("grants").GetArrayLength().ShouldBe(0);

        var granted = await admin.PostAsJsonAsync($"/api/v1/users/{id}/grants", new { role = "editor", site = DemoRegion.CountyPortalCode });
        granted.StatusCode.ShouldBe(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        var grant = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grants").EnumerateArray().Single();
        grant.GetProperty("role").GetString().ShouldBe("editor");
        grant.GetProperty("site").GetString().ShouldBe(DemoRegion.CountyPortalCode);

        // The new editor can sign in and gets a token: the grant took effect.
        (await app.TokenAsync("api-editor", "Strong-Pass-2026")).ShouldNotBeNullOrEmpty();

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        list.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "api-editor")
            .GetProperty("grants")[0].GetProperty("role").GetString().ShouldBe("editor");

        var revoked = await admin.DeleteAsync($"/api/v1/users/{id}/grants/{grant.GetProperty("id").GetInt32()}");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grants").GetArrayLength().ShouldBe(0);

        var deactivated = await admin.PostAsync($"/api/v1/users/{id}/deactivate", null);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "api-editor", password = "Strong-Pass-2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The same entries the back-office pages write, by the same service, and the editor's own
        // sign-ins between them: the token taken while granted, the one refused once deactivated.
        (await AuditAsync("用户 api-editor")).Select(a => a.Action).ShouldBe(
            [AuditActions.UserCreated, AuditActions.RoleGranted, AuditActions.Login, AuditActions.RoleRevoked, AuditActions.UserChanged,
             AuditActions.LoginFailed]);
    }

    [Fact]
    public async Task Refusals_name_the_field_in_Chinese()
    {
        using var admin = await app.AdminClientAsync();
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "x", displayName = "", password = "1" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("userName", out _).ShouldBeTrue();
        errors.TryGetProperty("displayName", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();

        var user = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "api-nosite", displayName = "无网站", password = "Strong-Pass-2026" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetInt32();
        var noSite = await admin.PostAsJsonAsync($"/api/v1/users/{id}/grants", new { role = "editor" });
        noSite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noSite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("site")[0].GetString().ShouldBe("网站角色须选择所属网站");
        var unknownSite = await admin.PostAsJsonAsync($"/api/v1/users/{id}/grants", new { role = "editor", site = "0000000000" });
        (await unknownSite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("site")[0].GetString()!.ShouldContain("不存在");
        var unknownRole = await admin.PostAsJsonAsync($"/api/v1/users/{id}/grants", new { role = "boss" });
        unknownRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("role")[0].GetString()!
            .ShouldBe("role：应为 platformAdmin、supervisor、siteAdmin、editor、reviewer、contributor 或 confidentialityReviewer 之一");
        (await admin.PostAsync("/api/v1/users/999999/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_platform_administrators_manage_users()
    {
        using var siteAdmin = await app.ClientWithTokenAsync("siteadmin", GovSiteFactory.DemoPassword);
        (await siteAdmin.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await siteAdmin.PostAsJsonAsync("/api/v1/users", new { userName = "sneaky", displayName = "越权", password = "Strong-Pass-2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var editorId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.Where(u => u.UserName == "editor").Select(u => u.Id).FirstAsync());
        (await siteAdmin.PostAsJsonAsync($"/api/v1/users/{editorId}/grants", new { role = "platformAdmin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AuditAsync("用户 sneaky")).ShouldBeEmpty();
    }
}
