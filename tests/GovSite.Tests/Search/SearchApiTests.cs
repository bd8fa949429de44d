using System.Net;
using System.Text.Json;
using GovSite.Data;
using GovSite.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

public class SearchApiTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private async Task<JsonElement> GetAsync(string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Q(string q) => Uri.EscapeDataString(q);

    [Fact]
    public async Task The_api_answers_in_exactly_the_agreed_shape()
    {
        var body = await GetAsync($"/api/v1/search?q={Q("社会保险")}&site={DemoRegion.HumanResourcesCode}&page=1");
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["total", "results", "suggestions", "answer"]);
        body.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        var first = body.GetProperty("results")[0];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(["title", "url", "snippet", "siteCode", "columnType", "publishDate", "score"]);
        first.GetProperty("siteCode").GetString().ShouldBe(DemoRegion.HumanResourcesCode);
        first.GetProperty("url").GetString().ShouldStartWith($"/sites/{DemoRegion.HumanResourcesCode}/articles/");
        first.GetProperty("snippet").GetString()!.ShouldContain("<mark>");
        first.GetProperty("publishDate").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        body.GetProperty("answer").GetProperty("title").GetString().ShouldBe("社会保险查询与参保");
    }

    [Fact]
    public async Task Without_a_site_the_whole_platform_is_searched_and_with_one_only_that_site()
    {
        var all = await GetAsync($"/api/v1/search?q={Q("政府信息公开")}");
        var sites = all.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("siteCode").GetString()).Distinct().ToList();
        sites.Count.ShouldBeGreaterThan(1);
        var one = await GetAsync($"/api/v1/search?q={Q("政府信息公开")}&site={DemoRegion.EducationCode}");
        one.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("siteCode").GetString() == DemoRegion.EducationCode);
        one.GetProperty("total").GetInt32().ShouldBeLessThan(all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_site_code_is_not_found()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/api/v1/search?q=abc&site=0000000000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_date_order_is_newest_first()
    {
        var page1 = await GetAsync($"/api/v1/search?q={Q("江川省")}&page=1&sort=date");
        var page2 = await GetAsync($"/api/v1/search?q={Q("江川省")}&page=2&sort=date");
        var urls1 = page1.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()).ToList();
        var urls2 = page2.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()).ToList();
        urls1.Count.ShouldBe(10);
        urls1.Intersect(urls2).ShouldBeEmpty();
        var dates = urls1.Count == 0 ? [] : page1.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("publishDate").GetString()).ToList();
        dates.ShouldBe(dates.OrderByDescending(d => d, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Filters_narrow_by_column_type_year_issuer_subject_and_validity()
    {
        var policies = await GetAsync($"/api/v1/search?q={Q("江川省")}&type=policy");
        policies.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("columnType").GetString() == "policy");
        policies.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        var facts = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchDocuments
            .Where(d => d.Issuer != null && d.SubjectCategory != null && d.Validity != null).FirstAsync());
        var url = $"/api/v1/search?q={Q("江川省")}&year={facts.Year}&issuer={Q(facts.Issuer!)}&subject={Q(facts.SubjectCategory!)}&validity={facts.Validity}";
        var filtered = await GetAsync(url);
        filtered.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        var ids = filtered.GetProperty("results").EnumerateArray().Select(r => int.Parse(r.GetProperty("url").GetString()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var matching = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchDocuments.Where(d => ids.Contains(d.Id)).ToListAsync());
        matching.ShouldAllBe(d => d.Year == facts.Year && d.Issuer == facts.Issuer && d.SubjectCategory == facts.SubjectCategory && d.Validity == facts.Validity);
        var other = await GetAsync($"/api/v1/search?q={Q("江川省")}&year=1999");
        other.GetProperty("total").GetInt32().ShouldBe(0);
    }

    public static TheoryData<string> BadQueries => new()
    {
        "",
        "   ",
        "\"",
        "\"\"\"社保",
        "社保 AND",
        "AND OR NOT",
        "*",
        "社*",
        "NEAR(社保 医保, 2)",
        "title:社保",
        "'; DROP TABLE \"SearchDocuments\"; --",
        "1' OR '1'='1",
        "^社保 -医保 +就业 ~教育",
        "{社保} [医保] (就业)",
        "%_\\",
        "\u0000\u0001",
        new string('社', 5000),
        string.Concat(Enumerable.Repeat("社保 AND ", 500)),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_answered_safely_without_engine_errors(string query)
    {
        using var client = app.CreateClient();
        var api = await client.GetAsync($"/api/v1/search?q={Q(query)}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await api.Content.ReadAsStringAsync();
        text.ShouldNotContain("fts5", Case.Insensitive);
        text.ShouldNotContain("syntax", Case.Insensitive);
        var page = await client.GetAsync($"/sites/{DemoRegion.ProvincialPortalCode}/search?q={Q(query)}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var suggest = await client.GetAsync($"/api/v1/search/suggest?q={Q(query)}");
        suggest.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pinyin_input_gets_a_did_you_mean_in_chinese()
    {
        var body = await GetAsync("/api/v1/search?q=shebao");
        body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldContain("社保");
        body.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_misspelt_query_is_answered_by_the_word_that_sounds_the_same()
    {
        // 社会保线 is nowhere; read by its pinyin it is 社会保险, which is.
        var body = await GetAsync($"/api/v1/search?q={Q("社会保线")}");
        body.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldContain("社会保险");
        body.GetProperty("results")[0].GetProperty("title").GetString()!.ShouldContain("社会保险");
    }

    [Fact]
    public async Task A_misspelt_query_that_nothing_sounds_like_suggests_the_known_word()
    {
        // 公积全 reads gong ji quan: no document has it whole or by sound; the known word one
        // character away is offered, whatever its parts found.
        var body = await GetAsync($"/api/v1/search?q={Q("公积全")}");
        body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldContain("公积金");
    }

    [Fact]
    public async Task An_everyday_query_brings_up_its_answer_card_first()
    {
        var body = await GetAsync($"/api/v1/search?q={Q("身份证丢了怎么办")}");
        body.GetProperty("answer").GetProperty("title").GetString().ShouldBe("居民身份证补领");
        var none = await GetAsync($"/api/v1/search?q={Q("黄桃")}");
        none.GetProperty("answer").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Suggestions_while_typing_come_from_titles_known_words_and_pinyin()
    {
        // A query one visitor typed is not offered to others (热门搜索 entries are, HotSearchTests).
        await GetAsync($"/api/v1/search?q={Q("义务教育优质均衡")}&site={DemoRegion.EducationCode}");
        var typed = await GetAsync($"/api/v1/search/suggest?q={Q("义务")}&site={DemoRegion.EducationCode}");
        var list = typed.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToList();
        list.ShouldNotContain("义务教育优质均衡");
        list.ShouldContain("义务教育");
        list.ShouldContain(s => s.Contains("义务教育") && s.Length > 10);
        var pinyin = await GetAsync("/api/v1/search/suggest?q=gongjijin");
        pinyin.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldContain("公积金");
    }

    [Fact]
    public async Task Queries_are_logged_per_site_with_what_they_found_but_one_visitor_makes_nothing_hot()
    {
        await GetAsync($"/api/v1/search?q={Q("无人机驾驶培训")}&site={DemoRegion.CountyPortalCode}");
        for (var i = 0; i < 3; i++)
        {
            await GetAsync($"/api/v1/search?q={Q("黄桃")}&site={DemoRegion.CountyPortalCode}");
        }
        var county = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Sites.FirstAsync(s => s.Code == DemoRegion.CountyPortalCode));
        var log = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchLog.Where(l => l.SiteId == county.Id).ToListAsync());
        log.ShouldContain(l => l.Query == "无人机驾驶培训" && l.Results == 0);
        log.ShouldContain(l => l.Query == "黄桃" && l.Searches == 3 && l.Results > 0);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{DemoRegion.CountyPortalCode}/search");
        // 热门搜索 counts distinct visitors (HotSearchTests): one client searching three times is one.
        html.ShouldNotContain(">黄桃</a>");
        html.ShouldNotContain(">无人机驾驶培训</a>");
    }

    [Fact]
    public async Task The_site_search_page_shows_highlighted_results_and_every_site_has_a_search_box()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/sites/{DemoRegion.EducationCode}/search?q={Q("義務教育")}");
        html.ShouldContain("<mark>义务教育</mark>");
        html.ShouldContain("role=\"status\"");
        var home = await client.GetStringAsync($"/sites/{DemoRegion.CountyPortalCode}/");
        home.ShouldContain($"action=\"/sites/{DemoRegion.CountyPortalCode}/search\"");
        var platform = await client.GetStringAsync($"/search?q={Q("教育")}&site={DemoRegion.EducationCode}");
        platform.ShouldContain("全平台搜索");
        platform.ShouldContain("<mark>教育</mark>");
        (await client.GetStringAsync("/")).ShouldContain("action=\"/search\"");
    }
}
