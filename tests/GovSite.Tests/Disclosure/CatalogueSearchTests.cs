using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// Searching 政府信息公开目录 through the search index: by title word, body word, 文号 in every
/// spelling and 索引号; only 主动公开 entries of the catalogue's own sites, newest first, with the
/// catalogue's filters and paging.
/// </summary>
public class CatalogueSearchTests(CatalogueSearchTests.Fixture app) : IClassFixture<CatalogueSearchTests.Fixture>
{
    public class Fixture : CatalogueTests.Fixture
    {
        public int Land { get; private set; }
        public int LandOnRequest { get; private set; }
        public int LandOtherDepartment { get; private set; }
        public int LandElsewhere { get; private set; }
        public int LandLater { get; private set; }
        public int LandCited { get; private set; }
        public Site Elsewhere { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Elsewhere = await CreateSiteAsync("3504000044", "另一县自然资源局", SiteType.Department, "zrzyj.other.test.gov.cn");
            Clock.SetChina(2026, 4, 1);
            Land = await PublishAsync(Department.Id, "政策文件", new ItemInput
            {
                Title = "测试公开县耕地保护实施办法", Body = "<p>为落实耕地占补平衡制度，规范补充耕地项目验收，制定本办法。</p>",
                Issuer = "测试公开县自然资源局", DocNumber = "测自然资〔2026〕15号", WrittenDate = new DateOnly(2026, 3, 25),
                SubjectClass = "城乡建设、环境保护", GenreClass = "办法", Disclosure = DisclosureMode.Proactive,
            });
            // The same words, never in the catalogue: 依申请公开.
            LandOnRequest = await PublishAsync(Department.Id, "通知公告", new ItemInput
            {
                Title = "测试公开县耕地保护检查情况", Body = "<p>耕地占补平衡检查的内部情况。</p>", Disclosure = DisclosureMode.OnRequest,
            });
            Clock.SetChina(2026, 4, 2);
            LandOtherDepartment = await PublishAsync(OtherDepartment.Id, "政策文件", new ItemInput
            {
                Title = "学校用地耕地保护工作的通知", Body = "<p>学校建设涉及耕地占补平衡的，按本通知办理。</p>", GenreClass = "通知",
                SubjectClass = "科技、教育", Disclosure = DisclosureMode.Proactive,
            });
            // Cites the 办法 by year and number in its text only: neither its fields nor its title say it.
            LandCited = await PublishAsync(OtherDepartment.Id, "政策文件", new ItemInput
            {
                Title = "测试公开县补充耕地验收工作提醒", Body = "<p>各学校用地项目请按照〔2026〕15号文件做好补充耕地验收。</p>", GenreClass = "通知",
                SubjectClass = "科技、教育", Disclosure = DisclosureMode.Proactive,
            });
            // Another county's site: never in this portal's catalogue.
            LandElsewhere = await PublishAsync(Elsewhere.Id, "政策文件", new ItemInput
            {
                Title = "另一县耕地保护实施办法", Body = "<p>耕地占补平衡。</p>", DocNumber = "测自然资〔2026〕16号", GenreClass = "办法",
                Disclosure = DisclosureMode.Proactive,
            });
            Clock.SetChina(2026, 4, 3);
            LandLater = await PublishAsync(Department.Id, "政策文件", new ItemInput
            {
                Title = "测试公开县耕地保护目标考核通知", Body = "<p>考核耕地保护目标。</p>", GenreClass = "通知",
                SubjectClass = "城乡建设、环境保护", Disclosure = DisclosureMode.Proactive,
            });
        }
    }

