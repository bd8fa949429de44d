using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// Every string of the typed-text corpus through every plain-text field of the two public forms
/// (依申请公开 and 找错), stored and given back to staff exactly as typed. Each value is framed by
/// 「」 so that the trimming of a one-line field's ends does not count as a change.
/// </summary>
public class TypedTextFormsTests(DisclosureFactory app) : IClassFixture<DisclosureFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Framed(string text) => $"「{text}」";

    /// <summary>The value a field of at most <paramref name="max"/> characters gets: the corpus string when it fits, else an ordinary one.</summary>
    private static string Fit(string text, int max, string otherwise) => TypedText.Length(Framed(text)) <= max ? Framed(text) : otherwise;

    [Fact]
    public async Task Every_typed_string_goes_through_the_application_form_and_comes_back_to_staff_exactly()
    {
        app.Clock.SetChina(2026, 5, 11);
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        var failures = new List<string>();
        foreach (var typed in Corpora.TypedText())
        {
            var text = typed.Text;
            // The description needs five characters: a short string rides behind a request that has them.
            var description = TypedText.Length(text) <= 3990 ? $"请公开{Framed(text)}" : "请公开本县的某项规划。";
            var body = DisclosureFactory.Application(description: description);
            body["name"] = Fit(text, 50, "王小明");
            body["workUnit"] = Fit(text, 100, "测试单位");
            body["address"] = Fit(text, 200, "测试县人民路1号");
            body["informationName"] = Fit(text, 200, "某文件");
            body["purpose"] = Fit(text, 1000, "用于个人查询");
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests", body);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failures.Add($"{typed}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            var seen = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/information-requests/{number}", Json)).GetProperty("staff");
            var expected = TypedText.Block(Framed(text));
            if (seen.GetProperty("description").GetString() != TypedText.Block(description))
            {
                failures.Add($"{typed}: description came back as {JsonSerializer.Serialize(seen.GetProperty("description").GetString())}");
            }
            foreach (var (field, sent) in new[] { ("purpose", (string)body["purpose"]!), ("name", (string)body["name"]!),
                ("address", (string)body["address"]!), ("informationName", (string)body["informationName"]!) })
            {
                var back = seen.GetProperty(field).GetString();
                var want = sent == Framed(text) ? expected : sent;
                if (back != want)
                {
                    failures.Add($"{typed}: {field} came back as {JsonSerializer.Serialize(back)}");
                }
            }
            var workUnit = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests
                .Where(r => r.Number == number).Select(r => r.WorkUnit).SingleAsync());
            if (workUnit != ((string)body["workUnit"]! == Framed(text) ? expected : (string?)body["workUnit"]))
            {
                failures.Add($"{typed}: workUnit stored as {JsonSerializer.Serialize(workUnit)}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_typed_string_goes_through_the_error_report_form_and_comes_back_exactly()
    {
        app.Clock.SetChina(2026, 5, 12);
        var failures = new List<string>();
        foreach (var typed in Corpora.TypedText())
        {
            var text = typed.Text;
            var name = Fit(text, 50, "李先生");
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports", new Dictionary<string, object?>
            {
                ["pageUrl"] = "https://zrzyj.gk.test.gov.cn/columns/3/", ["kind"] = "Content",
                ["quotedText"] = Fit(text, 1000, "错字"), ["description"] = Fit(text, 2000, "有错别字"), ["name"] = name,
            });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failures.Add($"{typed}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.SingleAsync(r => r.Number == number));
            var expected = TypedText.Block(Framed(text));
            if (stored.QuotedText != (TypedText.Length(Framed(text)) <= 1000 ? expected : "错字")
                || stored.Description != (TypedText.Length(Framed(text)) <= 2000 ? expected : "有错别字")
                || stored.Name != (name == Framed(text) ? expected : name))
            {
                failures.Add($"{typed}: stored as {JsonSerializer.Serialize(new { stored.QuotedText, stored.Description, stored.Name })}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
