using GovSite.Monitoring;
using GovSite.Supervision;

namespace GovSite.Tests.Supervision;

/// <summary>The score from evidence by the default table (version 1), against values worked out by hand from the table.</summary>
public class ScoringTests
{
    private static readonly IndicatorTable Table = WithIds(DefaultIndicators.Table(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

    private static IndicatorTable WithIds(IndicatorTable t)
    {
        var id = 1;
        foreach (var i in t.Items)
        {
            i.Id = id++;
        }
        return t;
    }

    private static Finding F(string code, string detail = "x") => new(code, "deduction", "https://a.gov.cn/p", detail);

    private static SiteReport Report(string kind, params Finding[] findings) => new()
    {
        Url = "https://a.gov.cn/", Kind = kind, Findings = [.. findings],
        BrokenLinks = [.. findings.Where(f => f.Code == "broken_link").Select((f, i) => new BrokenLink($"https://a.gov.cn/x{i}", "https://a.gov.cn/", 404, null))],
        Columns = [new ColumnReport("办事指南", "https://a.gov.cn/c/7", "service", null, 3, false, false)],
    };

    [Fact]
    public void The_default_table_has_deductions_worth_100_with_services_at_25()
    {
        Table.Items.Where(i => i.Kind == IndicatorKind.Deduction).Sum(i => i.Points).ShouldBe(100);
        Table.Items.Where(i => i.Group == IndicatorGroup.Services).Sum(i => i.Points).ShouldBe(25);
        IndicatorTables.Validate(IndicatorTables.ToInput(Table)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Deductions_add_up_per_item_as_the_table_says()
    {
        // D1 3×2=6, D2 1×2=2, F2 4×0.5=2, F3 2×0.5=1, F4 1×1=1, I1 1×3=3: 15 off, 85.
        var report = Report("department",
            F("column_stale"), F("column_stale"), F("column_stale"), F("column_empty"),
            F("broken_link"), F("broken_link"), F("broken_link"), F("broken_link"),
            F("slow_page"), F("slow_page"), F("missing_footer_item", "icp"), F("message_answered_late"));
        var sheet = AssessmentScoring.Compute(Table, report, [], [], portal: false, withoutServices: false);
        sheet.Verdict.ShouldBe("pass");
        sheet.Score.ShouldBe(85);
        sheet.Lines.Single(l => l.Code == "D1").Value.ShouldBe(6);
        sheet.Lines.Single(l => l.Code == "D1").CheckerCount.ShouldBe(3);
        sheet.Lines.Single(l => l.Code == "F2").Value.ShouldBe(2);
        sheet.Lines.Single(l => l.Code == "I1").Value.ShouldBe(3);
    }

    [Fact]
    public void An_item_never_takes_more_than_its_points()
    {
        // Ten stale columns at 2 each would be 20; D1 is worth 12.
        var sheet = AssessmentScoring.Compute(Table, Report("department", [.. Enumerable.Repeat(F("column_stale"), 10)]), [], [], false, false);
        sheet.Lines.Single(l => l.Code == "D1").Value.ShouldBe(12);
        sheet.Score.ShouldBe(88);
    }

    [Fact]
    public void Broken_links_beyond_the_fifty_listed_still_count()
    {
        // 60 broken links, 50 listed as findings: 60 × 0.5 = 30, capped at F2's 5.
        var report = Report("department", [.. Enumerable.Repeat(F("broken_link"), 50)]) with
        {
            BrokenLinks = [.. Enumerable.Range(0, 60).Select(i => new BrokenLink($"https://a.gov.cn/x{i}", "https://a.gov.cn/", 404, null))],
        };
        var sheet = AssessmentScoring.Compute(Table, report, [], [], false, false);
        sheet.Lines.Single(l => l.Code == "F2").CheckerCount.ShouldBe(60);
        sheet.Lines.Single(l => l.Code == "F2").Value.ShouldBe(5);
        sheet.Score.ShouldBe(95);
    }

    [Fact]
    public void A_portal_above_80_adds_its_bonus_items_and_below_it_does_not()
    {
        var report = Report("portal", F("column_stale"), F("column_stale")) with { Bonus = ["accessibility", "new_media", "english"] };
        // 4 off: 96, then B1+B2+B3 = 15: 111.
        AssessmentScoring.Compute(Table, report, [], [], portal: true, withoutServices: false).Score.ShouldBe(111);
        // A department gets no bonus for the same links.
        AssessmentScoring.Compute(Table, report, [], [], portal: false, withoutServices: false).Score.ShouldBe(96);
        // 10 stale (12) + 4 empty (8): 80, not above 80: no bonus.
        var low = Report("portal", [.. Enumerable.Repeat(F("column_stale"), 10), .. Enumerable.Repeat(F("column_empty"), 4)]) with { Bonus = ["accessibility"] };
        AssessmentScoring.Compute(Table, low, [], [], portal: true, withoutServices: false).Score.ShouldBe(80);
    }

    [Fact]
    public void A_department_without_services_is_scored_on_the_rest_and_scaled_by_four_thirds()
    {
        // 15 off the other groups (as above) and 2 off services (S1), which do not count: (75 − 15) × 4/3 = 80.
        var report = Report("department",
            F("column_stale"), F("column_stale"), F("column_stale"), F("column_empty"),
            F("broken_link"), F("broken_link"), F("broken_link"), F("broken_link"),
            F("slow_page"), F("slow_page"), F("missing_footer_item", "icp"), F("message_answered_late"),
            F("service_guide_incomplete"), F("service_guide_incomplete"));
        AssessmentScoring.Compute(Table, report, [], [], portal: false, withoutServices: true).Score.ShouldBe(80);
        // With services the same evidence is 100 − 17 = 83.
        AssessmentScoring.Compute(Table, report, [], [], portal: false, withoutServices: false).Score.ShouldBe(83);
    }

    [Fact]
    public void A_veto_fails_the_site_unless_an_inspector_overturns_it()
    {
        var report = Report("department", F("slow_page")) with
        {
            Vetoes = [new Veto(VetoCodes.ColumnsStale, "5 个栏目未更新", ["https://a.gov.cn/c/1"])],
        };
        var vetoed = AssessmentScoring.Compute(Table, report, [], [], false, false);
        vetoed.Verdict.ShouldBe("fail");
        vetoed.Score.ShouldBeNull();
        vetoed.Vetoes.Select(v => v.Code).ShouldBe(["V2"]);
        var overturned = AssessmentScoring.Compute(Table, report, [new EvidenceReview("veto:0", false, "栏目为年度信息，不应计入", "王敏")], [], false, false);
        overturned.Verdict.ShouldBe("pass");
        overturned.Score.ShouldBe(99.5);
        overturned.Lines.Single(l => l.Code == "V2").ConfirmedBy.ShouldBe(["王敏"]);
    }

    [Fact]
    public void Inspectors_add_what_the_checker_cannot_see_and_their_names_stay_on_the_line()
    {
        var entries = new List<PersonEntry>
        {
            new("D4", 4, false, "三件政策文件未解读", "政策文件栏目", "王敏"),
            new("D4", 8, false, "又发现一件", null, "李强"),
        };
        var sheet = AssessmentScoring.Compute(Table, Report("department"), [], entries, false, false);
        // 4 + 8 = 12, capped at D4's 10.
        sheet.Lines.Single(l => l.Code == "D4").Value.ShouldBe(10);
        sheet.Lines.Single(l => l.Code == "D4").ConfirmedBy.ShouldBe(["王敏", "李强"]);
        sheet.Score.ShouldBe(90);
        var veto = AssessmentScoring.Compute(Table, Report("department"), [], [new PersonEntry("V6", 0, true, "首页被篡改未处置", "截图", "王敏")], false, false);
        veto.Verdict.ShouldBe("fail");
    }

    [Fact]
    public void Below_the_pass_mark_fails_without_a_veto()
    {
        var entries = new[] { "D4", "D5", "S2", "S3", "I2" }.Select(c => new PersonEntry(c, 100, false, "差", null, "王敏")).ToList();
        // 10 + 5 + 10 + 5 + 6 = 36 off: 64 passes; add F5 (3) and D3 via entry (5): 56 fails.
        AssessmentScoring.Compute(Table, Report("department"), [], entries, false, false).Score.ShouldBe(64);
        entries.Add(new PersonEntry("F5", 3, false, "搜索不可用", null, "王敏"));
        entries.Add(new PersonEntry("D3", 5, false, "发布时间格式错误", null, "王敏"));
        var sheet = AssessmentScoring.Compute(Table, Report("department"), [], entries, false, false);
        sheet.Score.ShouldBe(56);
        sheet.Verdict.ShouldBe("fail");
    }

    [Fact]
    public void The_same_evidence_and_table_version_give_the_same_sheet_and_a_new_version_does_not_change_an_old_sheet()
    {
        var report = Report("department", F("column_stale"), F("broken_link"));
        var first = AssessmentScoring.Compute(Table, report, [], [], false, false);
        var again = AssessmentScoring.Compute(Table, report, [], [], false, false);
        System.Text.Json.JsonSerializer.Serialize(again).ShouldBe(System.Text.Json.JsonSerializer.Serialize(first));
        var edited = WithIds(DefaultIndicators.Table(DateTime.UtcNow));
        edited.Version = 2;
        edited.Items.Single(i => i.Code == "D1").PerFinding = 4;
        AssessmentScoring.Compute(edited, report, [], [], false, false).Score.ShouldBe(95.5);
        AssessmentScoring.Compute(Table, report, [], [], false, false).Score.ShouldBe(97.5);
    }
}
