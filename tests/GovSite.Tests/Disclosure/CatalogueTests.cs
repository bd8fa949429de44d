using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>政府信息公开目录: only 主动公开 items, with their metadata, browsable, searchable and exported, on a department and on its portal.</summary>
public class CatalogueTests(CatalogueTests.Fixture app) : IClassFixture<CatalogueTests.Fixture>
{
    public class Fixture : DisclosureFactory
    {
        public int Proactive { get; private set; }
        public int OnRequest { get; private set; }
        public int Refused { get; private set; }
        public int OtherDepartments { get; private set; }
        public int Portals { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Clock.SetChina(2026, 3, 10);
            Proactive = await PublishAsync(Department.Id, "政策文件", new ItemInput
            {
                Title = "关于做好2026年度建设用地供应工作的通知", Body = "<p>各乡镇人民政府：现就做好建设用地供应工作通知如下。</p>",
                Issuer = "测试公开县自然资源局", DocNumber = "测自然资〔2026〕3号", WrittenDate = new DateOnly(2026, 3, 2),
                SubjectClass = "城乡建设、环境保护", GenreClass = "通知", Disclosure = DisclosureMode.Proactive,
            });
            OnRequest = await PublishAsync(Department.Id, "通知公告", new ItemInput
            {
                Title = "某宗地土地出让合同履约情况", Body = "<p>履约情况说明。</p>", Disclosure = DisclosureMode.OnRequest,
            });
            Refused = await PublishAsync(Department.Id, "通知公告", new ItemInput
            {
                Title = "内部会议纪要（不予公开）", Body = "<p>会议纪要。</p>", Disclosure = DisclosureMode.NotDisclosed, DisclosureReason = "属于内部事务信息",
            });
            OtherDepartments = await PublishAsync(OtherDepartment.Id, "政策文件", new ItemInput
            {
                Title = "测试公开县中小学学位管理办法", Body = "<p>为规范学位管理，制定本办法。</p>", GenreClass = "规范性文件",
                WrittenDate = new DateOnly(2026, 2, 20), SubjectClass = "科技、教育", Disclosure = DisclosureMode.Proactive,
            });
            Portals = await PublishAsync(Portal.Id, "通知公告", new ItemInput
            {
                Title = "测试公开县人民政府关于春季防火的通告", Body = "<p>现就春季森林防火有关事项通告如下。</p>", GenreClass = "公告",
                Issuer = "测试公开县人民政府", Disclosure = DisclosureMode.Proactive,
            });
        }

