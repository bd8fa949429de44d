using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Data;
using GovSite.Security;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// Every public limit at two per hour-long window, and a client address a test can choose
/// (header X-Test-Client): the in-process server has none of its own.
/// </summary>
public sealed class TightPublicLimitsFactory : InteractionFactory
{
    public const string Limit = "2";
    public const string ClientHeader = "X-Test-Client";

    public static IEnumerable<(string Key, string Value)> Settings() =>
        RateLimitOptions.PublicBuckets.SelectMany(bucket => new[]
        {
            ($"RateLimits:Rules:{bucket}:Limit", Limit),
            // Windows are fixed on the clock: an hour, so a test's requests cannot straddle a window's end.
            ($"RateLimits:Rules:{bucket}:WindowSeconds", "3600"),
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[ClientHeader].ToString() is { Length: > 0 } address)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue 21: every public form and API counts in the database-held limits (Security/RateLimits.cs):
/// a 429 in Chinese (a page that keeps what was typed, or a ProblemDetails), per address and per
/// phone number, shared by every node on the database.
/// </summary>
public sealed partial class PublicFormLimitTests(TightPublicLimitsFactory app) : IClassFixture<TightPublicLimitsFactory>
{
    private const string Site = "/sites/" + InteractionFactory.PortalCode;
    private const string Code = InteractionFactory.PortalCode;

    public static TheoryData<string, string, string?> Apis => new()
    {
        { "POST", $"/api/v1/sites/{Code}/messages", "{}" },
        { "POST", $"/api/v1/sites/{Code}/error-reports", "{}" },
        { "POST", $"/api/v1/sites/{Code}/information-requests", "{}" },
        { "POST", "/api/v1/services/NOPE/ratings", "{}" },
        { "POST", "/api/v1/services/NOPE/uses", "{}" },
        { "POST", "/unsubscribe/not-a-token/one-click", null },
        { "GET", "/api/v1/search?q=%E4%BD%8F%E6%88%BF", null },
        { "GET", "/api/v1/search/suggest?q=%E4%BD%8F", null },
        { "GET", $"/api/v1/sites/{Code}/faq/suggest?q=%E4%BD%8F%E6%88%BF", null },
        { "GET", "/api/v1/messages/X00000000?queryCode=123456", null },
        { "GET", "/api/v1/error-reports/X00000000?queryCode=123456", null },
        { "GET", "/api/v1/information-requests/X00000000?queryCode=123456", null },
    };

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_public_api_refuses_past_its_limit_with_a_Chinese_problem(string method, string url, string? body)
    {
        await ClearAsync();
        using var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await SendAsync(client, method, url, body)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"request {i + 1} of {method} {url}");
        }
        var refused = await SendAsync(client, method, url, body);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"{method} {url}");
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("请求过于频繁");
        problem.GetProperty("detail").GetString()!.ShouldContain("秒后再试");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    public static TheoryData<string, string[]> Forms => new()
    {
        { $"{Site}/interaction/write", ["Input.Subject", "Input.Text"] },
        { $"{Site}/error-reports/new", ["Input.Description"] },
        { $"{Site}/disclosure/apply", ["Input.Description"] },
        { $"{Site}/interaction/lookup", ["Ticket"] },
        { $"{Site}/error-reports/lookup", ["Number"] },
        { $"{Site}/disclosure/lookup", ["Number"] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_public_form_refuses_past_its_limit_with_a_page_that_keeps_what_was_typed(string url, string[] fields)
    {
        await ClearAsync();
        using var client = app.CreateClient();
        // What a visitor might type, markup included: kept exactly and shown encoded.
        const string typed = "第三次提交：<b>楼下夜间施工</b> & \"噪音\"";
        for (var i = 0; i < 2; i++)
        {
            (await PostFormAsync(client, url, fields.ToDictionary(f => f, _ => $"第{i + 1}次"))).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, url);
        }
        var refused = await PostFormAsync(client, url, fields.ToDictionary(f => f, _ => typed));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, url);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("提交过于频繁");
        html.ShouldContain("不会丢失");
        html.ShouldContain(WebUtility.HtmlEncode(typed));
        html.ShouldNotContain("<b>楼下夜间施工</b>");
        foreach (var field in fields)
        {
            html.ShouldContain($"name=\"{field}\"");
        }
        html.ShouldContain("name=\"__RequestVerificationToken\"", Case.Sensitive, "the kept form can be sent again");
        // Showing the form is never counted.
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_search_page_counts_each_query_and_offers_it_again()
    {
        await ClearAsync();
        using var client = app.CreateClient();
        var url = $"{Site}/search?q=%E4%BD%8F%E6%88%BF%3Cscript%3E";
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.GetAsync(url);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("请求过于频繁");
        html.ShouldContain("住房&lt;script&gt;");
        html.ShouldContain("method=\"get\"");
        // The API shares the window: one visitor's searches, however sent.
        (await client.GetAsync("/api/v1/search?q=x")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task One_phone_number_from_many_addresses_meets_the_per_phone_limit()
    {
        await ClearAsync();
        var url = $"{Site}/interaction/write";
        using var first = Client("203.0.113.10");
        using var second = Client("203.0.113.11");
        using var third = Client("203.0.113.12");
        Dictionary<string, string> Letter(string phone) => new() { ["Input.Phone"] = phone, ["Input.Subject"] = "咨询", ["Input.Text"] = "请问低保如何申请？" };

        (await PostFormAsync(first, url, Letter("13800000001"))).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await PostFormAsync(second, url, Letter("13800000001"))).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var refused = await PostFormAsync(third, url, Letter("13800000001"));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a third letter with the number, from a third address");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("13800000001");
        (await PostFormAsync(third, url, Letter("13800000002"))).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "another number from that address");

        // The API counts in the same windows (a letter is a letter, however sent).
        var api = await third.PostAsJsonAsync($"/api/v1/sites/{Code}/messages", new { phone = "13800000003" });
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the third address has sent two letters");
        using var fourth = Client("203.0.113.13");
        (await fourth.PostAsJsonAsync($"/api/v1/sites/{Code}/messages", new { phone = "13800000001" }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the number is past its limit");
        (await fourth.PostAsJsonAsync($"/api/v1/sites/{Code}/messages", new { phone = "13800000004" }))
            .StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_a_form_limit()
    {
        await ClearAsync();
        using var other = new OtherNode(app.Database, [.. TightPublicLimitsFactory.Settings()]);
        using var first = app.CreateClient();
        using var second = other.CreateClient();
        var url = $"/api/v1/sites/{Code}/error-reports";
        (await first.PostAsJsonAsync(url, new { })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await second.PostAsJsonAsync(url, new { })).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        // The third report from this address, on whichever node: refused.
        (await first.PostAsJsonAsync(url, new { })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await second.PostAsJsonAsync(url, new { })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var windows = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<RateLimitWindow>()
            .Where(w => w.Bucket == RateLimitOptions.ErrorReports).Select(w => w.Count).ToListAsync());
        windows.ShouldBe([4], "one window in the database, counted by both nodes");
    }

    private HttpClient Client(string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TightPublicLimitsFactory.ClientHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

    /// <summary>Opens the form's page (for its antiforgery token and cookie), then posts the fields to it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Antiforgery().Match(page);
        token.Success.ShouldBeTrue($"no form on {url}");
        var values = fields.ToList();
        values.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private Task ClearAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Set<RateLimitWindow>().ExecuteDeleteAsync());
}
