using GovSite.Publishing;
using GovSite.Search;

namespace GovSite.Tests.Search;

/// <summary>The ranking function on its own: what a person reading the documents would agree with.</summary>
public class SearchRankingTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static int _ids;

    private static SearchDocument Doc(string title, string body, string? docNumber = null, string? keywords = null, int daysOld = 30) => new()
    {
        Id = Interlocked.Increment(ref _ids), SiteId = 1, SiteCode = "x", ColumnType = ColumnType.Policy, Title = title, Text = body,
        DocNumber = docNumber, Keywords = keywords, PublishedAt = Now.AddDays(-daysOld), Year = 2026,
    };

    private static string Filler(int length) =>
        string.Concat(Enumerable.Repeat("各地区各部门要认真贯彻落实有关要求，切实做好相关工作。", length / 26 + 1))[..length];

    /// <summary>The documents in ranking order, as the search service orders them.</summary>
    private static List<SearchDocument> Rank(string query, params SearchDocument[] documents) => Rank(SearchText.Default.Parse(query), documents);

    private static List<SearchDocument> Rank(QueryPlan plan, params SearchDocument[] documents)
    {
        var statistics = plan.Ranked.Count < 2
            ? RankingStatistics.OneTerm
            : new RankingStatistics(1000, [.. plan.Ranked.Select(_ => 50.0)]);
        return [.. SearchRanking.Order(documents.Select(d => SearchRanking.Score(plan, d, statistics, Now))).Select(r => r.Document)];
    }

    [Fact]
    public void A_long_document_that_repeats_the_word_beats_short_ones_that_mention_it_once()
    {
        var about = Doc("关于贯彻落实政府网站发展指引的实施意见",
            string.Concat(Enumerable.Range(0, 25).Select(i => Filler(250) + "推进政府网站集约化建设。")));
        var once = Doc("全市政务公开工作要点", Filler(300) + "推进集约化。" + Filler(200));
        var twice = Doc("关于加强网站管理的通知", "集约化" + Filler(800) + "集约化");
        Rank("集约化", once, twice, about).ShouldBe([about, twice, once]);
        about.Text.Length.ShouldBeGreaterThan(6000);
    }

    [Fact]
    public void A_title_match_beats_a_single_mention_in_the_body()
    {
        var titled = Doc("政府网站集约化工作推进会召开", Filler(500));
        var mentioned = Doc("全市信息化工作会议召开", Filler(200) + "集约化" + Filler(200));
        Rank("集约化", mentioned, titled).ShouldBe([titled, mentioned]);
    }

    [Fact]
    public void Keywords_weigh_more_than_the_body_and_less_than_the_title()
    {
        var titled = Doc("营商环境评价结果公布", Filler(300));
        var keyworded = Doc("全市经济运行情况通报", Filler(300), keywords: "营商环境");
        var body = Doc("全市经济运行情况分析", Filler(150) + "营商环境" + Filler(150));
        Rank("营商环境", body, keyworded, titled).ShouldBe([titled, keyworded, body]);
    }

    [Fact]
    public void The_document_whose_own_number_it_is_comes_first_and_documents_quoting_it_after()
    {
        var own = Doc("国务院办公厅关于加强政府网站信息内容建设的意见", Filler(2000), docNumber: "国办发〔2014〕57号");
        var quotesOften = Doc("江门市转发的通知", string.Concat(Enumerable.Repeat("根据国办发〔2014〕57号要求，" + Filler(100), 6)));
        var quotesOnce = Doc("广东省转发的通知", Filler(500) + "（国办发[2014]57号）" + Filler(500));
        Rank("国办发〔2014〕57号", quotesOnce, quotesOften, own).ShouldBe([own, quotesOften, quotesOnce]);
    }

    [Fact]
    public void Words_standing_together_beat_the_same_words_far_apart()
    {
        var together = Doc("工作通报", Filler(300) + "政府网站年度报表" + Filler(300));
        var apart = Doc("工作通报", "政府网站" + Filler(600) + "年度报表");
        Rank("政府网站 年度报表", apart, together).ShouldBe([together, apart]);
    }

    [Fact]
    public void Freshness_breaks_a_tie_but_does_not_outweigh_a_better_match()
    {
        var older = Doc("社会保险缴费基数调整", Filler(300), daysOld: 700);
        var newer = Doc("社会保险缴费基数调整", Filler(300), daysOld: 3);
        Rank("社会保险", older, newer).ShouldBe([newer, older]);

        var olderButAbout = Doc("社会保险缴费基数调整", "社会保险" + Filler(300), daysOld: 1500);
        var newButPassing = Doc("全市工作动态", Filler(300) + "社会保险" + Filler(300), daysOld: 0);
        Rank("社会保险", newButPassing, olderButAbout).ShouldBe([olderButAbout, newButPassing]);
    }

    [Fact]
    public void A_whole_occurrence_beats_the_words_characters_scattered_about()
    {
        var whole = Doc("工作通报", Filler(200) + "营商环境" + Filler(200));
        var scattered = Doc("工作通报", Filler(200) + "营商企业的环境" + Filler(200));
        Rank("营商环境", scattered, whole).ShouldBe([whole, scattered]);
    }

    [Fact]
    public void Pinyin_is_read_in_bodies_and_reports_the_name_it_matched()
    {
        var plan = SearchText.Default.Parse("hanyongwen");
        var speech = Doc("加强政府网站能力建设", Filler(300) + "副省长韩永文在会上讲话" + Filler(300));
        var other = Doc("加强政府网站能力建设", Filler(600));
        var ranked = SearchRanking.Score(plan, speech, RankingStatistics.OneTerm, Now);
        ranked.Matched.ShouldContain("韩永文");
        ranked.Relevance.ShouldBeGreaterThan(SearchRanking.Score(plan, other, RankingStatistics.OneTerm, Now).Relevance);
    }

    [Fact]
    public void Read_by_its_parts_a_query_prefers_documents_holding_more_of_them_and_the_words_the_platform_knows()
    {
        var parts = SearchText.Default.Parse("孩子上学要办什么");
        while (parts.Stage != PlanStage.Parts)
        {
            parts = parts.Next!;
        }
        parts.Scored.ShouldContain(s => s.Word == "上学" && s.Weight == 2 && s.Alternatives.Any(a => a.Text == "入学"));
        var enrolment = Doc("2026年秋季小学新生入学报名公告", "适龄儿童入学报名" + Filler(300));
        var children = Doc("关爱留守孩子行动启动", "走访留守孩子家庭" + Filler(300));
        var both = Doc("孩子入学政策问答", "孩子入学需要准备户口簿" + Filler(300));
        Rank(parts, children, enrolment, both).ShouldBe([both, enrolment, children]);
    }
}
