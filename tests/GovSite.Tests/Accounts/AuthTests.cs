using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;

namespace GovSite.Tests.Accounts;

public class AuthTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task The_first_admin_gets_a_token_with_the_configured_password()
    {
        var token = await app.TokenAsync("admin", GovSiteFactory.AdminPassword);
        token.Length.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_chinese()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("用户名或密码错误");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await app.CreateUserAsync("lockme", "Lockme12345x");
        using var client = app.CreateClient();
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "lockme", password = "nope" });
        }
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "lockme", password = "Lockme12345x" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("账号已锁定");
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        var user = await app.CreateUserAsync("hashed", "Hashed12345x");
        user.PasswordHash.ShouldNotContain("Hashed12345x");
        user.PasswordHash.Length.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task A_forged_token_is_not_accepted()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token-value");
        var response = await client.PostAsJsonAsync("/api/v1/regions", new { code = "110000", name = "x", level = "Province" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("short1", "至少10位")]
    [InlineData("onlyletterspassword", "字母和数字")]
    [InlineData("12345678901", "字母和数字")]
    public void Weak_passwords_are_explained(string password, string expected) =>
        AccountService.CheckPassword(password)!.ShouldContain(expected);
}
