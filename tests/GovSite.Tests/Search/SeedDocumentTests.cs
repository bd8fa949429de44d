using System.Globalization;
using System.Net;
using System.Text.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Search;
using GovSite.Tests.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>
/// The five policy texts of the seed corpus (nobody here wrote them), imported with `govsite
/// import` into a site of the demo region, with a few articles around them: the State Council
/// opinion itself with its 文号 in the field, school enrolment notices, a notice whose 文号 is
/// only in its attachment's name.
/// </summary>
public class SeedDocumentsFixture : SearchFixture
{
    public const string Code = "4407000016";
    public const string Seeds = "/work/shared/corpus/seeds";

    /// <summary>Titles as the documents name themselves (the Jiangmen notice carries its 文号 on its first line).</summary>
    public static readonly (string File, string Title, string? DocNumber, string Date)[] Documents =
    [
        ("000_ab7f5f3a2d0598d6.txt", "切實加強內容建設 努力辦好政府網站", null, "2014-12-01"),
        ("001_cc3886c8615626b1.txt", "江门市人民政府办公室转发广东省人民政府办公厅转发国务院办公厅关于加强政府网站信息内容建设意见的通知", "江府办〔2015〕3号", "2015-01-20"),
        ("002_93f3ccfac91bc313.txt", "政府网站问责制度及形式_政府网站年度报表发布工作要求", null, "2018-01-25"),
        ("003_fc381b1d835b1495.txt", "加强政府网站能力建设 提高网站质量和水平", null, "2011-04-02"),
        ("004_eb3459fe1ba93e74.txt", "《關於貫徹落實〈政府網站發展指引〉的實施意見》解讀", null, "2017-12-29"),
    ];

    public int SiteId { get; private set; }
    public Dictionary<string, int> Ids { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var site = await CreateSiteAsync(Code, "江门市人民政府", GovSite.Sites.SiteType.Portal);
        SiteId = site.Id;
        var policy = await ColumnIdAsync(site.Id, "政策文件");
        var lines = Documents.Select(d => JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["title"] = d.Title,
            ["body"] = File.ReadAllText(Path.Combine(Seeds, d.File)),
            ["publishDate"] = d.Date,
            ["docNumber"] = d.DocNumber,
        })).ToList();
        lines.Add(JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["title"] = "国务院办公厅关于加强政府网站信息内容建设的意见",
            ["body"] = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：政府网站是信息化条件下政府密切联系人民群众的重要桥梁。经国务院同意，现就加强政府网站信息内容建设提出以下意见。",
            ["publishDate"] = "2014-12-01",
            ["docNumber"] = "国办发〔2014〕57号",
            ["issuer"] = "国务院办公厅",
        }));
        var file = Path.Combine(Database.DataDirectory, "seeds.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        var run = await GovSiteCli.RunAsync(Database, "import", file, "--site", Code, "--column", policy.ToString(CultureInfo.InvariantCulture));
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain($"已导入 {lines.Count} 篇");

        var news = await ColumnIdAsync(site.Id, "要闻动态");
        await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            foreach (var (title, body) in new[]
            {
                ("2026年秋季小学一年级新生入学报名公告", "适龄儿童入学报名实行网上登记，家长持户口簿和居住证明在规定时间内完成入学登记。"),
                ("江门市义务教育阶段学校招生入学工作方案", "做好义务教育招生入学工作，保障适龄儿童少年依法接受义务教育。"),
                ("关注留守孩子成长 江门开展关爱行动", "各镇街组织志愿者走访留守孩子家庭，为孩子送去学习用品。"),
            })
            {
                (await articles.SaveAsync(site.Id, null, new ArticleInput { Publish = true, ColumnId = news, Title = title, Body = $"<p>{body}</p>" })).Succeeded.ShouldBeTrue();
            }

            // A notice whose 文号 is written only in its attachment's name.
            var notice = (await articles.SaveAsync(site.Id, null, new ArticleInput
            {
                Publish = true, ColumnId = news, Title = "关于转发政府网站年度报表工作要求的通知", Body = "<p>现将有关文件转发给你们，请认真贯彻执行。</p>",
            })).Value!;
            var upload = await sp.GetRequiredService<FileService>().UploadAsync(site.Id, "国办函〔2018〕12号.pdf", new MemoryStream(FileSamples.Pdf()));
            upload.Succeeded.ShouldBeTrue();
            var db = sp.GetRequiredService<GovSiteDb>();
            var item = await db.LibraryItems.IgnoreQueryFilters().FirstAsync(i => i.Id == notice.ItemId);
            item.Attachments = $"[{upload.Value!.Id}]";
            await db.SaveChangesAsync();
            await sp.GetRequiredService<SearchIndexer>().ArticleChangedAsync(notice, default);
            return 0;
        });
        var saved = await AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.IgnoreQueryFilters()
            .Where(a => a.SiteId == site.Id).Select(a => new { a.Id, a.Title }).ToListAsync());
        foreach (var a in saved)
        {
            Ids[a.Title] = a.Id;
        }
    }

    public int Id(int document) => Ids[Documents[document].Title];
}