        public Task<int> PublishAsync(int siteId, string column, ItemInput input) => AsSystemAsync(async sp =>
        {
            input.ColumnId = await ColumnIdAsync(siteId, column);
            var created = await sp.GetRequiredService<LibraryService>().CreateAsync(siteId, input);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.All.SelectMany(e => e.Value)));
            var published = await sp.GetRequiredService<Workflow>().PublishAsync(created.Value!.Id, null);
            published.Errors.IsValid.ShouldBeTrue(string.Join("; ", published.Errors.All.SelectMany(e => e.Value)));
            return created.Value.Id;
        });
    }

    private async Task<JsonElement> CatalogueAsync(string code, string query = "")
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/sites/{code}/disclosure/catalogue{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement body) => [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task Only_proactive_items_are_listed_with_their_metadata()
    {
        var body = await CatalogueAsync(DisclosureFactory.DepartmentCode);
        Titles(body).ShouldBe(["关于做好2026年度建设用地供应工作的通知"]);
        body.GetProperty("total").GetInt32().ShouldBe(1);
        var item = body.GetProperty("items")[0];
        item.GetProperty("indexNumber").GetString()!.ShouldStartWith($"{DisclosureFactory.DepartmentCode}/2026-");
        item.GetProperty("organ").GetString().ShouldBe("测试公开县自然资源局");
        item.GetProperty("docNumber").GetString().ShouldBe("测自然资〔2026〕3号");
        item.GetProperty("writtenOn").GetString().ShouldBe("2026-03-02");
        item.GetProperty("publishedOn").GetString().ShouldBe("2026-03-10");
        item.GetProperty("subject").GetString().ShouldBe("城乡建设、环境保护");
        item.GetProperty("genre").GetString().ShouldBe("通知");
        item.GetProperty("validity").GetString().ShouldBe("有效");
        item.GetProperty("url").GetString()!.ShouldStartWith("https://zrzyj.gk.test.gov.cn/articles/");
    }

    [Fact]
    public async Task A_portal_lists_its_departments_and_is_browsable_by_subject_genre_organ_and_searchable()
    {
        var all = await CatalogueAsync(DisclosureFactory.PortalCode);
        Titles(all).ShouldBe(["测试公开县人民政府关于春季防火的通告", "测试公开县中小学学位管理办法", "关于做好2026年度建设用地供应工作的通知"], ignoreOrder: true);
        Titles(await CatalogueAsync(DisclosureFactory.PortalCode, "?genre=" + Uri.EscapeDataString("规范性文件"))).ShouldBe(["测试公开县中小学学位管理办法"]);
        Titles(await CatalogueAsync(DisclosureFactory.PortalCode, "?subject=" + Uri.EscapeDataString("城乡建设、环境保护"))).ShouldBe(["关于做好2026年度建设用地供应工作的通知"]);
        // An item naming no 发文机关 is its site's host unit's.
        var organ = await CatalogueAsync(DisclosureFactory.PortalCode, "?organ=" + Uri.EscapeDataString("测试公开县教育局办公室"));
        Titles(organ).ShouldBe(["测试公开县中小学学位管理办法"]);
        organ.GetProperty("total").GetInt32().ShouldBe(1);
        var search = await CatalogueAsync(DisclosureFactory.PortalCode, "?q=" + Uri.EscapeDataString("测自然资〔2026〕3号"));
        Titles(search).ShouldBe(["关于做好2026年度建设用地供应工作的通知"]);
        Titles(await CatalogueAsync(DisclosureFactory.PortalCode, "?genre=" + Uri.EscapeDataString("通知") + "&subject=" + Uri.EscapeDataString("科技、教育"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_catalogue_exports_as_csv_and_as_an_xlsx_that_reads_back()
    {
        using var client = app.CreateClient();
        var csv = await client.GetByteArrayAsync($"/api/v1/sites/{DisclosureFactory.PortalCode}/disclosure/catalogue.csv");
        var text = Encoding.UTF8.GetString(csv);
        text.ShouldStartWith("\uFEFF索引号,名称,发文机关,文号,成文日期,发布日期,主题分类,体裁分类,有效性,网址");
        text.ShouldContain("测自然资〔2026〕3号");
        text.ShouldNotContain("内部会议纪要");
        var xlsx = Xlsx.Read(await client.GetByteArrayAsync($"/api/v1/sites/{DisclosureFactory.PortalCode}/disclosure/catalogue.xlsx"));
        var sheet = xlsx["政府信息公开目录"];
        sheet["A1"].ShouldBe("索引号");
        sheet["B1"].ShouldBe("名称");
        var rows = Enumerable.Range(2, 3).Select(r => sheet[$"B{r}"]).ToList();
        rows.ShouldContain("测试公开县中小学学位管理办法");
        sheet.ContainsKey("B5").ShouldBeFalse();
        var row = Enumerable.Range(2, 3).First(r => sheet[$"B{r}"] == "关于做好2026年度建设用地供应工作的通知");
        sheet[$"D{row}"].ShouldBe("测自然资〔2026〕3号");
        sheet[$"H{row}"].ShouldBe("通知");
    }

    [Fact]
    public async Task The_catalogue_page_lists_the_entries_and_follows_a_change_of_disclosure()
    {
        using var client = app.ClientForHost("www.gk.test.gov.cn");
        var html = await client.GetStringAsync("/disclosure/catalogue");
        html.ShouldContain("关于做好2026年度建设用地供应工作的通知");
        html.ShouldContain("测试公开县中小学学位管理办法");
        html.ShouldNotContain("某宗地土地出让合同履约情况");
        var id = await app.PublishAsync(app.Department.Id, "政策文件", new ItemInput
        {
            Title = "测试公开县耕地保护目标责任书", Body = "<p>耕地保护目标责任书全文。</p>", GenreClass = "规定", Disclosure = DisclosureMode.Proactive,
        });
        (await client.GetStringAsync("/disclosure/catalogue")).ShouldContain("测试公开县耕地保护目标责任书");
        // Marked 依申请公开 after all: it leaves the catalogue (and the cached page) at once.
        await app.AsSystemAsync(async sp =>
        {
            var library = sp.GetRequiredService<LibraryService>();
            var item = await sp.GetRequiredService<GovSite.Data.GovSiteDb>().LibraryItems.FindAsync(id);
            var input = ItemInput.From(item!);
            input.Disclosure = DisclosureMode.OnRequest;
            (await library.UpdateAsync(id, input)).Succeeded.ShouldBeTrue();
            return 0;
        });
        (await client.GetStringAsync("/disclosure/catalogue")).ShouldNotContain("测试公开县耕地保护目标责任书");
    }

    [Fact]
    public async Task Not_disclosed_needs_its_reason_and_an_update_without_the_field_keeps_the_items_choice()
    {
        var column = await app.ColumnIdAsync(app.Department.Id, "通知公告");
        var refused = await app.AsSystemAsync(sp => sp.GetRequiredService<LibraryService>().CreateAsync(app.Department.Id, new ItemInput
        {
            ColumnId = column, Title = "涉密事项", Body = "<p>正文。</p>", Disclosure = DisclosureMode.NotDisclosed,
        }));
        refused.Errors.ToDictionary()["DisclosureReason"][0].ShouldContain("不予公开的理由");
        var kept = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var input = ItemInput.From((await db.LibraryItems.FindAsync(app.Refused))!);
            input.Disclosure = null;
            input.DisclosureReason = null;
            input.Title = "内部会议纪要（不予公开，已改标题）";
            (await sp.GetRequiredService<LibraryService>().UpdateAsync(app.Refused, input)).Succeeded.ShouldBeTrue();
            return await db.LibraryItems.FindAsync(app.Refused);
        });
        kept!.Disclosure.ShouldBe(DisclosureMode.NotDisclosed);
        kept.DisclosureReason.ShouldBe("属于内部事务信息");
    }
}
