using GovSite.Publishing;
using GovSite.Rules;

namespace GovSite.Tests.Monitoring;

public sealed class SeriousErrorsTests
{
    [Theory]
    [InlineData("依据中华人民共和囯宪法", "中华人民共和国")]          // substituted (last character)
    [InlineData("国务院办工厅印发通知", "国务院办公厅")]              // substituted
    [InlineData("全国人民代表大会常务委会决定", "全国人民代表大会常务委员会")] // dropped
    [InlineData("中国人民政治协商商会议召开", "中国人民政治协商会议")]    // added
    [InlineData("国务院公办厅关于", "国务院办公厅")]                  // swapped
    [InlineData("中华人民共合国成立", "中华人民共和国")]
    [InlineData("县市场监督管理届执法人员", "市场监督管理局")]       // a misspelling stands on word boundaries
    [InlineData("根据中华人民共合国宪法规定", "中华人民共和国")]
    public void Near_misses_of_state_expressions_are_flagged(string text, string term)
    {
        var errors = SeriousErrors.Default.Find(text);
        errors.Count.ShouldBe(1, string.Join(",", errors));
        errors[0].Term.ShouldBe(term);
    }

    [Theory]
    [InlineData("根据《中华人民共和国政府信息公开条例》和国务院办公厅有关要求")]
    [InlineData("全国人民代表大会常务委员会第十次会议和中国人民政治协商会议全国委员会")]
    [InlineData("清河县人民政府办公室、江川省人民政府办公厅")]
    [InlineData("会同人力资源社会保障等部门做好人力资源和社会保障工作")]
    [InlineData("住房城乡建设部、生态环境保护、自然资源局")]
    [InlineData("中華人民共和國國務院辦公廳、政府信息公開")]
    [InlineData("加强市场监督管理领域信用体系建设")]          // 市场监督管理领 is the start of 市场监督管理领域
    [InlineData("深化市场监督管理领域改革，推进人民政府办公室工作")]
    [InlineData("青山镇市场监督管理所开展食品安全检查")]      // a township's 所 is another organ, not a misspelt 局
    [InlineData("县住房和城乡建设局下属的住房和城乡建设站")]
    public void Correct_spellings_and_usual_forms_are_never_flagged(string text) =>
        SeriousErrors.Default.Find(text).ShouldBeEmpty();

    [Theory]
    [InlineData("广东省人民政府办公室", "广东省人民政府办公厅印发通知")]   // the 厅 of a province beside a registered 办公室
    [InlineData("桃源镇市场监督管理局", "桃源镇市场监督管理所负责日常巡查")] // a township's 所
    [InlineData("台山市人民政府办公室", "鹤山市人民政府办公室关于印发通知")] // a neighbouring city's office
    [InlineData("江门市人民政府办公室", "荆门市人民政府办公室转发")]
    public void Another_organs_ending_on_a_registered_stem_is_not_a_misspelling(string registered, string text) =>
        new SeriousErrors([registered]).Find(text).ShouldBeEmpty();

    [Fact]
    public void A_misspelt_character_inside_a_registered_organ_name_is_still_found() =>
        new SeriousErrors(["广东省人民政府办公室"]).Find("广东省人民正府办公室印发通知").ShouldHaveSingleItem().Term.ShouldBe("广东省人民政府办公室");

    [Fact]
    public void The_seed_texts_check_clean()
    {
        var files = Directory.GetFiles("/work/shared/corpus/seeds", "*.txt");
        files.Length.ShouldBeGreaterThan(0);
        foreach (var file in files)
        {
            var errors = SeriousErrors.Default.Find(File.ReadAllText(file));
            errors.ShouldBeEmpty($"{file}: {string.Join(", ", errors)}");
        }
    }

    [Fact]
    public void Organisation_names_from_the_registry_extend_the_dictionary()
    {
        const string text = "江川省人力资原和社会保障厅发布通知";
        new SeriousErrors(["江川省人力资源和社会保障厅"]).Find(text).ShouldContain(e => e.Term == "江川省人力资源和社会保障厅");
        new SeriousErrors(["江川省教育厅"]).Find("江川省教育厅召开会议").ShouldBeEmpty();
    }
}