    private async Task<JsonElement> SearchAsync(string code, string q, string more = "")
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/sites/{code}/disclosure/catalogue?q={Uri.EscapeDataString(q)}{more}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement body) => [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_title_word_finds_the_sites_proactive_entries_newest_first()
    {
        var department = await SearchAsync(DisclosureFactory.DepartmentCode, "耕地保护");
        Titles(department).ShouldBe(["测试公开县耕地保护目标考核通知", "测试公开县耕地保护实施办法"]);
        department.GetProperty("total").GetInt32().ShouldBe(2);
        department.GetProperty("totalIsExact").GetBoolean().ShouldBeTrue();
        // The portal's catalogue holds its departments' entries, never another county's.
        var portal = await SearchAsync(DisclosureFactory.PortalCode, "耕地保护");
        Titles(portal).ShouldBe(["测试公开县耕地保护目标考核通知", "学校用地耕地保护工作的通知", "测试公开县耕地保护实施办法"]);
        Titles(await SearchAsync("3504000044", "耕地保护")).ShouldBe(["另一县耕地保护实施办法"]);
    }

    [Fact]
    public async Task A_body_word_finds_what_the_title_does_not_say()
    {
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "占补平衡")).ShouldBe(["学校用地耕地保护工作的通知", "测试公开县耕地保护实施办法"]);
        Titles(await SearchAsync(DisclosureFactory.DepartmentCode, "补充耕地项目验收")).ShouldBe(["测试公开县耕地保护实施办法"]);
    }

    [Theory]
    [InlineData("测自然资〔2026〕15号")]
    [InlineData("测自然资[2026]15号")]
    [InlineData("测自然资2026年15号")]
    [InlineData("測自然資（2026）第15號")]
    [InlineData("自然资〔2026〕15号")]
    public async Task A_doc_number_finds_its_entry_in_every_spelling(string docNumber)
    {
        var body = await SearchAsync(DisclosureFactory.PortalCode, docNumber);
        Titles(body).ShouldBe(["测试公开县耕地保护实施办法"]);
        body.GetProperty("items")[0].GetProperty("docNumber").GetString().ShouldBe("测自然资〔2026〕15号");
    }

    [Fact]
    public async Task An_index_number_finds_its_entry_and_a_fragment_of_one_is_looked_for_as_written()
    {
        var listed = await SearchAsync(DisclosureFactory.DepartmentCode, "耕地保护实施办法");
        var indexNumber = listed.GetProperty("items")[0].GetProperty("indexNumber").GetString()!;
        Titles(await SearchAsync(DisclosureFactory.DepartmentCode, indexNumber)).ShouldBe(["测试公开县耕地保护实施办法"]);
        Titles(await SearchAsync(DisclosureFactory.PortalCode, " " + indexNumber.ToLowerInvariant() + " ")).ShouldBe(["测试公开县耕地保护实施办法"]);
        // Its year and serial (2026-00012) are no key of the index; the field as written holds them.
        var fragment = indexNumber[(indexNumber.LastIndexOf('/') + 1)..];
        Titles(await SearchAsync(DisclosureFactory.DepartmentCode, fragment)).ShouldContain("测试公开县耕地保护实施办法");
    }

    [Theory]
    [InlineData("〔2026〕15号")]
    [InlineData("2026年15号")]
    [InlineData("[2026]第15號")]
    [InlineData(" （２０２６）１５号 ")]
    public async Task A_doc_number_without_its_issuer_finds_the_entries_whose_doc_number_or_text_holds_it(string typed)
    {
        // The second entry says 〔2026〕15号 only in its text, which the fields as written never hold: found through the index.
        // The entry whose own 文号 it is comes first, though the other is newer.
        var portal = await SearchAsync(DisclosureFactory.PortalCode, typed);
        Titles(portal).ShouldBe(["测试公开县耕地保护实施办法", "测试公开县补充耕地验收工作提醒"]);
        portal.GetProperty("total").GetInt32().ShouldBe(2);
        Titles(await SearchAsync(DisclosureFactory.DepartmentCode, typed)).ShouldBe(["测试公开县耕地保护实施办法"]);
        Titles(await SearchAsync(DisclosureFactory.PortalCode, typed, "&genre=" + Uri.EscapeDataString("通知"))).ShouldBe(["测试公开县补充耕地验收工作提醒"]);
        // Another county's 〔2026〕16号 and a year or number apart are not it.
        Titles(await SearchAsync("3504000044", typed)).ShouldBeEmpty();
        Titles(await SearchAsync(DisclosureFactory.PortalCode, typed.Replace("15", "16", StringComparison.Ordinal)
            .Replace("１５", "１６", StringComparison.Ordinal))).ShouldBeEmpty();
        Titles(await SearchAsync(DisclosureFactory.PortalCode, typed.Replace("2026", "2025", StringComparison.Ordinal)
            .Replace("２０２６", "２０２５", StringComparison.Ordinal))).ShouldBeEmpty();
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "〔2026〕1号")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_search_page_and_api_find_a_doc_number_without_its_issuer_in_fields_and_texts()
    {
        using var client = app.CreateClient();
        foreach (var typed in new[] { "〔2026〕15号", "2026年第15号" })
        {
            var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(typed)}&site={DisclosureFactory.DepartmentCode}");
            api.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ShouldBe(["测试公开县耕地保护实施办法"]);
            // Across every site: the 文号 field and the text that cites it, still not another county's 〔2026〕16号.
            var everywhere = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(typed)}");
            everywhere.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!)
                .ShouldBe(["测试公开县耕地保护实施办法", "测试公开县补充耕地验收工作提醒"], ignoreOrder: true);
            var html = await client.GetStringAsync($"/search?q={Uri.EscapeDataString(typed)}");
            html.ShouldContain("测试公开县耕地保护实施办法");
            html.ShouldContain("测试公开县补充耕地验收工作提醒");
            html.ShouldNotContain("另一县耕地保护实施办法");
        }
    }

    [Fact]
    public async Task Entries_not_proactive_never_appear_whatever_matches()
    {
        foreach (var q in new[] { "耕地保护检查情况", "耕地保护", "占补平衡", "内部情况" })
        {
            foreach (var code in new[] { DisclosureFactory.DepartmentCode, DisclosureFactory.PortalCode })
            {
                var body = await SearchAsync(code, q);
                Titles(body).ShouldNotContain("测试公开县耕地保护检查情况");
                body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()!)
                    .ShouldAllBe(u => !u.EndsWith($"/{app.LandOnRequest}", StringComparison.Ordinal));
            }
        }
        // The site search still finds it: it is published, only not in the catalogue.
        using var client = app.CreateClient();
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString("耕地保护检查情况")}&site={DisclosureFactory.DepartmentCode}");
        search.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Another_sites_entries_never_appear()
    {
        foreach (var q in new[] { "另一县耕地保护实施办法", "测自然资〔2026〕16号", "耕地占补平衡" })
        {
            Titles(await SearchAsync(DisclosureFactory.PortalCode, q)).ShouldNotContain("另一县耕地保护实施办法");
            Titles(await SearchAsync(DisclosureFactory.DepartmentCode, q)).ShouldNotContain("另一县耕地保护实施办法");
        }
        Titles(await SearchAsync(DisclosureFactory.DepartmentCode, "学校用地耕地保护")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_catalogues_filters_narrow_a_search()
    {
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "耕地保护", "&genre=" + Uri.EscapeDataString("通知")))
            .ShouldBe(["测试公开县耕地保护目标考核通知", "学校用地耕地保护工作的通知"]);
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "耕地保护", "&subject=" + Uri.EscapeDataString("科技、教育")))
            .ShouldBe(["学校用地耕地保护工作的通知"]);
        // An entry naming no 发文机关 is its site's host unit's.
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "耕地保护", "&organ=" + Uri.EscapeDataString("测试公开县自然资源局办公室")))
            .ShouldBe(["测试公开县耕地保护目标考核通知"]);
        Titles(await SearchAsync(DisclosureFactory.PortalCode, "耕地保护", "&organ=" + Uri.EscapeDataString("测试公开县自然资源局")))
            .ShouldBe(["测试公开县耕地保护实施办法"]);
        var none = await SearchAsync(DisclosureFactory.PortalCode, "宇宙飞船");
        Titles(none).ShouldBeEmpty();
        none.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_search_pages_and_exports_what_it_lists()
    {
        app.Clock.SetChina(2026, 5, 1);
        for (var i = 1; i <= 22; i++)
        {
            await app.PublishAsync(app.OtherDepartment.Id, "政策文件", new ItemInput
            {
                Title = $"测试公开县校舍安全排查第{i}期通报", Body = "<p>校舍安全排查情况。</p>", GenreClass = "通知", Disclosure = DisclosureMode.Proactive,
            });
        }
        var first = await SearchAsync(DisclosureFactory.PortalCode, "校舍安全排查");
        first.GetProperty("total").GetInt32().ShouldBe(22);
        first.GetProperty("pageCount").GetInt32().ShouldBe(2);
        Titles(first).Count.ShouldBe(20);
        var second = await SearchAsync(DisclosureFactory.PortalCode, "校舍安全排查", "&page=2");
        Titles(second).Count.ShouldBe(2);
        Titles(first).Concat(Titles(second)).Distinct().Count().ShouldBe(22);
        using var client = app.CreateClient();
        var csv = await client.GetStringAsync($"/api/v1/sites/{DisclosureFactory.PortalCode}/disclosure/catalogue.csv?q={Uri.EscapeDataString("耕地保护")}");
        csv.ShouldContain("测试公开县耕地保护实施办法");
        csv.ShouldContain("学校用地耕地保护工作的通知");
        csv.ShouldNotContain("校舍安全排查");
        csv.ShouldNotContain("测试公开县耕地保护检查情况");
    }

    [Fact]
    public async Task The_catalogue_page_searches_through_the_index()
    {
        using var client = app.ClientForHost("www.gk.test.gov.cn");
        var html = await client.GetStringAsync("/disclosure/catalogue?q=" + Uri.EscapeDataString("測自然資（2026）第15號"));
        html.ShouldContain("测试公开县耕地保护实施办法");
        html.ShouldNotContain("测试公开县耕地保护目标考核通知");
        html.ShouldContain("共 1 条");
    }
}
