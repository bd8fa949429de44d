using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GovSite.Tests.Api;

/// <summary>
/// A request the API cannot read is answered in Chinese, naming the field and what it expects,
/// and a URL or headers too long get a Chinese answer instead of a blank one.
/// </summary>
public class BindingErrorsTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private const string Messages = "/api/v1/sites/nosuchsite/messages";

    private async Task<(HttpStatusCode Status, JsonElement Problem, string Type)> PostRawAsync(string url, string json)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement : default,
            response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Fact]
    public async Task An_unknown_enum_value_in_a_body_names_the_field_and_lists_the_documented_values()
    {
        var (status, problem, type) = await PostRawAsync(Messages, """{"channel":"letter","name":"王五"}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        type.ShouldBe("application/problem+json");
        problem.GetProperty("errors").GetProperty("channel")[0].GetString()
            .ShouldBe("channel：应为 leaderMailbox、consultation、complaint 或 suggestion 之一");
        problem.GetProperty("detail").GetString()!.ShouldContain("channel：");
    }

    [Theory]
    [InlineData("consultation")]
    [InlineData("leaderMailbox")]
    [InlineData("LeaderMailbox")]
    [InlineData("LEADERMAILBOX")]
    public async Task Documented_enum_values_are_accepted_in_any_case(string channel)
    {
        // Binding succeeds, so the endpoint itself answers: the site does not exist.
        var (status, _, _) = await PostRawAsync(Messages, $$"""{"channel":"{{channel}}","name":"王五"}""");
        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Enum_values_in_the_query_string_are_read_as_documented_in_any_case_and_others_are_named()
    {
        await app.CreateSiteAsync("8801000001", "枚举测试网站");
        using var admin = await app.AdminClientAsync();
        foreach (var status in new[] { "published", "Published", "PUBLISHED", "draft" })
        {
            var ok = await admin.GetAsync($"/api/v1/sites/8801000001/articles?status={status}");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, status);
        }
        foreach (var status in new[] { "online", "1", "99" })
        {
            var wrong = await admin.GetAsync($"/api/v1/sites/8801000001/articles?status={status}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest, status);
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString()
                .ShouldBe("status：应为 draft、published 或 withdrawn 之一");
        }
    }

    [Fact]
    public async Task Enum_values_are_returned_as_documented()
    {
        using var admin = await app.AdminClientAsync();
        await app.CreateSiteAsync("8802000001", "枚举返回测试网站");
        var regions = await admin.GetStringAsync("/api/v1/regions");
        var site = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sites/8802000001");
        site.GetProperty("type").GetString().ShouldBe("department");
        site.GetProperty("status").GetString().ShouldBe("online");
        regions.ShouldContain("\"level\":\"city\"");
    }

    [Fact]
    public async Task A_wrong_type_names_the_field_and_the_type_expected()
    {
        var (status, problem, _) = await PostRawAsync(Messages, """{"isPublic":"maybe"}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("isPublic")[0].GetString().ShouldBe("isPublic：应为 true 或 false");

        (status, problem, _) = await PostRawAsync(Messages, """{"name":{"first":"王"}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("name：应为文本（字符串）");
    }

    /// <summary>PostgreSQL cannot store a NUL in text: such a body is refused at reading, naming the field, on both databases.</summary>
    [Fact]
    public async Task A_nul_character_in_a_text_field_is_refused_naming_the_field()
    {
        var (status, problem, _) = await PostRawAsync(Messages, """{"subject":"关于\u0000停车","text":"内容"}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("subject")[0].GetString()!.ShouldContain("空字符");
    }

    [Theory]
    [InlineData("{\"channel\":")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_is_a_Chinese_problem_about_the_body(string json)
    {
        var (status, problem, type) = await PostRawAsync(Messages, json);
        status.ShouldBe(HttpStatusCode.BadRequest);
        type.ShouldBe("application/problem+json");
        problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public async Task A_missing_body_says_so()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync(Messages, new StringContent("", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("body")[0].GetString()!.ShouldContain("缺少 JSON");
    }

    [Fact]
    public async Task A_url_too_long_gets_a_Chinese_problem_on_the_api_and_a_Chinese_page_elsewhere()
    {
        using var client = app.CreateClient();
        var query = new string('a', GovSite.GovSiteApp.MaxRequestLineBytes);
        var api = await client.GetAsync($"/api/v1/sites?q={query}");
        api.StatusCode.ShouldBe(HttpStatusCode.RequestUriTooLong);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("网址过长");

        foreach (var path in new[] { "/", "/admin/login", "/no/such/page", "/search" })
        {
            var page = await client.GetAsync($"{path}?q={query}");
            page.StatusCode.ShouldBe(HttpStatusCode.RequestUriTooLong, path);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            (await page.Content.ReadAsStringAsync()).ShouldContain("网址过长");
        }
        // Within the limit, the request goes through.
        (await client.GetAsync($"/api/v1/sites?q={query[..1000]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Headers_too_large_get_a_Chinese_answer()
    {
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
        request.Headers.Add("X-Filler", new string('x', GovSite.GovSiteApp.MaxRequestHeaderBytes));
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("请求头过大");
    }
}
