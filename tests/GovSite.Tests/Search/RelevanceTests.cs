using System.Globalization;
using GovSite.Common;
using GovSite.Data;
using GovSite.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovSite.Tests.Search;

/// <summary>
/// A judged set over the demo region. Each query names the documents a person means, as title
/// fragments: every demo article whose title holds one of them is relevant. precision@5 for a
/// query is the share of the top five that is relevant, out of min(5, number relevant), so a
/// query with two relevant documents scores 1 when both are in the top five.
/// </summary>
public class RelevanceTests(SearchFixture app, ITestOutputHelper output) : IClassFixture<SearchFixture>
{
    public const double Goal = 0.9;

    public static readonly (string Query, string[] Relevant)[] Judged =
    [
        // Simplified
        ("最低工资", ["最低工资"]),
        ("营商环境", ["营商环境"]),
        ("社会保险", ["社会保险"]),
        ("义务教育", ["义务教育"]),
        ("职业教育产教融合", ["产教融合"]),
        ("防汛抗旱", ["防汛抗旱"]),
        ("根治欠薪", ["根治欠薪"]),
        ("黄桃产业", ["黄桃"]),
        ("最低生活保障", ["最低生活保障"]),
        ("失业保险金", ["失业保险金"]),
        ("养老保险", ["养老保险"]),
        ("政府网站集约化", ["政府网站集约化"]),
        ("安全生产", ["安全生产"]),
        ("空气质量", ["空气质量"]),
        ("心理健康", ["心理健康"]),
        ("校外培训", ["校外培训"]),
        ("高校毕业生就业", ["毕业生就业", "就业见习"]),
        ("残疾人补贴", ["残疾人两项补贴"]),
        ("高龄津贴", ["高龄津贴"]),
        ("教师资格", ["教师资格"]),
        ("老旧小区", ["老旧小区"]),
        ("民营经济", ["民营经济"]),
        ("价格监测", ["价格监测"]),
        ("投资项目核准", ["项目核准"]),
        ("节能审查", ["节能审查"]),
        ("稳就业", ["稳就业"]),
        ("人居环境整治", ["人居环境整治"]),
        ("招商引资", ["招商引资"]),
        ("职务任免", ["职务任免"]),
        ("任前公示", ["任前公示"]),
        ("端午节", ["端午节"]),
        ("年度报告", ["年度报告"]),
        ("留言办理", ["留言办理"]),
        ("2026 端午节", ["端午节"]),
        // Everyday words (通俗语言)
        ("生孩子要办什么", ["新生儿出生"]),
        ("开公司", ["企业开办"]),
        ("低保", ["最低生活保障"]),
        ("失业金", ["失业保险金"]),
        ("欠薪", ["欠薪"]),
        ("二手房过户", ["不动产转移登记"]),
        ("乡村振兴", ["乡村全面振兴"]),
        ("社保", ["社会保险", "社会保障"]),
        // Traditional script
        ("營商環境", ["营商环境"]),
        ("義務教育", ["义务教育"]),
        ("社會保險", ["社会保险"]),
        ("鄉村振興", ["乡村全面振兴"]),
        ("職業教育", ["职业教育"]),
        ("政府網站", ["政府网站"]),
        ("防汛抗旱應急管理", ["防汛抗旱和应急管理"]),
        ("價格監測", ["价格监测"]),
        // Pinyin, initials, width and case
        ("shebao", ["社会保险", "社会保障"]),
        ("zhengfuwangzhan", ["政府网站"]),
        ("yingshanghuanjing", ["营商环境"]),
        ("yiwujiaoyu", ["义务教育"]),
        ("huangtao", ["黄桃"]),
        ("zhiyejiaoyu", ["职业教育"]),
        ("xiangcunzhenxing", ["乡村全面振兴"]),
        ("anquanshengchan", ["安全生产"]),
        ("dibao", ["最低生活保障"]),
        ("gaolingjintie", ["高龄津贴"]),
        ("ＳＨＥＢＡＯ", ["社会保险", "社会保障"]),
    ];

    [Fact]
    public async Task Precision_at_5_over_the_judged_set_reaches_the_goal()
    {
        var documents = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchDocuments
            .Select(d => new { d.Id, d.Title, d.DocNumber, d.IndexNumber }).ToListAsync());
        var queries = Judged.Select(j => (j.Query, Relevant: Relevant(documents.Select(d => (d.Id, d.Title)), j.Relevant))).ToList();

        // 文号 in its three spellings and 索引号, taken from the demo's own policy documents.
        foreach (var policy in documents.Where(d => d.DocNumber is not null && d.IndexNumber is not null).Take(3))
        {
            var number = policy.DocNumber!;
            queries.Add((number, [policy.Id]));
            queries.Add((number.Replace('〔', '[').Replace('〕', ']'), [policy.Id]));
            queries.Add((number.Replace("〔", "", StringComparison.Ordinal).Replace("〕", "年", StringComparison.Ordinal), [policy.Id]));
            queries.Add((policy.IndexNumber!, [policy.Id]));
        }
        queries.Count.ShouldBeGreaterThanOrEqualTo(50);

        var total = 0.0;
        var misses = new List<string>();
        foreach (var (query, relevant) in queries)
        {
            relevant.ShouldNotBeEmpty($"judged query {query} has no relevant demo document");
            var top = (await app.SearchAsync(new SearchRequest(query))).Results.Take(5).ToList();
            var hits = top.Count(r => relevant.Contains(r.Id));
            var precision = (double)hits / Math.Min(5, relevant.Count);
            total += precision;
            if (precision < 1)
            {
                misses.Add($"{query}: {precision:0.00} top5=[{string.Join(" | ", top.Select(r => r.Title))}]");
            }
        }
        var mean = total / queries.Count;
        output.WriteLine($"precision@5 = {mean.ToString("0.000", CultureInfo.InvariantCulture)} over {queries.Count} judged queries");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }
        Console.WriteLine($"Search relevance: precision@5 = {mean:0.000} over {queries.Count} queries");
        mean.ShouldBeGreaterThanOrEqualTo(Goal, string.Join(Environment.NewLine, misses));
    }

    private static List<int> Relevant(IEnumerable<(int Id, string Title)> documents, string[] fragments) =>
        [.. documents.Where(d => fragments.Any(f => ChineseText.Fold(d.Title).Contains(f, StringComparison.Ordinal))).Select(d => d.Id)];
}
