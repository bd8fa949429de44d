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
    }
}

public sealed class SignInLimitTests(TightSignInFactory app) : IClassFixture<TightSignInFactory>
{
    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_but_showing_the_form_is_not()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        // Every 收藏 link of a guide list leads a visitor who is not signed in to the form: a link
        // checker following sixty of them must not find sixty broken links.
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(CitizensFactoryBase.Account($"/signin?returnUrl=%2Fx{i}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Mobile"] = "13700000000", ["Password"] = "wrong-password-1" });
            statuses.Add((await client.PostAsync(CitizensFactoryBase.Account("/signin"), form)).StatusCode);
        }
        statuses.Take(3).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