public class SeedDocumentTests(SeedDocumentsFixture app) : IClassFixture<SeedDocumentsFixture>
{
    private const string Opinion = "国务院办公厅关于加强政府网站信息内容建设的意见";

    private async Task<JsonElement> SearchAsync(string q, bool site = true)
    {
        using var client = app.CreateClient();
        var url = $"/api/v1/search?q={Uri.EscapeDataString(q)}" + (site ? $"&site={SeedDocumentsFixture.Code}" : "");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<int> Ids(JsonElement body) =>
        [.. body.GetProperty("results").EnumerateArray().Select(r => int.Parse(r.GetProperty("url").GetString()!.Split('/')[^1], CultureInfo.InvariantCulture))];

    private static List<string> Suggestions(JsonElement body) =>
        [.. body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!)];

    [Theory]
    [InlineData("国办发〔2014〕57号")]
    [InlineData("国办发[2014]57号")]
    [InlineData("国办发2014年57号")]
    [InlineData("國辦發（2014）第57號")]
    public async Task A_document_number_quoted_in_a_body_is_found_after_the_document_that_carries_it(string q)
    {
        var body = await SearchAsync(q);
        var ids = Ids(body);
        // The opinion itself (its 文号 field) first, then the Jiangmen notice that quotes it four times.
        ids[0].ShouldBe(app.Ids[Opinion]);
        ids.ShouldContain(app.Id(1));
        ids.IndexOf(app.Id(1)).ShouldBe(1);
    }

    [Fact]
    public async Task A_document_number_in_an_attachments_name_is_found()
    {
        var body = await SearchAsync("国办函〔2018〕12号");
        var ids = Ids(body);
        ids.ShouldContain(app.Ids["关于转发政府网站年度报表工作要求的通知"]);
        // The news piece on 12号文 names it in its text too.
        ids.ShouldContain(app.Id(2));
        body.GetProperty("results").EnumerateArray().First(r => r.GetProperty("title").GetString() == "关于转发政府网站年度报表工作要求的通知")
            .GetProperty("snippet").GetString()!.ShouldContain("<mark>国办函〔2018〕12号</mark>");
    }

    [Fact]
    public async Task A_document_number_nobody_carries_falls_back_to_its_characters_and_numbers()
    {
        // 粤府办〔2014〕73号 is quoted in the Jiangmen notice; 国办发〔2014〕73号 exists nowhere, but its
        // characters and numbers stand in that notice: a 文号 never answers 0 when bigrams would find something.
        Ids(await SearchAsync("粤府办〔2014〕73号"))[0].ShouldBe(app.Id(1));
        var loose = await SearchAsync("国办发〔2014〕73号");
        Ids(loose).ShouldContain(app.Id(1));
        using var client = app.CreateClient();
        (await client.GetStringAsync($"/sites/{SeedDocumentsFixture.Code}/search?q={Uri.EscapeDataString("国办发〔2014〕73号")}"))
            .ShouldContain("没有找到文号为“国办发〔2014〕73号”的文件");
    }

