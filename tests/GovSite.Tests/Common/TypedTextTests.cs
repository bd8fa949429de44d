using GovSite.Common;

namespace GovSite.Tests.Common;

public class TypedTextTests
{
    [Theory]
    [InlineData("我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？")]
    [InlineData("<br>是我打的字，不是换行")]
    [InlineData("a<script>x()</script>b")]
    [InlineData("Tom & Jerry \"quoted\" 'single' ＜全角＞")]
    [InlineData("笑脸😀、生僻字𠀀、零宽\u200b连接\u200d符")]
    [InlineData("第一行\r\n第二行\n第三行")]
    [InlineData("　　尊敬的领导：\r\n　　您好！")]
    [InlineData("臺灣繁體與「引號」『書名』……——")]
    public void A_text_area_keeps_every_character_as_typed(string typed) =>
        TypedText.Block(typed).ShouldBe(typed);

    [Fact]
    public void Only_what_nobody_types_and_no_database_keeps_is_dropped()
    {
        TypedText.Block("响铃\u0007与空字符\0之外\t照旧，换页\f也在").ShouldBe("响铃\u0007与空字符之外\t照旧，换页\f也在");
        TypedText.ForXml("换页\f与响铃\u0007\t😀").ShouldBe("换页与响铃\t😀");
        TypedText.Block("半个代理对\ud800在此").ShouldBe("半个代理对在此");
        TypedText.Block("   \r\n  ").ShouldBeNull();
        TypedText.Block(null).ShouldBeNull();
    }

    [Fact]
    public void A_one_line_field_loses_only_the_spaces_around_it()
    {
        TypedText.Line("  a<b & c>d  ").ShouldBe("a<b & c>d");
        TypedText.Line("\u200b零宽开头").ShouldBe("\u200b零宽开头");
        TypedText.Line(" ").ShouldBeNull();
    }

    [Fact]
    public void Length_counts_what_a_person_sees_as_one_character_once()
    {
        TypedText.Length("😀𠀀字").ShouldBe(3);
        TypedText.Length(null).ShouldBe(0);
    }

    [Fact]
    public void A_pasted_form_feed_kept_in_the_text_does_not_break_an_xlsx_export()
    {
        var sheet = new XlsxSheet("来信");
        sheet.AddRow(XlsxCell.Of("从PDF复制：根据本办法第三条\f第二款的规定"));
        var bytes = XlsxBook.Write(sheet);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        doc.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.ShouldContain("根据本办法第三条第二款的规定");
    }
}
