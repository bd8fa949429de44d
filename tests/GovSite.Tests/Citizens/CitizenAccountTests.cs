using System.Net;
using GovSite.Citizens;
using GovSite.Data;
using GovSite.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>Registration, sign-in, lockout and deletion of citizen and enterprise accounts (千人千网), through the pages.</summary>
public class CitizenAccountTests(CitizensFactory app) : IClassFixture<CitizensFactory>
{
    [Fact]
    public async Task A_person_registers_with_the_code_from_the_sms_outbox_and_a_wrong_code_keeps_the_form()
    {
        using var session = BackOfficeSession.Anonymous(app);
        var mobile = CitizensFactory.NextMobile();
        var url = CitizensFactory.Account("/register");
        var page = await session.OpenAsync(url);
        var sent = await CitizensFactory.PostToAsync(session, page.Form("form.account-form"), url + "?handler=Code",
            new() { ["Name"] = "李 <小> 明", ["Mobile"] = mobile });
        var afterCode = await CitizensFactory.ReadAsync(sent, url);
        afterCode.Html.ShouldContain("验证码已发送");
        // Nothing leaves the machine: the SMS waits in the outbox, pending, with no sender configured.
        var sms = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.SingleAsync(m => m.Recipient == mobile));
        sms.Channel.ShouldBe(OutboxChannel.Sms);
        sms.Status.ShouldBe(OutboxStatus.Pending);
        // With no SMS sender configured the drain leaves it there, and the operator sees it waiting.
        (await app.Services.GetRequiredService<OutboxDrain>().RunOnceAsync(default)).ShouldBe(0);
        using (var admin = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword))
        {
            (await admin.OpenAsync("/admin/outbox")).Html.ShouldContain(mobile);
        }
        var code = await app.CodeFromOutboxAsync(mobile);
        code.Length.ShouldBe(6);
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().CitizenCodes.SingleAsync(c => c.Mobile == mobile))).CodeHash.ShouldNotContain(code);

        var wrong = code == "000000" ? "111111" : "000000";
        var refused = await session.SubmitAsync(afterCode.Form("form.account-form"), new() { ["Code"] = wrong });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await CitizensFactory.ReadAsync(refused, url);
        again.Errors.ShouldContain(e => e.Contains("验证码不正确"));
        again.Form("form.account-form")["Name"].ShouldBe("李 <小> 明");
        again.Form("form.account-form")["Mobile"].ShouldBe(mobile);
        (await app.CitizenAsync(mobile)).ShouldBeNull();

        var done = await session.SubmitAsync(again.Form("form.account-form"), new() { ["Code"] = code });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe(CitizensFactory.Account());
        var home = await session.OpenAsync(CitizensFactory.Account());
        home.Document.QuerySelector("h1")!.TextContent.ShouldBe("个人空间：李 <小> 明");
        var citizen = (await app.CitizenAsync(mobile))!;
        citizen.Kind.ShouldBe(CitizenKind.Person);
        citizen.PasswordHash.ShouldBeNull();
        // A spent code does not work twice.
        using var other = BackOfficeSession.Anonymous(app);
        var signIn = await other.OpenAsync(CitizensFactory.Account("/signin"));
        var reused = await CitizensFactory.PostToAsync(other, signIn.Form("form.account-form"), CitizensFactory.Account("/signin?handler=WithCode"),
            new() { ["Mobile"] = mobile, ["Code"] = code });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("手机号或验证码错误");
    }

    [Fact]
    public async Task Bad_input_gets_a_chinese_message_per_field_and_loses_nothing_typed()
    {
        using var session = BackOfficeSession.Anonymous(app);
        var page = await session.OpenAsync(CitizensFactory.Account("/register"));
        var response = await session.SubmitAsync(page.Form("form.account-form"), new()
        {
            ["Kind"] = "Enterprise", ["Name"] = "", ["Mobile"] = "12345", ["CreditCode"] = "91350100M000100Y4X", ["Password"] = "short",
            ["Email"] = "不是邮箱", ["Code"] = "",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await CitizensFactory.ReadAsync(response, CitizensFactory.Account("/register"));
        var errors = string.Join("\n", refused.Errors);
        errors.ShouldContain("请填写单位名称");
        errors.ShouldContain("请填写正确的手机号码");
        errors.ShouldContain("统一社会信用代码应为 18 位");
        errors.ShouldContain("密码至少10位");
        errors.ShouldContain("电子邮箱格式不正确");
        errors.ShouldContain("请填写短信验证码");
        var form = refused.Form("form.account-form");
        form["Mobile"].ShouldBe("12345");
        form["CreditCode"].ShouldBe("91350100M000100Y4X");
        form["Email"].ShouldBe("不是邮箱");
        form["Kind"].ShouldBe("Enterprise");
        // Nonsense in the kind or a code for a malformed number: refused with a message, never a crash.
        var odd = await session.SubmitAsync(form, new() { ["Kind"] = "Alien", ["Mobile"] = "１３８００１３８０００" });
        odd.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await odd.Content.ReadAsStringAsync()).ShouldContain("请填写正确的手机号码");
        var code = await CitizensFactory.PostToAsync(session, form, CitizensFactory.Account("/register?handler=Code"), new() { ["Mobile"] = "<script>" });
        (await code.Content.ReadAsStringAsync()).ShouldContain("请填写正确的手机号码");
    }

    [Fact]
    public async Task An_enterprise_registers_with_a_valid_credit_code_and_a_number_or_code_registers_once()
    {
        var creditCode = CitizenAccounts.WithCheckCharacter("91990000MA00TEX71");
        CitizenAccounts.IsCreditCode(creditCode).ShouldBeTrue();
        CitizenAccounts.IsCreditCode(creditCode[..17] + (creditCode[17] == '0' ? '1' : '0')).ShouldBeFalse();
        CitizenAccounts.IsCreditCode("91350100MA2YQOOOOI").ShouldBeFalse();
        var mobile = CitizensFactory.NextMobile();
        using (var session = BackOfficeSession.Anonymous(app))
        {
            var done = await app.RegisterAsync(session, mobile, "测试服务科技有限公司", CitizenKind.Enterprise, creditCode.ToLowerInvariant(), "Firm2026pass");
            done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await session.OpenAsync(CitizensFactory.Account())).Html.ShouldContain("法人空间：测试服务科技有限公司");
        }
        var citizen = (await app.CitizenAsync(mobile))!;
        citizen.Kind.ShouldBe(CitizenKind.Enterprise);
        citizen.CreditCode.ShouldBe(creditCode);
        citizen.PasswordHash.ShouldNotBeNull();
        citizen.PasswordHash.ShouldNotContain("Firm2026pass");

        using var second = BackOfficeSession.Anonymous(app);
        var page = await second.OpenAsync(CitizensFactory.Account("/register"));
        var refused = await CitizensFactory.ReadAsync(await second.SubmitAsync(page.Form("form.account-form"), new()
        {
            ["Kind"] = "Enterprise", ["Name"] = "另一家公司", ["Mobile"] = mobile, ["CreditCode"] = creditCode, ["Code"] = "123456",
        }), CitizensFactory.Account("/register"));
        refused.Errors.ShouldContain(e => e.Contains("该手机号已注册"));
        refused.Errors.ShouldContain(e => e.Contains("该统一社会信用代码已注册"));
    }

    [Fact]
    public async Task Sign_in_locks_after_five_failures_like_staff_and_a_citizen_cookie_opens_nothing_in_the_back_office()
    {
        var mobile = CitizensFactory.NextMobile();
        using (var registering = BackOfficeSession.Anonymous(app))
        {
            (await app.RegisterAsync(registering, mobile, "王五", password: "Citizen2026x")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            // Signed in as a citizen, the back office still asks for a staff sign-in.
            var admin = await registering.Client.GetAsync("/admin");
            admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            admin.Headers.Location!.ToString().ShouldContain("/admin/login");
        }
        using var session = BackOfficeSession.Anonymous(app);
        var url = CitizensFactory.Account("/signin");
        async Task<BackOfficeSession.Page> TryAsync(string password)
        {
            var page = await session.OpenAsync(url);
            var response = await session.SubmitAsync(page.Form("form.account-form"), new() { ["Mobile"] = mobile, ["Password"] = password });
            return await CitizensFactory.ReadAsync(response, url);
        }
        for (var i = 0; i < 4; i++)
        {
            (await TryAsync("Wrong2026pass")).Errors.ShouldContain("手机号或密码错误");
        }
        (await TryAsync("Wrong2026pass")).Errors.ShouldContain(e => e.Contains("账号已锁定"));
        (await TryAsync("Citizen2026x")).Errors.ShouldContain(e => e.Contains("账号已锁定"));
        (await app.CitizenAsync(mobile))!.LockoutEnd.ShouldNotBeNull();

        // After the lock: the password works, and so does a code from the outbox.
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Citizens.Where(c => c.Mobile == mobile)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LockoutEnd, (DateTime?)null)));
        var page = await session.OpenAsync(url);
        var ok = await session.SubmitAsync(page.Form("form.account-form"), new() { ["Mobile"] = mobile, ["Password"] = "Citizen2026x" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await session.Client.PostAsync(CitizensFactory.Account("?handler=SignOut"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", (await session.OpenAsync(CitizensFactory.Account())).Form("form[action*='SignOut']")["__RequestVerificationToken"]!)]));
        (await session.Client.GetAsync(CitizensFactory.Account())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await app.AgeCodesAsync(mobile);
        page = await session.OpenAsync(url);
        var sent = await CitizensFactory.PostToAsync(session, page.Form("form.account-form"), url + "?handler=Code", new() { ["Mobile"] = mobile });
        (await sent.Content.ReadAsStringAsync()).ShouldContain("验证码已发送");
        // A second code within the minute is refused, with the reason.
        var tooSoon = await CitizensFactory.PostToAsync(session, page.Form("form.account-form"), url + "?handler=Code", new() { ["Mobile"] = mobile });
        (await tooSoon.Content.ReadAsStringAsync()).ShouldContain("60 秒后");
        var byCode = await CitizensFactory.PostToAsync(session, page.Form("form.account-form"), url + "?handler=WithCode",
            new() { ["Mobile"] = mobile, ["Code"] = await app.CodeFromOutboxAsync(mobile) });
        byCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.OpenAsync(CitizensFactory.Account())).Html.ShouldContain("个人空间：王五");
    }

    [Fact]
    public async Task The_return_address_after_sign_in_stays_on_this_site()
    {
        var mobile = CitizensFactory.NextMobile();
        using var session = BackOfficeSession.Anonymous(app);
        var url = CitizensFactory.Account("/register") + "?returnUrl=" + Uri.EscapeDataString("//evil.example/x");
        var page = await session.OpenAsync(url);
        var fields = new Dictionary<string, string?> { ["Kind"] = "Person", ["Name"] = "赵六", ["Mobile"] = mobile };
        var afterCode = await CitizensFactory.ReadAsync(
            await CitizensFactory.PostToAsync(session, page.Form("form.account-form"), CitizensFactory.Account("/register?handler=Code"), fields),
            CitizensFactory.Account("/register"));
        fields["Code"] = await app.CodeFromOutboxAsync(mobile);
        var done = await session.SubmitAsync(afterCode.Form("form.account-form"), fields);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe(CitizensFactory.Account());
    }
}
