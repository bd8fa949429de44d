using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using GovSite.Citizens;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Tests.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>The services platform with a published guide, and registration open wide enough for the corpus runs.</summary>
public sealed class CitizensFactory : CitizensFactoryBase;

/// <summary>What the citizens tests share (a factory with other settings derives from it).</summary>
public partial class CitizensFactoryBase : ServicesFactory
{
    public const string GuideCode = "C001";
    public const string GuideName = "最低生活保障金申领";
    private static int s_mobile;
    private static readonly HtmlParser Parser = new();

    public static string NextMobile() => "137" + Interlocked.Increment(ref s_mobile).ToString("D8", CultureInfo.InvariantCulture);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Citizens:SignInPerMinute", "100000");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PublishedAsync(CompleteGuide(GuideCode, GuideName));
    }

    public static string Account(string path = "") => $"/sites/{DepartmentCode}/account{path}";

    /// <summary>The code the latest SMS to <paramref name="mobile"/> carries: read from the outbox, as the demo does.</summary>
    public Task<string> CodeFromOutboxAsync(string mobile) => AsSystemAsync(async sp =>
    {
        var body = await sp.GetRequiredService<GovSiteDb>().OutboxMessages.Where(m => m.Channel == OutboxChannel.Sms && m.Recipient == mobile)
            .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
        return SixDigits().Match(body).Value;
    });

    /// <summary>Moves this number's codes two minutes back, so another may be sent (the limit is one a minute).</summary>
    public Task AgeCodesAsync(string mobile) => AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        foreach (var code in await db.CitizenCodes.Where(c => c.Mobile == mobile).ToListAsync())
        {
            code.CreatedAt = code.CreatedAt.AddMinutes(-2);
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>A page read from a response, as if opened at <paramref name="url"/> (so its form posts there).</summary>
    public static async Task<BackOfficeSession.Page> ReadAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new BackOfficeSession.Page(url, Parser.ParseDocument(html), html);
    }

    /// <summary>Posts a form's fields, changed, to another handler of the same page (the 获取验证码 button's formaction).</summary>
    public static Task<HttpResponseMessage> PostToAsync(BackOfficeSession session, BackOfficeSession.Form form, string url, Dictionary<string, string?> changes)
    {
        var fields = form.Values();
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        return session.Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>A new citizen, registered through the pages and signed in; the session and the mobile number.</summary>
    public async Task<(BackOfficeSession Session, string Mobile)> SignedInCitizenAsync(string name, string? email = null)
    {
        var session = BackOfficeSession.Anonymous(this);
        var mobile = NextMobile();
        (await RegisterAsync(session, mobile, name, email: email)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return (session, mobile);
    }

    /// <summary>Registers through the pages: 获取验证码, the code from the outbox, 注册. Returns the final response.</summary>
    public async Task<HttpResponseMessage> RegisterAsync(BackOfficeSession session, string mobile, string name, CitizenKind kind = CitizenKind.Person,
        string? creditCode = null, string? password = null, string? email = null)
    {
        var url = Account("/register");
        var page = await session.OpenAsync(url);
        var fields = new Dictionary<string, string?>
        {
            ["Kind"] = kind.ToString(), ["Name"] = name, ["Mobile"] = mobile, ["CreditCode"] = creditCode, ["Password"] = password, ["Email"] = email,
        };
        var sent = await PostToAsync(session, page.Form("form.account-form"), url + "?handler=Code", fields);
        var afterCode = await ReadAsync(sent, url);
        afterCode.Html.ShouldContain("验证码已发送", customMessage: string.Join("；", afterCode.Errors));
        fields["Code"] = await CodeFromOutboxAsync(mobile);
        return await session.SubmitAsync(afterCode.Form("form.account-form"), fields);
    }

    public Task<Citizen?> CitizenAsync(string mobile) =>
        AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.Mobile == mobile));

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
