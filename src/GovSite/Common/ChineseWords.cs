using JiebaNet.Segmenter;

namespace GovSite.Common;

/// <summary>A word of a text: where it starts and how long it is.</summary>
public readonly record struct WordSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Chinese word boundaries from a maintained segmenter (jieba.NET: a 350,000-word dictionary
/// plus an HMM for names and new words). The checker uses it to tell a misspelling from the
/// start of a longer correct word, and search to cut a query into words. Measured against
/// Lucene's SmartCn on the cases that matter here, jieba keeps 韩永文, 中华人民共和国 and
/// 市场监督管理 whole where SmartCn splits them into characters (docs/search.md).
/// </summary>
public static class ChineseWords
{
    // Words of government websites that jieba's general dictionary lacks or cuts apart.
    private static readonly string[] Vocabulary =
    [
        "集约化", "网站标识码", "依申请公开", "政府信息公开", "主动公开", "政务服务", "一网通办", "全程网办",
        "办事指南", "领导信箱", "互动交流", "意见征集", "在线访谈", "网上调查", "政务公开", "政策解读",
        "通知公告", "人事任免", "规划计划", "规范性文件", "我为政府网站找错", "政务新媒体", "单项否决",
        "最低生活保障", "城乡居民", "养老保险", "医疗保险", "不动产登记", "营商环境", "放管服",
        "市场监督管理局", "人力资源和社会保障局", "退役军人事务局", "生态环境局", "住房和城乡建设局",
    ];

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private static JiebaSegmenter Create()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        var segmenter = new JiebaSegmenter();
        // AddWord changes jieba's shared dictionary: done once, before any other thread can cut.
        foreach (var word in Vocabulary)
        {
            segmenter.AddWord(word);
        }
        return segmenter;
    }

    /// <summary>The words of a text in order, with the HMM for words the dictionary lacks.</summary>
    public static IReadOnlyList<string> Cut(string text) =>
        string.IsNullOrEmpty(text) ? [] : [.. Segmenter.Value.Cut(text, cutAll: false, hmm: true)];

    /// <summary>Where each word of the text stands; the spans cover the text without gaps.</summary>
    public static List<WordSpan> Spans(string text)
    {
        var spans = new List<WordSpan>();
        if (string.IsNullOrEmpty(text))
        {
            return spans;
        }
        var position = 0;
        foreach (var word in Segmenter.Value.Cut(text, cutAll: false, hmm: true))
        {
            spans.Add(new WordSpan(position, word.Length));
            position += word.Length;
        }
        return spans;
    }

    /// <summary>Words as the dictionary alone cuts them (no HMM guesses): unknown characters stand alone.</summary>
    public static List<WordSpan> DictionarySpans(string text)
    {
        var spans = new List<WordSpan>();
        if (string.IsNullOrEmpty(text))
        {
            return spans;
        }
        var position = 0;
        foreach (var word in Segmenter.Value.Cut(text, cutAll: false, hmm: false))
        {
            spans.Add(new WordSpan(position, word.Length));
            position += word.Length;
        }
        return spans;
    }

    /// <summary>
    /// True when [start, start+length) begins and ends on word boundaries of the text, so that
    /// the span is made of whole words and is not the beginning or end of a longer word.
    /// </summary>
    public static bool IsWholeWords(string text, int start, int length)
    {
        var end = start + length;
        bool startOk = start == 0, endOk = end == text.Length;
        foreach (var span in Spans(text))
        {
            startOk |= span.Start == start;
            endOk |= span.End == end;
            if (span.Start > end)
            {
                break;
            }
        }
        return startOk && endOk;
    }
}
