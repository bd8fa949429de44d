using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovSite.Accounts;
using GovSite.Tests.Search.RealDocuments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// A judged set for the 政府信息公开目录's search, written from the specification (issue 17, docs/disclosure.md)
/// and not from the code: a county 自然资源局's catalogue filled through the staff API as its editors would
/// (the five seed documents and items in the style of real catalogues, reviewed where the column asks and
/// published), then searched as a citizen types into the catalogue's box, on the API and on the public page.
/// The items and queries are in catalogue-judged.json; every query also checks that no 依申请公开 or 不予公开
/// item and nothing of another site is ever listed.
/// </summary>
public class CatalogueJudgedTests(CatalogueJudgedTests.JudgedCatalogueFactory factory, ITestOutputHelper output)
    : IClassFixture<CatalogueJudgedTests.JudgedCatalogueFactory>
{
    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var query in JudgedSet.Load().Queries)
        {
            data.Add(query.Q);
        }
        return data;
    }

    [Fact]
    public async Task The_catalogue_lists_every_disclosed_item_and_nothing_else()
    {
        var listed = await factory.ListAllAsync();
        var missing = factory.Set.Items.Where(i => i.Public).Select(i => i.Title).Except(listed.Select(e => e.Title)).ToList();
        missing.ShouldBeEmpty("disclosed items missing from the catalogue");
        var leaked = factory.Set.Items.Where(i => !i.Public).Select(i => i.Title).Intersect(listed.Select(e => e.Title)).ToList();
        leaked.ShouldBeEmpty("items that must never be listed");
        listed.Count.ShouldBe(factory.Set.Items.Count(i => i.Public));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_api_search_finds_what_a_citizen_asks_for(string q)
    {
        var misses = await factory.JudgeAsync(factory.Set.Query(q), Channel.Api);
        misses.ShouldBeEmpty(Describe(misses));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_page_search_finds_what_a_citizen_asks_for(string q)
    {
        var misses = await factory.JudgeAsync(factory.Set.Query(q), Channel.Page);
        misses.ShouldBeEmpty(Describe(misses));
    }

    /// <summary>The whole set on both channels, the misses as a table in the test output for the lead.</summary>
    [Fact]
    public async Task The_judged_set_as_a_table_of_misses()
    {
        var all = new List<Miss>();
        foreach (var query in factory.Set.Queries)
        {
            all.AddRange(await factory.JudgeAsync(query, Channel.Api));
            all.AddRange(await factory.JudgeAsync(query, Channel.Page));
        }
        var queries = factory.Set.Queries.Count;
        var missed = all.Select(m => m.Query).Distinct().Count();
        output.WriteLine($"Judged set: {factory.Set.Items.Count} items ({factory.Set.Items.Count(i => i.Public)} disclosed), {queries} queries on the API and the page; {queries - missed} answered as judged, {missed} with misses.");
        output.WriteLine(Describe(all));
        all.ShouldBeEmpty(Describe(all));
    }

    private static string Describe(IReadOnlyCollection<Miss> misses)
    {
        if (misses.Count == 0)
        {
            return "no misses";
        }
        var text = new StringBuilder("| channel | query (as sent) | miss | expected | got (first page, in order) |\n|---|---|---|---|---|\n");
        foreach (var m in misses)
        {
            text.Append($"| {m.Channel} | {m.Sent} | {m.Kind} | {m.Expected} | {string.Join(" / ", m.Got.Take(6))}{(m.Got.Count > 6 ? $" …(+{m.Got.Count - 6})" : "")} |\n");
        }
        return text.ToString();
    }

    public enum Channel { Api, Page }

    public sealed record Miss(Channel Channel, string Query, string Sent, string Kind, string Expected, IReadOnlyList<string> Got);

    public sealed class JudgedItem
    {
        public string Key { get; set; } = "";
        public string? Site { get; set; }
        public bool Public { get; set; } = true;
        public string Title { get; set; } = "";
        public string? Seed { get; set; }
        public int[]? SeedLines { get; set; }
        public int? SeedFrom { get; set; }
        public string? Body { get; set; }
        public string? Issuer { get; set; }
        public string? DocNumber { get; set; }
        public string? WrittenDate { get; set; }
        public string? Subject { get; set; }
        public string? Genre { get; set; }
        public string? Disclosure { get; set; }
        public string? Reason { get; set; }
        public string? Validity { get; set; }
        public string? ValidityDate { get; set; }
    }

    public sealed class JudgedQuery
    {
        public string Q { get; set; } = "";
        public List<string> MustFind { get; set; } = [];
        public string? First { get; set; }
        public string? Why { get; set; }
    }

    public sealed class JudgedSet
    {
        public List<JudgedItem> Items { get; set; } = [];
        public List<JudgedQuery> Queries { get; set; } = [];

        public JudgedQuery Query(string q) => Queries.First(x => x.Q == q);

        public JudgedItem Item(string key) => Items.FirstOrDefault(i => i.Key == key) ?? throw new KeyNotFoundException($"No item {key} in catalogue-judged.json");

        public static JudgedSet Load() =>
            JsonSerializer.Deserialize<JudgedSet>(
                File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Disclosure", "catalogue-judged.json")),
                new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public sealed record Entry(string Title, string? IndexNumber, string? DocNumber);

    /// <summary>The disclosure platform with the judged catalogue entered and published through the staff API.</summary>
    public sealed class JudgedCatalogueFactory : DisclosureFactory
    {
        /// <summary>索引号 patterns in the usual 统一社会信用代码/年份-流水号 form, set as a site admin would on 发布设置.</summary>
        public const string DepartmentIndexPattern = "11350322MB0123456X/{year}-{seq:5}";
        public const string OtherIndexPattern = "11350322MB0765432Y/{year}-{seq:5}";
        public const string DepartmentHost = "zrzyj.gk.test.gov.cn";

        public JudgedSet Set { get; } = JudgedSet.Load();

        /// <summary>索引号 per item key, as the catalogue shows it.</summary>
        public Dictionary<string, string> IndexNumbers { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync("other-admin", Password, (Role.SiteAdmin, OtherDepartment.Id));
            await SetIndexPatternAsync(Department.Id, DepartmentIndexPattern);
            await SetIndexPatternAsync(OtherDepartment.Id, OtherIndexPattern);
            var columns = new Dictionary<string, int>
            {
                ["department"] = await ColumnIdAsync(Department.Id, "政府信息公开目录"),
                ["other"] = await ColumnIdAsync(OtherDepartment.Id, "政府信息公开目录"),
            };
            foreach (var item in Set.Items)
            {
                Clock.Set(Clock.GetUtcNow().AddHours(1));
                await EnterAsync(item, columns[item.Site ?? "department"]);
            }
            foreach (var entry in await ListAllAsync())
            {
                if (Set.Items.FirstOrDefault(i => i.Title == entry.Title) is { } item && entry.IndexNumber is { Length: > 0 } index)
                {
                    IndexNumbers[item.Key] = index;
                }
            }
        }

        // The pattern is a site setting (the back office's 发布设置 page); no item is written here.
        private Task SetIndexPatternAsync(int siteId, string pattern) => AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var settings = await db.PublishingSettings.FirstOrDefaultAsync(s => s.SiteId == siteId);
            if (settings is null)
            {
                settings = new GovSite.Publishing.Library.PublishingSettings { SiteId = siteId };
                db.PublishingSettings.Add(settings);
            }
            settings.IndexNumberPattern = pattern;
            await db.SaveChangesAsync();
            return 0;
        });

        private async Task EnterAsync(JudgedItem item, int columnId)
        {
            var other = item.Site == "other";
            using var editor = await ClientWithTokenAsync(other ? "other-editor" : "dept-editor", Password);
            using var admin = await ClientWithTokenAsync(other ? "other-admin" : "dept-admin", Password);
            var body = new Dictionary<string, object?>
            {
                ["siteCode"] = other ? OtherDepartmentCode : DepartmentCode,
                ["columnId"] = columnId,
                ["title"] = item.Title,
                ["body"] = Html(BodyText(item)),
                ["issuer"] = item.Issuer,
                ["docNumber"] = item.DocNumber,
                ["writtenDate"] = item.WrittenDate,
                ["subjectClass"] = item.Subject,
                ["genreClass"] = item.Genre,
                ["disclosure"] = item.Disclosure,
                ["disclosureReason"] = item.Reason,
                ["validity"] = item.Validity,
                ["validityDate"] = item.ValidityDate,
            };
            var created = await editor.PostAsJsonAsync("/api/v1/items", body);
            var createdText = await created.Content.ReadAsStringAsync();
            created.StatusCode.ShouldBe(HttpStatusCode.OK, $"creating {item.Key}: {createdText}");
            var id = JsonDocument.Parse(createdText).RootElement.GetProperty("id").GetInt32();

            // Editors publish directly in a column without review; otherwise the item is submitted and
            // the site admin passes each review level, as the workflow asks.
            var (status, text) = await StepAsync(editor, id, "publish");
            if (status != "published")
            {
                (status, text) = await StepAsync(editor, id, "submit");
                for (var level = 0; level < 5 && status != "approved"; level++)
                {
                    (status, text) = await StepAsync(admin, id, "approve");
                }
                (status, text) = await StepAsync(editor, id, "publish");
            }
            status.ShouldBe("published", $"publishing {item.Key}: {text}");
        }

        private static async Task<(string? Status, string Text)> StepAsync(HttpClient client, int id, string step)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/items/{id}/{step}", new { });
            var text = await response.Content.ReadAsStringAsync();
            try
            {
                return (JsonDocument.Parse(text).RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null, text);
            }
            catch (JsonException)
            {
                return (null, text);
            }
        }

        private static string BodyText(JudgedItem item)
        {
            if (item.Seed is null)
            {
                return item.Body ?? "";
            }
            var lines = File.ReadAllText(Path.Combine(SeedDocuments.Directory, item.Seed)).Split('\n');
            var (from, to) = item.SeedLines is [var a, var b] ? (a, b) : (item.SeedFrom ?? 1, lines.Length);
            return string.Join('\n', lines[(from - 1)..Math.Min(to, lines.Length)]);
        }

        private static string Html(string text) =>
            string.Concat(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));

        public async Task<List<Entry>> ListAllAsync()
        {
            using var client = CreateClient();
            var all = new List<Entry>();
            for (var page = 1; page < 20; page++)
            {
                var (total, entries) = await ApiPageAsync(client, $"page={page}");
                all.AddRange(entries);
                if (entries.Count == 0 || all.Count >= total)
                {
                    break;
                }
            }
            return all;
        }

        private static async Task<(int Total, List<Entry> Entries)> ApiPageAsync(HttpClient client, string query)
        {
            var response = await client.GetAsync($"/api/v1/sites/{DepartmentCode}/disclosure/catalogue?{query}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"catalogue?{query}: {text}");
            var root = JsonDocument.Parse(text).RootElement;
            var entries = root.GetProperty("items").EnumerateArray().Select(e => new Entry(
                e.GetProperty("title").GetString()!,
                e.TryGetProperty("indexNumber", out var i) ? i.GetString() : null,
                e.TryGetProperty("docNumber", out var d) ? d.GetString() : null)).ToList();
            return (root.GetProperty("total").GetInt32(), entries);
        }

        /// <summary>The query text as sent: 索引号 placeholders are filled from what the catalogue assigned.</summary>
        public string Resolve(string q)
        {
            var match = Regex.Match(q, @"^\{(index|index-lower|index-tail):([a-z0-9-]+)\}$");
            if (!match.Success)
            {
                return q;
            }
            var index = IndexNumbers.GetValueOrDefault(match.Groups[2].Value)
                ?? throw new InvalidOperationException($"{match.Groups[2].Value} has no 索引号 in the catalogue");
            return match.Groups[1].Value switch
            {
                "index-lower" => index.ToLowerInvariant(),
                "index-tail" => index[(index.IndexOf('/') + 1)..],
                _ => index,
            };
        }

        public async Task<List<Miss>> JudgeAsync(JudgedQuery query, Channel channel)
        {
            var sent = Resolve(query.Q);
            var got = channel == Channel.Api ? await ApiTitlesAsync(sent) : await PageTitlesAsync(sent);
            var misses = new List<Miss>();
            foreach (var key in query.MustFind)
            {
                if (!got.Listed.Contains(Set.Item(key).Title))
                {
                    misses.Add(new Miss(channel, query.Q, sent, "not on the first page", Set.Item(key).Title, got.Listed));
                }
            }
            if (query.First is { } first && got.Listed.Count > 0 && got.Listed[0] != Set.Item(first).Title && got.Listed.Contains(Set.Item(first).Title))
            {
                misses.Add(new Miss(channel, query.Q, sent, "not first", Set.Item(first).Title, got.Listed));
            }
            foreach (var item in Set.Items.Where(i => !i.Public))
            {
                if (got.Everything.Contains(item.Title))
                {
                    misses.Add(new Miss(channel, query.Q, sent, "MUST NOT appear", item.Title, got.Listed));
                }
            }
            return misses;
        }

        private async Task<(List<string> Listed, string Everything)> ApiTitlesAsync(string q)
        {
            using var client = CreateClient();
            var response = await client.GetAsync($"/api/v1/sites/{DepartmentCode}/disclosure/catalogue?q={Uri.EscapeDataString(q)}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"q={q}: {text}");
            var titles = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
            return (titles, string.Join('\n', titles));
        }

        /// <summary>
        /// The public catalogue page: its search form is found in the page (action and the name of its text box)
        /// and submitted as a browser would; the listed titles are the links' texts, in page order.
        /// </summary>
        private async Task<(List<string> Listed, string Everything)> PageTitlesAsync(string q)
        {
            using var client = ClientForHost(DepartmentHost);
            var start = await client.GetAsync("/disclosure/catalogue");
            var startHtml = await start.Content.ReadAsStringAsync();
            start.StatusCode.ShouldBe(HttpStatusCode.OK, startHtml);
            var (action, name) = SearchForm(startHtml);
            var separator = action.Contains('?') ? "&" : "?";
            var response = await client.GetAsync($"{action}{separator}{name}={Uri.EscapeDataString(q)}");
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"q={q}: {html}");
            var known = Set.Items.Select(i => i.Title).ToHashSet();
            var links = Regex.Matches(html, @"<a\b[^>]*>(.*?)</a>", RegexOptions.Singleline)
                .Select(m => Normalise(WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""))))
                .Where(known.Contains)
                .Distinct()
                .ToList();
            return (links, WebUtility.HtmlDecode(html));
        }

        private static string Normalise(string s) => Regex.Replace(s, @"\s+", " ").Trim();

        private static (string Action, string Name) SearchForm(string html)
        {
            foreach (Match form in Regex.Matches(html, @"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline))
            {
                var method = Regex.Match(form.Groups[1].Value, @"method\s*=\s*""([^""]*)""").Groups[1].Value;
                if (method.Length > 0 && !method.Equals("get", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                foreach (Match input in Regex.Matches(form.Groups[2].Value, @"<input\b([^>]*)>"))
                {
                    var attributes = input.Groups[1].Value;
                    var type = Regex.Match(attributes, @"type\s*=\s*""([^""]*)""").Groups[1].Value;
                    var name = Regex.Match(attributes, @"name\s*=\s*""([^""]*)""").Groups[1].Value;
                    if (name.Length > 0 && (type is "" or "search" or "text"))
                    {
                        var action = WebUtility.HtmlDecode(Regex.Match(form.Groups[1].Value, @"action\s*=\s*""([^""]*)""").Groups[1].Value);
                        // The catalogue's own box: a form aimed at the catalogue (the site-wide search box goes elsewhere).
                        if (action.Length == 0 || action.Contains("/disclosure/catalogue", StringComparison.Ordinal))
                        {
                            return (action.Length == 0 ? "/disclosure/catalogue" : action, name);
                        }
                    }
                }
            }
            throw new InvalidOperationException("The catalogue page has no search form of its own:\n" + html);
        }
    }
}
