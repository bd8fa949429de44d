using System.Net;
using System.Net.Http.Json;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Accounts;

/// <summary>The platform as deployed: platform administrators and supervisors must enrol a second factor.</summary>
public sealed class SecondFactorFactory : EmptyPlatformFactory
{
    protected override bool RequireSecondFactor => true;
}

/// <summary>
/// TOTP second factor over HTTP: enrolment with the secret read from the page, sign-in with the
/// code an authenticator computes from it, wrong and replayed codes, recovery codes, lockout,
/// tokens, and which roles must enrol.
/// </summary>
public sealed class SecondFactorTests(SecondFactorFactory app) : IClassFixture<SecondFactorFactory>
{
    private const string Password = "Totp2468xzq";

    [Theory]
    [InlineData(Role.PlatformAdmin)]
    [InlineData(Role.Supervisor)]
    public async Task A_required_role_is_sent_to_enrolment_and_enters_only_after_confirming_a_code(Role role)
    {
        var user = await app.CreateUserAsync($"must-{role}", Password, (role, null));
        using var session = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        session.LastRedirect.ShouldStartWith("/admin/login/two-factor");

        // The password alone opens nothing: the back office still asks for a sign-in.
        var before = await session.Client.GetAsync("/admin");
        before.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.Headers.Location!.ToString().ShouldContain("/admin/login");

        var page = await session.OpenAsync("/admin/login/two-factor");
        page.Html.ShouldContain("必须启用两步验证");
        page.Document.QuerySelector(".qr-code svg").ShouldNotBeNull("a QR code to scan");
        var secret = page.Document.QuerySelector(".totp-secret")!.TextContent.Trim();
        secret.Length.ShouldBeGreaterThanOrEqualTo(32, "20 random bytes in Base32");
        var authenticator = new Authenticator(secret);

        // A wrong first code keeps the same secret on the page and says what to do.
        var wrong = await session.SubmitAsync(page.Handler("Confirm"), new() { ["Code"] = WrongCode(authenticator) });
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrongPage.ShouldContain("验证码不正确");
        wrongPage.ShouldContain(secret);

        var done = await session.SubmitAsync(page.Handler("Confirm"), new() { ["Code"] = await authenticator.NextCodeAsync() });
        (await done.Content.ReadAsStringAsync()).ShouldContain("恢复码（只显示这一次）");
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK, "enrolled and signed in");

