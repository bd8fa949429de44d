using System.Net;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Accounts;

public class PasswordPolicyTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Theory]
    [InlineData("Short1x", null, "密码至少10位")]
    [InlineData("1234567890", null, "字母和数字")]
    [InlineData("Password123", null, "过于常见")]
    [InlineData("1QAZ2WSX3EDC", null, "过于常见")]
    [InlineData("woaini1314520", null, "过于常见")]
    [InlineData("zhangsan2026x", "zhangsan", "不能包含用户名")]
    [InlineData("Xcv7-harbour-Lamp", "zhangsan", null)]
    public void Passwords_are_checked_for_length_letters_and_digits_the_user_name_and_the_common_list(string password, string? userName, string? expected)
    {
        var problem = PasswordPolicy.Check(password, userName);
        if (expected is null)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().ShouldContain(expected);
        }
    }

    [Fact]
    public async Task The_back_office_refuses_a_common_password_beside_the_field_and_keeps_the_form()
    {
        using var admin = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var page = await admin.OpenAsync("/admin/users");
        var response = await admin.SubmitAsync(page.Form("form.stacked"), new()
        {
            ["Input.UserName"] = "policy-user", ["Input.DisplayName"] = "王小明", ["Input.Password"] = "qwerty123456",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("密码过于常见");
        html.ShouldContain("value=\"王小明\"");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.AnyAsync(u => u.UserName == "policy-user"))).ShouldBeFalse();
    }
}
