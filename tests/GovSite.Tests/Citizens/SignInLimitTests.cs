using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace GovSite.Tests.Citizens;

/// <summary>A citizens' platform whose sign-in allows three attempts a minute per address.</summary>
public sealed class TightSignInFactory : CitizensFactoryBase
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Citizens:SignInPerMinute", "3");
        // Windows are fixed on the clock: an hour, so the five attempts cannot straddle a minute's end.
        builder.UseSetting("RateLimits:Rules:citizen-sign-in:WindowSeconds", "3600");
    }
}

/// <summary>Addresses unlimited, but two attempts per mobile number and window.</summary>
public sealed class NumberLimitFactory : CitizensFactoryBase
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Rules:citizen-sign-in-number:Limit", "2");
        builder.UseSetting("RateLimits:Rules:citizen-sign-in-number:WindowSeconds", "3600");
    }
}

public sealed class SignInLimitTests(TightSignInFactory app) : IClassFixture<TightSignInFactory>
{
    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_but_showing_the_form_is_not()
    {
        using var session = BackOfficeSession.Anonymous(app);
        // Every 收藏 link of a guide list leads a visitor who is not signed in to the form: a link
        // checker following sixty of them must not find sixty broken links.
        for (var i = 0; i < 20; i++)
        {
            (await session.Client.GetAsync(CitizensFactoryBase.Account($"/signin?returnUrl=%2Fx{i}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var form = (await session.OpenAsync(CitizensFactoryBase.Account("/signin"))).Handler(null);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await session.SubmitAsync(form, new() { ["Mobile"] = "13700000000", ["Password"] = "wrong-password-1" }));
        }
        responses.Take(3).ShouldAllBe(r => r.StatusCode != HttpStatusCode.TooManyRequests);
        responses.Skip(3).ShouldAllBe(r => r.StatusCode == HttpStatusCode.TooManyRequests);

        // The refusal is a page in Chinese that keeps what was typed (never the password) for sending again.
        var refused = await responses[4].Content.ReadAsStringAsync();
        refused.ShouldContain("提交过于频繁");
        refused.ShouldContain("13700000000");
        refused.ShouldNotContain("wrong-password-1");
        responses[4].Headers.RetryAfter.ShouldNotBeNull();
    }
}

public sealed class NumberLimitTests(NumberLimitFactory app) : IClassFixture<NumberLimitFactory>
{
    [Fact]
    public async Task Attempts_on_one_mobile_number_are_limited_whatever_the_address()
    {
        using var session = BackOfficeSession.Anonymous(app);
        var form = (await session.OpenAsync(CitizensFactoryBase.Account("/signin"))).Handler(null);
        var mobile = CitizensFactoryBase.NextMobile();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await session.SubmitAsync(form, new() { ["Mobile"] = mobile, ["Password"] = "wrong-password-1" })).StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await session.SubmitAsync(form, new() { ["Mobile"] = CitizensFactoryBase.NextMobile(), ["Password"] = "wrong-password-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "another number is not held back");
    }
}