        // Kept protected: neither the secret nor a recovery code is readable from the row.
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.AsNoTracking().FirstAsync(u => u.Id == user.Id));
        stored.SecondFactorEnabledAt.ShouldNotBeNull();
        stored.SecondFactorSecret.ShouldNotBeNull();
        stored.SecondFactorSecret.ShouldNotContain(secret);
        stored.SecondFactorSecret.ShouldNotContain(Convert.ToBase64String(OtpNet.Base32Encoding.ToBytes(secret)));
        SecondFactor.RecoveryCodesLeft(stored).ShouldBe(SecondFactor.RecoveryCodeCount);
    }

    [Fact]
    public async Task Every_sign_in_asks_for_the_code_and_refuses_a_wrong_or_replayed_one()
    {
        var user = await app.CreateUserAsync("every-time", Password, (Role.PlatformAdmin, null));
        var (first, authenticator, _) = await BackOfficeSession.EnrolAsync(app, user.UserName, Password);
        first.Dispose();

        using var session = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        session.LastRedirect.ShouldStartWith("/admin/login/code");
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not in before the code");

        var wrong = await session.EnterCodeAsync(WrongCode(authenticator));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("验证码错误");

        // The enrolment's code, typed again within its window: refused.
        var replayed = await session.EnterCodeAsync(authenticator.CodeAt(authenticator.LastStep));
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).ShouldContain("已经用过");

        // The next code, typed with a Chinese input method's full-width digits and a space.
        var code = await authenticator.NextCodeAsync();
        var fullWidth = new string([.. code.Select(c => (char)(c - '0' + '０'))]).Insert(3, " ");
        var right = await session.EnterCodeAsync(fullWidth);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBe("/admin");
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And the same code once more in another browser: used.
        using var again = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        (await (await again.EnterCodeAsync(code)).Content.ReadAsStringAsync()).ShouldContain("已经用过");

        using var helper = await BackOfficeSession.SignInAsync(app, user.UserName, Password, authenticator);
        (await helper.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync("lost-phone", Password, (Role.Supervisor, null));
        var (first, _, codes) = await BackOfficeSession.EnrolAsync(app, user.UserName, Password);
        first.Dispose();

        using var session = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        var used = await session.EnterCodeAsync(codes[3].ToLowerInvariant());
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a recovery code, typed in lower case");
        (await session.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        var refused = await again.EnterCodeAsync(codes[3]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("验证码错误");
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.AsNoTracking().FirstAsync(u => u.Id == user.Id));
        SecondFactor.RecoveryCodesLeft(stored).ShouldBe(SecondFactor.RecoveryCodeCount - 1);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_with_wrong_passwords()
    {
        var user = await app.CreateUserAsync("guessed", Password, (Role.PlatformAdmin, null));
        var (first, authenticator, _) = await BackOfficeSession.EnrolAsync(app, user.UserName, Password);
        first.Dispose();

        // A right password between wrong codes does not reset the count.
        for (var i = 0; i < AccountService.MaxFailedAttempts - 1; i++)
        {
            using var attempt = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
            (await (await attempt.EnterCodeAsync(WrongCode(authenticator))).Content.ReadAsStringAsync()).ShouldContain("验证码错误");
        }
        using var last = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        (await (await last.EnterCodeAsync(WrongCode(authenticator))).Content.ReadAsStringAsync()).ShouldContain("账号已锁定");

        // Locked: the right password and code no longer open the back office.
        using var locked = BackOfficeSession.Anonymous(app);
        var login = await locked.OpenAsync("/admin/login");
        var refused = await locked.SubmitAsync(login.Form("form[method=post]:not([action='/admin/logout'])"), new() { ["UserName"] = user.UserName, ["Password"] = Password });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("账号已锁定");
    }

    [Fact]
    public async Task Other_staff_sign_in_by_password_and_may_enrol_and_turn_it_off()
    {
        var site = await app.CreateSiteAsync("110000901", "两步验证测试网站");
        var user = await app.CreateUserAsync("may-enrol", Password, (Role.Editor, site.Id));
        using var plain = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        plain.LastRedirect.ShouldBe("/admin", "an editor is not made to enrol");
        (await plain.OpenAsync("/admin/login/two-factor")).Html.ShouldNotContain("必须启用两步验证");

        var (enrolled, authenticator, _) = await BackOfficeSession.EnrolAsync(app, user.UserName, Password);
        enrolled.Dispose();
        (await plain.Client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "enrolling ends the other sessions");

        using var session = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        session.LastRedirect.ShouldStartWith("/admin/login/code", customMessage: "once enrolled, the code is asked for");
        (await session.EnterCodeAsync(await authenticator.NextCodeAsync())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var manage = await session.OpenAsync("/admin/login/two-factor");
        var off = await session.SubmitAsync(manage.Handler("Remove"));
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        after.LastRedirect.ShouldBe("/admin");
    }

    [Fact]
    public async Task A_required_role_cannot_turn_it_off()
    {
        var user = await app.CreateUserAsync("cannot-remove", Password, (Role.PlatformAdmin, null));
        var (session, authenticator, _) = await BackOfficeSession.EnrolAsync(app, user.UserName, Password);
        using (session)
        {
            var manage = await session.OpenAsync("/admin/login/two-factor");
            manage.Document.QuerySelectorAll("form[action*='handler=Remove']").Length.ShouldBe(0);
            // Posted by hand (the page offers no such button): the server refuses it too.
            var forced = await session.Client.PostAsync("/admin/login/two-factor?handler=Remove", new FormUrlEncodedContent(manage.Handler("Renew").Values()));
            (await forced.Content.ReadAsStringAsync()).ShouldContain("不能关闭");
        }
        using var next = await BackOfficeSession.PasswordOnlyAsync(app, user.UserName, Password);
        next.LastRedirect.ShouldStartWith("/admin/login/code");
        _ = authenticator;
    }

    [Fact]
    public async Task A_token_needs_the_code_once_enrolled_and_enrolment_first_where_required()
    {
        var required = await app.CreateUserAsync("token-admin", Password, (Role.PlatformAdmin, null));
        using var client = app.CreateClient();
        var notYet = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = required.UserName, password = Password });
        notYet.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notYet.Content.ReadAsStringAsync()).ShouldContain("两步验证");

        var (session, authenticator, codes) = await BackOfficeSession.EnrolAsync(app, required.UserName, Password);
        session.Dispose();
        var noCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = required.UserName, password = Password });
        noCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await noCode.Content.ReadAsStringAsync()).ShouldContain("code");
        var wrongCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = required.UserName, password = Password, code = WrongCode(authenticator) });
        wrongCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var withCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = required.UserName, password = Password, code = await authenticator.NextCodeAsync() });
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        var withRecovery = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = required.UserName, password = Password, code = codes[0] });
        withRecovery.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Optional staff without a second factor get a token by password, as before.
        var site = await app.CreateSiteAsync("110000902", "令牌测试网站");
        var editor = await app.CreateUserAsync("token-editor", Password, (Role.Editor, site.Id));
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = editor.UserName, password = Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A six-digit code that is none of the codes the server would accept now.</summary>
    private static string WrongCode(Authenticator authenticator)
    {
        var now = Authenticator.CurrentStep;
        var valid = Enumerable.Range(-2, 5).Select(d => authenticator.CodeAt(now + d)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((i * 7919) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
