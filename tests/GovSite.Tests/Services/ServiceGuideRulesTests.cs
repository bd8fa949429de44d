using GovSite.Rules;
using GovSite.Services;

namespace GovSite.Tests.Services;

/// <summary>The national rule on guides, as the editor and the checker both apply it.</summary>
public class ServiceGuideRulesTests
{
    [Fact]
    public void A_complete_guide_has_nothing_missing_and_nothing_vague()
    {
        var assessment = ServicesFactory.CompleteGuide("T001").Normalise().Assess();
        assessment.Missing.ShouldBeEmpty();
        assessment.Vague.ShouldBeEmpty();
        assessment.IsComplete.ShouldBeTrue();
    }

    [Theory]
    [InlineData("暂无")]
    [InlineData("—")]
    [InlineData("待定")]
    [InlineData("  ")]
    [InlineData("略。")]
    [InlineData("无")]
    public void Blank_words_count_as_a_missing_element(string value)
    {
        var guide = ServicesFactory.CompleteGuide("T002");
        guide.LegalBasis = value;
        guide.Normalise().Assess().Missing.ShouldBe(["设定依据"]);
    }

    [Fact]
    public void No_fee_written_as_wu_is_a_statement_not_a_gap()
    {
        var guide = ServicesFactory.CompleteGuide("T003");
        guide.Fee = "无";
        guide.Normalise().Assess().Missing.ShouldBeEmpty();
        ServiceGuideRules.IsBlank("收费标准", "无").ShouldBeFalse();
        ServiceGuideRules.IsBlank("联系电话", "无").ShouldBeTrue();
    }

    [Fact]
    public void Lists_without_entries_are_missing_elements()
    {
        var guide = ServicesFactory.CompleteGuide("T004");
        guide.Materials.Clear();
        guide.Steps.Clear();
        guide.Normalise().Assess().Missing.ShouldBe(["办理材料", "办理流程"]);
    }

    [Theory]
    [InlineData("Fee", "按规定收取", "收费标准", "按规定")]
    [InlineData("Location", "详见窗口", "办理地点", "详见窗口")]
    [InlineData("Material", "其他材料", "办理材料", "其他材料")]
    public void Vague_wording_is_a_warning_with_the_words_named(string field, string value, string element, string wording)
    {
        var guide = ServicesFactory.CompleteGuide("T005");
        switch (field)
        {
            case "Fee":
                guide.Fee = value;
                break;
            case "Location":
                guide.Location = value;
                break;
            default:
                guide.Materials.Add(new MaterialInput { Name = value });
                break;
        }
        var assessment = guide.Normalise().Assess();
        assessment.IsComplete.ShouldBeTrue();
        assessment.Vague.ShouldBe([new VagueElement(element, wording)]);
    }

    [Fact]
    public void Four_missing_elements_make_a_guide_count_towards_the_veto_and_five_such_guides_fail_it()
    {
        var guide = ServicesFactory.CompleteGuide("T006");
        (guide.LegalBasis, guide.Fee, guide.OfficeHours) = (null, null, null);
        guide.Normalise().Assess().CountsAsIncomplete.ShouldBeFalse();
        guide.Phone = null;
        guide.Normalise().Assess().CountsAsIncomplete.ShouldBeTrue();
        ServiceGuideRules.FailsVeto(4).ShouldBeFalse();
        ServiceGuideRules.FailsVeto(5).ShouldBeTrue();
        // The checker's settings start from the same rule.
        GovSite.Monitoring.CheckRules.Default.GuideMissingElements.ShouldBe(ServiceGuideRules.MissingElementsForIncomplete);
        GovSite.Monitoring.CheckRules.Default.IncompleteGuidesForVeto.ShouldBe(ServiceGuideRules.IncompleteGuidesForVeto);
    }

    [Fact]
    public void The_checker_reads_the_same_elements_and_synonyms()
    {
        GovSite.Monitoring.ServiceGuides.Elements.ShouldBe(ServiceGuideRules.Elements);
        GovSite.Monitoring.ServiceGuides.Synonyms.ShouldBeSameAs(ServiceGuideRules.Synonyms);
    }

    [Fact]
    public void Submitting_an_incomplete_guide_names_each_missing_element_beside_its_field()
    {
        var guide = ServicesFactory.CompleteGuide("T007");
        (guide.Conditions, guide.Phone) = ("", "暂无");
        guide.Steps.Clear();
        var errors = guide.Normalise().CheckComplete().ToDictionary();
        errors.Keys.ShouldBe(["Conditions", "Phone", "Steps"], ignoreOrder: true);
        errors["Phone"][0].ShouldContain("联系电话");
    }
}

/// <summary>The guide workflow as a table.</summary>
public class ServiceWorkflowTests
{
    [Fact]
    public void A_draft_reaches_the_public_only_through_a_reviewer()
    {
        var submit = ServiceWorkflow.Find(new(ServiceItemStatus.Draft), ServiceAction.Submit)!;
        submit.Actor.ShouldBe(ServiceActor.Editor);
        submit.To.ShouldBe(new ServiceState(ServiceItemStatus.Submitted));
        ServiceWorkflow.Find(new(ServiceItemStatus.Draft), ServiceAction.Approve).ShouldBeNull();
        var approve = ServiceWorkflow.Find(new(ServiceItemStatus.Submitted), ServiceAction.Approve)!;
        approve.Actor.ShouldBe(ServiceActor.Reviewer);
        approve.To.Status.ShouldBe(ServiceItemStatus.Published);
        ServiceWorkflow.Transitions.Where(t => t.To.Status == ServiceItemStatus.Published && t.From.Status != ServiceItemStatus.Published)
            .ShouldAllBe(t => t.Actor == ServiceActor.Reviewer);
    }

    [Fact]
    public void A_published_guide_is_revised_beside_its_public_text_and_can_be_withdrawn()
    {
        var published = new ServiceState(ServiceItemStatus.Published);
        ServiceWorkflow.From(published).Select(t => t.Action).ShouldBe([ServiceAction.Withdraw]);
        var revising = new ServiceState(ServiceItemStatus.Published, RevisionStatus.Draft);
        ServiceWorkflow.From(revising).Select(t => t.Action).ShouldBe([ServiceAction.Submit, ServiceAction.Discard, ServiceAction.Withdraw], ignoreOrder: true);
        var applied = ServiceWorkflow.Find(new(ServiceItemStatus.Published, RevisionStatus.Submitted), ServiceAction.Approve)!;
        applied.To.ShouldBe(published);
        applied.Actor.ShouldBe(ServiceActor.Reviewer);
    }

    [Fact]
    public void A_withdrawn_guide_goes_public_again_only_through_review()
    {
        ServiceWorkflow.From(new(ServiceItemStatus.Withdrawn)).Select(t => t.To.Status).ShouldBe([ServiceItemStatus.Submitted]);
    }
}
