using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovSite.Demo;

namespace GovSite.Tests.Api;

/// <summary>
/// Every POST and PUT that takes a JSON body, from the OpenAPI document (so a new endpoint is
/// fuzzed without anyone listing it), gets malformed and random bodies: none may answer 500.
/// </summary>
public class BodyFuzzTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    [Fact]
    public async Task No_json_body_makes_any_endpoint_fail_with_a_server_error()
    {
        using var admin = await app.AdminClientAsync();
        var doc = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json")).RootElement;
        var random = new Random(22);
        var failures = new List<string>();
        var endpoints = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "post" or "put"))
            {
                if (!method.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }
                endpoints++;
                var url = path.Name.Replace("{code}", DemoRegion.CountyPortalCode, StringComparison.Ordinal)
                    .Replace("{number}", "20260000000001", StringComparison.Ordinal);
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", "1");
                var properties = PropertyNames(json.GetProperty("schema"), doc);
                foreach (var payload in Payloads(properties, random))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.Name.ToUpperInvariant()), url)
                    {
                        Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                    };
                    using var response = await admin.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method.Name.ToUpperInvariant()} {url} {payload} → {(int)response.StatusCode}");
                    }
                }
            }
        }
        endpoints.ShouldBeGreaterThan(40);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(30)));
    }

    private static List<string> PropertyNames(JsonElement schema, JsonElement doc)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
    }

    private static IEnumerable<string> Payloads(List<string> properties, Random random)
    {
        yield return "";
        yield return "{";
        yield return "null";
        yield return "[]";
        yield return "\"text\"";
        yield return "{\"a\":" + new string('[', 200) + new string(']', 200) + "}";
        var bytes = new byte[64];
        random.NextBytes(bytes);
        yield return Encoding.Latin1.GetString(bytes);
        JsonNode?[] odd = [null, "", "x", " ", "\u0000", "<script>alert(1)</script>", new string('长', 5000), 0, -1, int.MaxValue,
            long.MaxValue, 1e308, 1.5, true, false, new JsonArray(), new JsonObject(), "2026-13-45", "9999-12-31T23:59:59Z", "../../etc/passwd"];
        for (var round = 0; round < 8; round++)
        {
            var body = new JsonObject();
            foreach (var property in properties)
            {
                if (random.Next(4) > 0)
                {
                    body[property] = odd[random.Next(odd.Length)]?.DeepClone();
                }
            }
            yield return body.ToJsonString();
        }
    }
}
