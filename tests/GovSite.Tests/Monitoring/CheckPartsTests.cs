using GovSite.Monitoring;
using GovSite.Rules;

namespace GovSite.Tests.Monitoring;

public sealed class CheckPartsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Theory]
    [InlineData("2026-11-03", "2026-11-03")]
    [InlineData("发布时间：2026/11/03 09:00", "2026-11-03")]
    [InlineData("2026年11月3日", "2026-11-03")]
    [InlineData("2026.1.5", "2026-01-05")]
    [InlineData("[11-03]", "2026-11-03")]
    [InlineData("【12-25】", "2025-12-25")]
    [InlineData("11-03", "2026-11-03")]
    public void Dates_are_read_in_every_style_sites_use(string text, string expected) =>
        DateFinder.InText(text, AsOf).First().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory]
    [InlineData("2026年工作要点")]
    [InlineData("第2026-123号")]
    [InlineData("电话 0999-8800")]
    public void Things_that_are_not_dates_are_not_read_as_dates(string text) => DateFinder.InText(text, AsOf).ShouldBeEmpty();

    [Theory]
    [InlineData("要闻动态", "news")]
    [InlineData("部门动态", "news")]
    [InlineData("公示公告", "notice")]
    [InlineData("规范性文件", "policy")]
    [InlineData("政策解读", "interpretation")]
    [InlineData("人事任免", "personnel")]
    [InlineData("规划计划", "planning")]
    [InlineData("领导信箱", "interaction")]
    [InlineData("政府信息公开意见箱", "interaction")]
    [InlineData("网上信访", "interaction")]
    [InlineData("政府信息公开指南", "disclosure")]
    [InlineData("办事指南", "service")]
    [InlineData("机构概况", "overview")]
    [InlineData("专题专栏", "topic")]
    [InlineData("图片", "other")]
    public void Column_types_are_read_from_names(string name, string type) => ColumnTypes.FromName(name).ShouldBe(type);

    private static List<ProbeResult> Week(int perDay, int failures)
    {
        var probes = new List<ProbeResult>();
        var start = new DateTimeOffset(2026, 11, 14, 0, 30, 0, TimeSpan.FromHours(8));
        for (var d = 0; d < 7; d++)
        {
            for (var i = 0; i < perDay; i++)
            {
                probes.Add(new ProbeResult(start.AddDays(d).AddMinutes(i * 60), true, TimeSpan.FromSeconds(1)));
            }
        }
        for (var f = 0; f < failures; f++)
        {
            probes[f * 3] = probes[f * 3] with { Ok = false, Error = "timeout" };
        }
        return probes;
    }

    [Fact]
    public void A_week_with_5_percent_failed_probes_is_vetoed_and_one_just_under_is_not()
    {
        // 7 × 20 = 140 probes: 7 failures is exactly 5%.
        Availability.EvaluateWeek(Week(20, 7), AsOf).Vetoed.ShouldBeTrue();
        var under = Availability.EvaluateWeek(Week(20, 6), AsOf);
        under.Vetoed.ShouldBeFalse();
        under.Probes.ShouldBe(140);
        under.DaysShort.ShouldBe(0);
    }

    [Fact]
    public void A_probe_slower_than_15_seconds_counts_as_failed_and_short_days_are_reported()
    {
        var probes = Week(10, 0);
        for (var i = 0; i < 4; i++)
        {
            probes[i] = probes[i] with { Elapsed = TimeSpan.FromSeconds(16) };
        }
        var verdict = Availability.EvaluateWeek(probes, AsOf);
        verdict.Failed.ShouldBe(4);
        verdict.Vetoed.ShouldBeTrue();
        verdict.DaysShort.ShouldBe(7);
        Availability.EvaluateWeek([], AsOf).Vetoed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(120, null, "办理中", true)]
    [InlineData(120, 20, "已办结", false)]  // answered only after 100 days: late, a deduction, not a veto (domain.md)
    [InlineData(120, null, "已受理", true)]  // received is not answered
    [InlineData(120, null, "已转办", true)]
    [InlineData(93, null, "未回复", true)]
    [InlineData(92, null, "未回复", false)]  // "more than 3 months": 92 days is not yet
    [InlineData(60, null, "办理中", false)]
    [InlineData(400, null, "未回复", false)] // older than a year
    [InlineData(150, 100, "已办结", false)]
    [InlineData(120, null, "无效留言", false)]
    public void A_valid_message_of_the_last_year_unanswered_for_3_months_is_unresponsive(int postedAgo, int? repliedAgo, string status, bool expected)
    {
        var facts = new MessageFacts(AsOf.AddDays(-postedAgo), repliedAgo is { } r ? AsOf.AddDays(-r) : null, status);
        facts.Unresponsive(AsOf).ShouldBe(expected);
    }

    [Fact]
    public void The_score_deducts_but_one_kind_of_deduction_alone_never_fails_a_site()
    {
        Scoring.Score([], 0, 0).ShouldBe(100);
        var footer = new[] { "identifier_code", "icp", "police_record", "error_report_entry", "host_unit", "contact" }
            .Select(d => new Finding("missing_footer_item", "deduction", null, d));
        Scoring.Score(footer, 500, 500).ShouldBeGreaterThanOrEqualTo(Scoring.PassMark);
        Scoring.Score(footer, 0, 0).ShouldBe(88);
    }

    [Fact]
    public void A_department_without_external_services_is_scored_without_them_and_scaled_by_four_thirds()
    {
        var findings = new[] { new Finding("missing_footer_item", "deduction", null, "icp"), new Finding("missing_footer_item", "deduction", null, "contact") };
        Scoring.Score(findings, 0, 0, SiteKind.Department, hasServices: true).ShouldBe(96);
        // 75 points without services, 4 deducted, scaled: (75 − 4) × 4/3.
        Scoring.Score(findings, 0, 0, SiteKind.Department, hasServices: false).ShouldBe(94.7);
        Scoring.Score([], 0, 0, SiteKind.Department, hasServices: false).ShouldBe(100);
        var guides = Enumerable.Repeat(new Finding("service_guide_incomplete", "deduction", null, "缺少要素"), 3);
        Scoring.Score(guides, 0, 0, SiteKind.Department, hasServices: true).ShouldBe(97);
    }

    [Fact]
    public void A_portal_above_80_adds_its_bonus_items_up_to_30_and_a_department_never_does()
    {
        var all = Scoring.BonusItemsIn(["无障碍浏览", "长者模式", "政务微信", "English", "数据开放", "在线访谈", "智能问答", "网站地图"]);
        all.ShouldBe(["accessibility", "new_media", "english", "open_data", "participation", "smart_qa"]);
        Scoring.Score([], 0, 0, SiteKind.Portal, bonusItems: all).ShouldBe(130);
        Scoring.Score([], 0, 0, SiteKind.Portal, bonusItems: ["english", "open_data"]).ShouldBe(110);
        Scoring.Score([], 0, 0, SiteKind.Department, bonusItems: all).ShouldBe(100);
        // 20 broken links and 5 missing footer items leave 80: not above the threshold, no bonus.
        var footer = Enumerable.Range(0, 5).Select(i => new Finding("missing_footer_item", "deduction", null, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Scoring.Score(footer, 20, 0, SiteKind.Portal, bonusItems: all).ShouldBe(80);
        Scoring.BonusItemsIn(["首页", "网站地图"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("云溪市人民政府", SiteKind.Portal)]
    [InlineData("白沙县人民政府门户网站", SiteKind.Portal)]
    [InlineData("云溪市人民政府办公室", SiteKind.Department)]
    [InlineData("云溪市教育局", SiteKind.Department)]
    [InlineData(null, SiteKind.Department)]
    public void A_site_is_a_portal_when_its_name_is_a_government_s(string? name, SiteKind kind) => Scoring.KindFromName(name).ShouldBe(kind);

    [Theory]
    [InlineData("领导信箱", true)]
    [InlineData("政民互动", true)]
    [InlineData("12345热线", true)]
    [InlineData("工作动态", false)]
    public void Interaction_channels_are_known_by_their_link_text(string text, bool expected) => ColumnTypes.NamesChannel(text).ShouldBe(expected);

    [Theory]
    [InlineData("办事服务", true)]
    [InlineData("江川政务服务网", true)]
    [InlineData("国家政务服务平台", false)]
    [InlineData("服务热线", false)]
    [InlineData("云溪市召开政务服务工作推进会", false)]
    public void Services_are_known_by_their_link_text_but_the_national_platform_is_not_the_sites_own(string text, bool expected) =>
        ColumnTypes.NamesService(text).ShouldBe(expected);
}