    [Fact]
    public async Task A_speakers_name_in_a_body_is_reached_by_its_full_pinyin()
    {
        var body = await SearchAsync("hanyongwen");
        Ids(body)[0].ShouldBe(app.Id(3));
        Suggestions(body).ShouldContain("韩永文");
        body.GetProperty("results")[0].GetProperty("snippet").GetString()!.ShouldContain("<mark>韩永文</mark>");
    }

    [Fact]
    public async Task Pinyin_reaches_a_traditional_script_body_that_repeats_the_word()
    {
        var ids = Ids(await SearchAsync("jiyuehua"));
        ids[0].ShouldBe(app.Id(4));
    }

    [Fact]
    public async Task A_document_that_is_about_the_word_outranks_those_that_mention_it_once()
    {
        // The Beijing opinion says 集約化 twenty-five times in traditional script; the others once or twice.
        var ids = Ids(await SearchAsync("集约化"));
        ids[0].ShouldBe(app.Id(4));
        ids.IndexOf(app.Id(3)).ShouldBeGreaterThan(0);

        // Across the whole platform it also beats every document that mentions the word once.
        var all = await SearchAsync("集约化", site: false);
        var top = Ids(all);
        var once = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchDocuments.AsNoTracking().ToListAsync());
        var mentionedOnce = once.Where(d => Count(d.Title + d.Text, "集约化") == 1).Select(d => d.Id).ToHashSet();
        mentionedOnce.ShouldNotBeEmpty();
        var beijing = top.IndexOf(app.Id(4));
        beijing.ShouldBeGreaterThanOrEqualTo(0);
        top.Take(beijing).ShouldAllBe(id => !mentionedOnce.Contains(id));
    }

    private static int Count(string text, string word)
    {
        var folded = ChineseText.Fold(text);
        var n = 0;
        for (var i = folded.IndexOf(word, StringComparison.Ordinal); i >= 0; i = folded.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    [Fact]
    public async Task An_everyday_phrase_is_answered_by_its_words_and_their_official_terms()
    {
        var body = await SearchAsync("交社保", site: false);
        body.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        Suggestions(body).ShouldContain("社保");
        var titles = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).Take(5).ToList();
        titles.ShouldContain(t => t.Contains("社会保险") || t.Contains("社保"));
    }

    [Fact]
    public async Task A_question_about_a_childs_schooling_finds_enrolment()
    {
        var body = await SearchAsync("孩子上学要办什么");
        var titles = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ToList();
        titles.Take(2).ShouldAllBe(t => t.Contains("入学"), string.Join(" | ", titles));
        Suggestions(body).ShouldContain("入学");
    }

    [Fact]
    public async Task A_homophone_typed_by_mistake_finds_the_name_and_says_so()
    {
        var body = await SearchAsync("韩永闻");
        Ids(body)[0].ShouldBe(app.Id(3));
        Suggestions(body).ShouldContain("韩永文");
        using var client = app.CreateClient();
        var page = await client.GetStringAsync($"/sites/{SeedDocumentsFixture.Code}/search?q={Uri.EscapeDataString("韩永闻")}");
        page.ShouldContain("读音相同的“韩永文”");
    }

    [Fact]
    public async Task The_seed_documents_are_found_by_what_they_are_about()
    {
        (await SearchAsync("王仲伟")).GetProperty("results")[0].GetProperty("url").GetString()!.ShouldEndWith($"/{app.Id(0)}");
        Ids(await SearchAsync("年度报表 问责")).ShouldContain(app.Id(2));
        Ids(await SearchAsync("政府網站發展指引")).First().ShouldBe(app.Id(4));
        Ids(await SearchAsync("江府办〔2015〕3号")).First().ShouldBe(app.Id(1));
    }
}
