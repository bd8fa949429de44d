using GovSite.Supervision;

namespace GovSite.Tests.Supervision;

/// <summary>domain.md's counting rule, pinned with values worked out by hand.</summary>
public class AccountabilityCountingTests
{
    private static AccountabilityRecord R(string date, string unit, string? person, AccountabilityForm form) => new()
    {
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), UnitName = unit, PersonName = person, Form = form,
    };

    [Fact]
    public void The_same_person_counts_once_a_quarter_under_the_heaviest_form()
    {
        var records = new[]
        {
            // Q1: 李明 约谈 then 警告 → once, 警告或记过处分. 王芳 通报批评. 张华 调离岗位 and 免职 → once, 免职 (report: 调离岗位或免职).
            R("2026-01-10", "甲局", "李明", AccountabilityForm.Talk),
            R("2026-03-02", "甲局", "李明", AccountabilityForm.Warning),
            R("2026-02-01", "乙局", "王芳", AccountabilityForm.Criticism),
            R("2026-02-03", "丙局", "张华", AccountabilityForm.Transfer),
            R("2026-03-30", "丙局", "张华", AccountabilityForm.Removal),
            // A decision about a unit (no person), twice: once, 书面检查 over 其他.
            R("2026-01-20", "丁局", null, AccountabilityForm.Other),
            R("2026-02-20", "丁局", null, AccountabilityForm.WrittenReview),
            // Q2: 李明 again, 约谈: counted again in the new quarter. A namesake in another unit is another person.
            R("2026-04-01", "甲局", "李明", AccountabilityForm.Talk),
            R("2026-04-02", "戊局", "李明", AccountabilityForm.Dismissal),
            R("2026-06-30", "甲局", " 李 明 ", AccountabilityForm.Other),
        };
        var counts = AccountabilityCounting.Count(records);
        counts.Count.ShouldBe(2);
        var q1 = counts[0];
        (q1.Year, q1.Quarter, q1.People, q1.Records).ShouldBe((2026, 1, 4, 7));
        q1.ByForm[AccountabilityForm.Warning].ShouldBe(1);
        q1.ByForm[AccountabilityForm.Talk].ShouldBe(0);
        q1.ByForm[AccountabilityForm.Criticism].ShouldBe(1);
        q1.ByForm[AccountabilityForm.Removal].ShouldBe(1);
        q1.ByForm[AccountabilityForm.Transfer].ShouldBe(0);
        q1.ByForm[AccountabilityForm.WrittenReview].ShouldBe(1);
        q1.ByForm[AccountabilityForm.Other].ShouldBe(0);
        q1.Report.ShouldBe(new Dictionary<string, int>
        {
            ["约谈"] = 0, ["书面检查"] = 1, ["通报批评"] = 1, ["警告或记过处分"] = 1, ["调离岗位或免职"] = 1, ["辞退"] = 0, ["其他"] = 0,
        });
        var q2 = counts[1];
        (q2.Quarter, q2.People, q2.Records).ShouldBe((2, 2, 3));
        // " 李 明 " in 甲局 is 李明 of 甲局: 约谈 beats 其他.
        q2.Report["约谈"].ShouldBe(1);
        q2.Report["其他"].ShouldBe(0);
        q2.Report["辞退"].ShouldBe(1);
    }

    [Fact]
    public void The_forms_are_ordered_from_other_to_dismissal()
    {
        Enum.GetValues<AccountabilityForm>().Select(AccountabilityCounting.Label)
            .ShouldBe(["其他", "约谈", "书面检查", "通报批评", "警告或记过处分", "调离岗位", "免职", "辞退"]);
    }
}
