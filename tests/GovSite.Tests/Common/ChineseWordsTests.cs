using GovSite.Common;

namespace GovSite.Tests.Common;

public class ChineseWordsTests
{
    [Theory]
    [InlineData("推进政府网站集约化建设", "推进/政府/网站/集约化/建设")]
    [InlineData("韩永文同志在会上讲话", "韩永文/同志/在/会上/讲话")]
    [InlineData("我要交社保", "我要/交/社保")]
    public void Words_come_out_whole(string text, string words) =>
        string.Join("/", ChineseWords.Cut(text)).ShouldBe(words);

    [Fact]
    public void Spans_cover_the_text_without_gaps()
    {
        const string text = "国务院办公厅关于加强政府网站信息内容建设的意见（国办发〔2014〕57号）\r\n各省、自治区。";
        var spans = ChineseWords.Spans(text);
        spans.Sum(s => s.Length).ShouldBe(text.Length);
        spans.Zip(spans.Skip(1)).ShouldAllBe(p => p.First.End == p.Second.Start);
    }

    [Fact]
    public void A_near_miss_inside_a_longer_word_is_not_whole_words()
    {
        const string text = "加强市场监督管理领域的信用建设";
        var start = text.IndexOf("市场监督管理领", StringComparison.Ordinal);
        ChineseWords.IsWholeWords(text, start, "市场监督管理领".Length).ShouldBeFalse();
        ChineseWords.IsWholeWords(text, start, "市场监督管理".Length).ShouldBeTrue();
    }
}
