using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GovSite.Common;
using GovSite.Demo;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>Random and hostile queries: no exception, no engine syntax, no 500.</summary>
public partial class SearchFuzzTests(SearchFixture app) : IClassFixture<SearchFixture>
{
    private static readonly string[] Hostile =
    [
        "\"", "'", "''", "\"\"\"", "*", "^", "-", "+", "~", ":", "(", ")", "()", "{", "}", "[", "]", "\\", "/", "%", "_", "&", "|", "!", "@@", "<->",
        "AND", "OR", "NOT", "NEAR", "NEAR(", "and", "or", "not", "near", "title:", "body:", "{title body}:", "- ", "+ ", "NEAR(a b, 2)",
        "'; DROP TABLE \"SearchDocuments\"; --", "1' OR '1'='1", "' || pg_sleep(1) --", "$$", "$1", "\u0000", "\u0001", "\u001f", "\u007f",
        "\u200b", "\u200e", "\u202e", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "👍", "﷽", "ｓｈｅｂａｏ", "ＡＮＤ", "〔", "〕", "〔〕", "［", "（）",
        "国办发〔", "〔2014〕", "57号", "第57号", "国办发〔2014〕57号", "國辦發（2014）第57號", "国办发2014年57号", "11330000002482870P/2024-00012",
        "zpyshebao", "zpisb", "zwh国办发2014n57", "zf1政府", "zf9", "zsy123", "社保", "交社保", "孩子上学要办什么", "韩永闻", "hanyongwen", "jiyuehua",
        "的", "了", "吗", "在哪办", "怎么办", "哪", "么", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "%00", "%27", "&#x27;",
        "\t", "\n", "\r\n", " ", "　", "a", "ab", "xian", "zhuang", "sb", "gjj", "9", "2026", "2026年", "〇", "㐀", "𠀀", "鿿", "豈",
    ];

    private static string RandomQuery(Random random)
    {
        var sb = new StringBuilder();
        var parts = random.Next(1, 8);
        for (var p = 0; p < parts; p++)
        {
            switch (random.Next(6))
            {
                case 0:
                    sb.Append(Hostile[random.Next(Hostile.Length)]);
                    break;
                case 1:
                    // Any UTF-16 code unit, lone surrogates and controls included.
                    for (var i = random.Next(1, 12); i > 0; i--)
                    {
                        sb.Append((char)random.Next(0, 0x10000));
                    }
                    break;
                case 2:
                    for (var i = random.Next(1, 10); i > 0; i--)
                    {
                        sb.Append((char)random.Next(0x4E00, 0x9FA6));
                    }
                    break;
                case 3:
                    for (var i = random.Next(1, 20); i > 0; i--)
                    {
                        sb.Append((char)random.Next('a', 'z' + 1));
                    }
                    break;
                case 4:
                    sb.Append(random.Next(2000, 2030)).Append("〔[（(".AsSpan(random.Next(4), 1)).Append(random.Next(1, 999)).Append('号');
                    break;
                default:
                    sb.Append(' ', random.Next(0, 3)).Append("！，。、；：？“”《》".AsSpan(random.Next(10), 1));
                    break;
            }
        }
        if (random.Next(50) == 0)
        {
            sb.Append('社', random.Next(60, 3000));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^[a-z0-9\u3400-\u9fff\uf900-\ufaff]+$")]
    private static partial Regex TokenShape();

    [Fact]
    public void Ten_thousand_random_and_hostile_queries_parse_into_plain_tokens_and_rank_without_error()
    {
        var random = new Random(16);
        var document = new SearchDocument
        {
            Id = 1, Title = "国务院办公厅关于加强政府网站信息内容建设的意见（国办发〔2014〕57号）", Keywords = "政府网站 集约化",
            Text = "副省长韩永文讲话。根据國辦發〔2014〕57號要求，推进集約化建设。索引号：11440700007186391A/2015-00003。" + RandomQuery(random),
            DocNumber = "国办发〔2014〕57号", IndexNumber = "11440700007186391A/2015-00003", PublishedAt = DateTime.UtcNow,
        };
        var statistics = new RankingStatistics(1000, [.. Enumerable.Repeat(10.0, 20)]);
        var queries = Hostile.Concat(Enumerable.Range(0, 10_000).Select(_ => RandomQuery(random))).ToList();
        foreach (var query in queries)
        {
            var plans = 0;
            for (var plan = SearchText.Default.Parse(ChineseText.Clean(query)); plan is not null; plan = plan.Next)
            {
                plans++;
                plan.Folded.Length.ShouldBeLessThanOrEqualTo(SearchText.MaxQueryLength);
                plan.Terms.Count.ShouldBeLessThanOrEqualTo(12);
                foreach (var alternative in plan.Terms.SelectMany(t => t))
                {
                    alternative.Tokens.ShouldNotBeEmpty();
                    alternative.Tokens.ShouldAllBe(token => TokenShape().IsMatch(token), query);
                }
                SearchRanking.Score(plan, document, statistics, DateTime.UtcNow).Score.ShouldBeGreaterThanOrEqualTo(0);
                var match = SqliteSearchBackend.Match(plan);
                match.Count(c => c == '"').ShouldBe(2 * plan.Terms.Sum(t => t.Sum(a => a.Tokens.Length)));
                PostgresSearchBackend.TsQuery(plan.Terms).Count(c => c == '\'').ShouldBe(2 * plan.Terms.Sum(t => t.Sum(a => a.Tokens.Length)));
            }
            plans.ShouldBeLessThanOrEqualTo(3);
            HotSearches.Refusal(query);
        }
        queries.Count.ShouldBeGreaterThanOrEqualTo(10_000);
    }

    [Fact]
    public async Task A_thousand_random_queries_search_the_database_without_error()
    {
        var random = new Random(1616);
        await app.AsSystemAsync(async sp =>
        {
            var search = sp.GetRequiredService<SearchService>();
            for (var i = 0; i < 1_000; i++)
            {
                var query = RandomQuery(random);
                var response = await search.SearchAsync(new SearchRequest(query, Page: random.Next(1, 4), NewestFirst: random.Next(5) == 0,
                    ColumnType: random.Next(4) == 0 ? ColumnType.Policy : null, Visitor: IPAddress.Loopback));
                response.Total.ShouldBeGreaterThanOrEqualTo(0);
                await search.SuggestAsync(query, null);
            }
            return 0;
        });
    }

    [Fact]
    public async Task Two_hundred_random_queries_over_http_never_answer_500()
    {
        var random = new Random(161616);
        using var client = app.CreateClient();
        for (var i = 0; i < 200; i++)
        {
            var q = Uri.EscapeDataString(new string([.. RandomQuery(random).Where(c => !char.IsSurrogate(c))]));
            foreach (var url in new[] { $"/api/v1/search?q={q}", $"/api/v1/search/suggest?q={q}", $"/sites/{DemoRegion.ProvincialPortalCode}/search?q={q}", $"/search?q={q}&sort=date" })
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }
        }
    }
}
