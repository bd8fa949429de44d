using System.Text.Json;

namespace GovSite.Tests.Api;

/// <summary>
/// The API's description as an integrator reads it: every operation says in Chinese what it
/// does, what it takes and returns, and how it fails.
/// </summary>
public class OpenApiDocumentTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_Chinese_summary_and_description_its_schemas_and_its_errors_as_problem_details()
    {
        using var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var problems = new List<string>();
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                operations++;
                var name = $"{method.Name.ToUpperInvariant()} {path.Name}";
                var op = method.Value;
                if (!GovSite.ApiDocumentation.ContainsChinese(Text(op, "summary")))
                {
                    problems.Add($"{name}: 没有中文 summary");
                }
                if (!GovSite.ApiDocumentation.ContainsChinese(Text(op, "description")))
                {
                    problems.Add($"{name}: 没有中文 description");
                }
                if (op.TryGetProperty("requestBody", out var body)
                    && !body.GetProperty("content").EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)))
                {
                    problems.Add($"{name}: 请求体没有 schema");
                }
                var responses = op.GetProperty("responses").EnumerateObject().ToList();
                var success = responses.Where(r => r.Name[0] is '2' or '3').ToList();
                if (success.Count == 0)
                {
                    problems.Add($"{name}: 没有成功的响应");
                }
                foreach (var ok in success.Where(r => r.Name is not ("204" or "302" or "303")))
                {
                    if (!ok.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)))
                    {
                        problems.Add($"{name}: 响应 {ok.Name} 没有 schema");
                    }
                }
                foreach (var error in responses.Where(r => r.Name[0] == '4'))
                {
                    if (!error.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    {
                        problems.Add($"{name}: 错误 {error.Name} 不是 ProblemDetails");
                    }
                    if (!GovSite.ApiDocumentation.ContainsChinese(Text(error.Value, "description")))
                    {
                        problems.Add($"{name}: 错误 {error.Name} 没有中文说明");
                    }
                }
                var hasPathParameter = op.TryGetProperty("parameters", out var parameters)
                    && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "path");
                if (hasPathParameter && responses.All(r => r.Name != "404"))
                {
                    problems.Add($"{name}: 地址含参数却没有 404");
                }
                if ((op.TryGetProperty("requestBody", out _) || op.TryGetProperty("parameters", out _)) && responses.All(r => r.Name != "400"))
                {
                    problems.Add($"{name}: 有输入却没有 400");
                }
            }
        }
        operations.ShouldBeGreaterThan(100);
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public async Task Operations_that_need_sign_in_list_401_and_403_and_public_reads_do_not()
    {
        using var client = app.CreateClient();
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var create = paths.GetProperty("/api/v1/sites").GetProperty("post").GetProperty("responses");
        create.TryGetProperty("401", out _).ShouldBeTrue();
        create.TryGetProperty("403", out _).ShouldBeTrue();
        var list = paths.GetProperty("/api/v1/sites").GetProperty("get").GetProperty("responses");
        list.TryGetProperty("401", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_enum_in_the_document_lists_exactly_the_lower_camel_case_names_of_a_GovSite_enum()
    {
        using var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var documented = typeof(GovSite.GovSiteApp).Assembly.GetTypes().Where(t => t.IsEnum)
            .Select(t => Enum.GetNames(t).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName).Order().ToList())
            .ToList();
        var enums = new List<List<string>>();
        Collect(doc, enums);
        enums.ShouldNotBeEmpty();
        foreach (var values in enums)
        {
            var listed = string.Join(", ", values);
            documented.Any(names => names.SequenceEqual(values.Order())).ShouldBeTrue($"no GovSite enum has exactly: {listed}");
        }
        // The two the brief names, where an integrator meets them.
        enums.ShouldContain(e => e.SequenceEqual(new[] { "leaderMailbox", "consultation", "complaint", "suggestion" }));
        enums.ShouldContain(e => e.SequenceEqual(new[] { "draft", "published", "withdrawn" }));
    }

    private static void Collect(JsonElement element, List<List<string>> enums)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "enum" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    enums.Add([.. property.Value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetString()!)]);
                }
                else
                {
                    Collect(property.Value, enums);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, enums);
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
