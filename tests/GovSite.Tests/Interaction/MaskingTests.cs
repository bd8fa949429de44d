using GovSite.Interaction;

namespace GovSite.Tests.Interaction;

public class MaskingTests
{
    [Theory]
    [InlineData("我的电话是13812345678，请回电", "13812345678", "138****5678")]
    [InlineData("手机 +86 139-1234-5678", "139-1234-5678", "139****5678")]
    [InlineData("座机0591-87654321找我", "87654321", "0591-8765****")]
    [InlineData("身份证号350102199001011234办的", "350102199001011234", "35****************")]
    [InlineData("身份证 35010219900101123X", "35010219900101123X", "35****")]
    [InlineData("邮箱 zhang.san@example.com 联系", "zhang.san@example.com", "***@***")]
    [InlineData("我住在福州市鼓楼区建设路12号3栋2单元401室，楼下很吵", "建设路12号", "（地址已隐去）")]
    [InlineData("家住幸福小区5号楼", "幸福小区5号楼", "（地址已隐去）")]
    public void Personal_data_is_hidden(string text, string hidden, string shown)
    {
        var masked = PersonalDataMask.Mask(text);
        masked.ShouldNotContain(hidden);
        masked.ShouldContain(shown);
    }

    [Fact]
    public void The_writers_name_and_names_written_as_such_are_hidden()
    {
        var masked = PersonalDataMask.Mask("我叫张小明，邻居王大爷和李建国先生都知道。张小明再次反映。", "张小明");
        masked.ShouldNotContain("张小明");
        masked.ShouldContain("张某某");
        masked.ShouldNotContain("李建国");
        masked.ShouldContain("李某先生");
        PersonalDataMask.Mask("姓名：陈晓红，电话13900001111").ShouldBe("姓名：陈某某，电话139****1111");
        PersonalDataMask.MaskName("欧阳娜娜").ShouldBe("欧某某");
    }

    [Fact]
    public void Ordinary_text_with_numbers_and_dates_is_left_alone()
    {
        const string text = "2026年3月2日前答复，共有120户居民，补贴20万元，政策文号闽政〔2026〕7号。";
        PersonalDataMask.Mask(text).ShouldBe(text);
    }
}

public class BoilerplateDetectionTests
{
    [Fact]
    public void A_reply_nearly_the_same_as_earlier_ones_is_counted_and_a_different_one_is_not()
    {
        string[] earlier =
        [
            "您好，我们会尽快为您处理的。",
            "您好！我们会尽快为您处理的",
            "您好，我们会尽快为您处理的，谢谢",
            "经查，该路段路灯已于3月1日修复，感谢您的监督。",
        ];
        BoilerplateDetector.Matches("您好，我们会尽快为您处理的。", earlier, 0.8).ShouldBe(3);
        BoilerplateDetector.Matches("经核实，您反映的幸福路积水问题已列入今年排水改造计划，预计6月底前完工。", earlier, 0.8).ShouldBe(0);
    }
}
