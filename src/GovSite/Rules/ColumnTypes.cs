namespace GovSite.Rules;

/// <summary>Column types read from column names, and when each type is stale (domain.md, column-type table).</summary>
public static class ColumnTypes
{
    // Order matters: the first keyword found wins, so 政策解读 is interpretation before 政策 is policy.
    private static readonly (string Keyword, string Type)[] Keywords =
    [
        ("解读", "interpretation"), ("回应", "interpretation"),
        // 政府信息公开指南 and 依申请公开 belong to disclosure, 政府信息公开意见箱 to interaction.
        ("意见箱", "interaction"), ("信息公开", "disclosure"), ("依申请公开", "disclosure"),
        ("要闻", "news"), ("动态", "news"), ("新闻", "news"), ("资讯", "news"), ("政务信息", "news"), ("工作信息", "news"), ("快讯", "news"),
        ("通知公告", "notice"), ("公示公告", "notice"), ("公告", "notice"), ("公示", "notice"), ("通知", "notice"), ("通告", "notice"),
        ("政策文件", "policy"), ("规范性文件", "policy"), ("政府文件", "policy"), ("文件", "policy"), ("法规", "policy"), ("政策", "policy"),
        ("人事", "personnel"), ("任免", "personnel"), ("招录", "personnel"), ("招聘", "personnel"),
        ("规划", "planning"), ("计划", "planning"),
        ("信箱", "interaction"), ("留言", "interaction"), ("信访", "interaction"), ("咨询", "interaction"), ("互动", "interaction"), ("投诉", "interaction"),
        ("征集", "interaction"), ("访谈", "interaction"), ("调查", "interaction"), ("问答", "interaction"),
        ("办事", "service"), ("服务", "service"), ("指南", "service"),
        ("概况", "overview"), ("简介", "overview"), ("职能", "overview"), ("领导", "overview"), ("机构", "overview"), ("走进", "overview"),
        ("公开", "disclosure"),
        ("专题", "topic"), ("专栏", "topic"),
    ];

    public static string FromName(string name)
    {
        foreach (var (keyword, type) in Keywords)
        {
            if (name.Contains(keyword, StringComparison.Ordinal))
            {
                // "领导信箱" is interaction, not overview: 信箱 is checked before 领导.
                return type;
            }
        }
        return "other";
    }

    // Link texts that name a way to write to the government, wherever it is hosted (many
    // department sites link to the region's one interaction platform).
    private static readonly string[] ChannelWords = ["信箱", "留言", "咨询", "互动", "投诉", "建言", "信访", "12345", "问政", "诉求"];

    // Link texts that name services: the site's own guides or the region's service platform.
    private static readonly string[] ServiceWords = ["办事", "政务服务", "服务大厅", "网上办", "一网通办", "便民服务", "我要办"];

    // An entry is a short name; a longer text is a headline that mentions the word ("…政务服务工作推进会").
    private const int MaxEntryLength = 10;

    public static bool NamesChannel(string text) => text.Length <= MaxEntryLength && ChannelWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    // 国家政务服务平台 sits in every portal's friend links: it is the nation's, not this government's services.
    public static bool NamesService(string text) =>
        text.Length <= MaxEntryLength && !text.StartsWith("国家", StringComparison.Ordinal) && ServiceWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>Days after which a column of this type is stale; null when its date does not matter.</summary>
    public static int? StaleAfterDays(string type) => type switch
    {
        "news" => 14,
        "notice" or "policy" => 183,
        "personnel" or "planning" => 365,
        _ => null,
    };

    /// <summary>Types whose staleness counts toward "5 or more stale among news, notice and policy".</summary>
    public static bool IsKeyType(string type) => type is "news" or "notice" or "policy";
}
