using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Publishing;
using GovSite.Publishing.Library;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// The catalogue's counts and pages when lists are combined, and an organ's page read from its two
/// sources (entries naming the organ on any site; entries naming none on the organ's own site),
/// checked against lists written out by hand.
/// </summary>
public class CatalogueCombinationTests(CatalogueCombinationTests.Fixture app) : IClassFixture<CatalogueCombinationTests.Fixture>
{
    public const string Education = "测试公开县教育局办公室";

    public sealed class Fixture : CatalogueTests.Fixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // 24 entries more, one a day from 11 March: even days on the education bureau's own site
            // naming no organ (so the host unit's), odd days on the natural resources bureau naming the
            // education bureau; genres alternate 通知 / 意见 every two days.
            for (var n = 0; n < 24; n++)
            {
                var day = new DateOnly(2026, 3, 11).AddDays(n);
                Clock.SetChina(day.Year, day.Month, day.Day);
                var own = n % 2 == 0;
                await PublishAsync(own ? OtherDepartment.Id : Department.Id, "政策文件", new ItemInput
                {
                    Title = $"教育工作第{n + 1:00}号事项", Body = "<p>事项说明。</p>",
                    Issuer = own ? null : Education, GenreClass = n / 2 % 2 == 0 ? "通知" : "意见",
                    SubjectClass = "科技、教育", Disclosure = DisclosureMode.Proactive,
                });
            }
        }
    }

    private async Task<JsonElement> CatalogueAsync(string query)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/sites/{DisclosureFactory.PortalCode}/disclosure/catalogue{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement body) => [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    private static string Q(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task An_organs_entries_from_both_sources_are_paged_newest_first()
    {
        // The 24 above plus the fixture's 学位管理办法 (on the education site, naming no organ, published 10 March).
        var first = await CatalogueAsync($"?organ={Q(Education)}");
        first.GetProperty("total").GetInt32().ShouldBe(25);
        Titles(first).ShouldBe([.. Enumerable.Range(5, 20).Reverse().Select(n => $"教育工作第{n:00}号事项")]);
        var second = await CatalogueAsync($"?organ={Q(Education)}&page=2");
        Titles(second).ShouldBe(["教育工作第04号事项", "教育工作第03号事项", "教育工作第02号事项", "教育工作第01号事项", "测试公开县中小学学位管理办法"]);
    }

    [Fact]
    public async Task Combined_lists_are_counted_exactly()
    {
        // 意见: n / 2 odd, i.e. n = 2,3,6,7,…,22,23 → 12 entries, all 科技、教育 and all the education bureau's.
        var opinions = await CatalogueAsync($"?organ={Q(Education)}&genre={Q("意见")}");
        opinions.GetProperty("total").GetInt32().ShouldBe(12);
        Titles(opinions).ShouldBe(["教育工作第24号事项", "教育工作第23号事项", "教育工作第20号事项", "教育工作第19号事项", "教育工作第16号事项", "教育工作第15号事项",
            "教育工作第12号事项", "教育工作第11号事项", "教育工作第08号事项", "教育工作第07号事项", "教育工作第04号事项", "教育工作第03号事项"]);
        (await CatalogueAsync($"?subject={Q("科技、教育")}&genre={Q("通知")}")).GetProperty("total").GetInt32().ShouldBe(12);
        (await CatalogueAsync($"?subject={Q("科技、教育")}&genre={Q("规范性文件")}&organ={Q(Education)}")).GetProperty("total").GetInt32().ShouldBe(1);
        (await CatalogueAsync($"?subject={Q("城乡建设、环境保护")}&organ={Q(Education)}")).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
