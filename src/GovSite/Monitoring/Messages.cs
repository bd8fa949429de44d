using System.Text.RegularExpressions;

namespace GovSite.Monitoring;

/// <summary>A message (留言/来信) on an interaction column, as its list row or page shows it.</summary>
public sealed record MessageFacts(DateOnly? Posted, DateOnly? Replied, string? Status)
{
    /// <summary>A detail page showed a reply with content (回复内容 …), whatever its date.</summary>
    public bool ReplyShown { get; init; }

    public bool Invalid => Status is not null && Messages.InvalidWords.Any(w => Status.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// Answered: a reply is shown or dated, or the status says so. 办理中, 已受理 and 已转办 are
    /// not answers (domain.md).
    /// </summary>
    public bool Answered => ReplyShown || Replied is not null
        || (Status is not null && !Messages.PendingWords.Any(w => Status.Contains(w, StringComparison.Ordinal))
            && Messages.AnsweredWords.Any(w => Status.Contains(w, StringComparison.Ordinal)));

    /// <summary>
    /// Veto item 5: a valid message received within the year before the check date and still
    /// unanswered after more than <paramref name="unansweredDays"/> days (3 months). A message
    /// answered late is answered: a deduction (<see cref="AnsweredLate"/>), not a veto.
    /// </summary>
    public bool Unresponsive(DateOnly asOf, int unansweredDays = 92)
    {
        if (Posted is not { } posted || Invalid || posted < asOf.AddYears(-1) || posted > asOf)
        {
            return false;
        }
        return !Answered && asOf.DayNumber - posted.DayNumber > unansweredDays;
    }

    /// <summary>Answered, but more than <paramref name="unansweredDays"/> days after it was received.</summary>
    public bool AnsweredLate(DateOnly asOf, int unansweredDays = 92) =>
        Posted is { } posted && Replied is { } replied && !Invalid && posted >= asOf.AddYears(-1) && replied.DayNumber - posted.DayNumber > unansweredDays;

    /// <summary>What the detail page adds to what the list row said.</summary>
    public MessageFacts Merge(MessageFacts? detail) => detail is null ? this : new MessageFacts(
        detail.Posted ?? Posted, detail.Replied ?? Replied, detail.Status ?? Status) { ReplyShown = ReplyShown || detail.ReplyShown };
}

/// <summary>Reads messages from list rows (来信时间/回复时间/状态) and from message pages (来信 and 回复 blocks).</summary>
public static partial class Messages
{
    internal static readonly string[] PendingWords = ["未", "待", "办理中", "处理中", "正在", "受理中", "已受理", "转办", "交办", "审核中", "核实中", "调查中"];
    internal static readonly string[] AnsweredWords = ["已回复", "已答复", "已办结", "办结", "已处理", "已反馈", "已完成", "已回应", "已解决", "完成", "答复", "回复"];
    internal static readonly string[] InvalidWords = ["无效", "不予受理", "重复", "不属于", "不予处理", "已撤回", "撤销"];

    private static readonly string[] PostedLabels = ["来信时间", "来信日期", "留言时间", "留言日期", "提问时间", "咨询时间", "写信时间", "提交时间", "发信时间", "信件时间", "投诉时间", "诉求时间", "发布时间", "提出时间", "登记时间"];
    private static readonly string[] RepliedLabels = ["答复时间", "答复日期", "回复时间", "回复日期", "办结时间", "办结日期", "反馈时间", "处理时间", "回应时间"];
    private static readonly string[] StatusLabels = ["办理状态", "处理状态", "回复状态", "答复状态", "信件状态", "状态", "办理情况"];
    private static readonly string[] ReplyLabels = ["回复内容", "答复内容", "回复意见", "答复意见", "办理结果", "处理结果", "部门回复", "回复", "答复", "办理意见", "处理意见", "回复单位", "答复单位"];
    private static readonly string[] AllLabels = [.. PostedLabels, .. RepliedLabels, .. StatusLabels, .. ReplyLabels, "来信内容", "留言内容", "信件内容", "来信人", "留言人", "标题", "信件标题", "主题", "来信标题"];

    /// <summary>A message page; null when it shows no date of posting (then it is not a message).</summary>
    public static MessageFacts? Read(PageReader page, DateOnly asOf)
    {
        var nodes = page.TextNodes(withChrome: false);
        var posted = DateOf(page, nodes, PostedLabels, asOf);
        if (posted is null)
        {
            return null;
        }
        var replied = DateOf(page, nodes, RepliedLabels, asOf);
        var status = LabelledText.Find(page, nodes, StatusLabels, AllLabels) is { Length: > 0 and <= 12 } s ? s : null;
        var reply = LabelledText.Find(page, nodes, ReplyLabels, AllLabels);
        var shown = reply is { Length: > 0 } text && !NoReplyYet().IsMatch(text) && !(status is not null && PendingWords.Any(w => status.Contains(w, StringComparison.Ordinal)));
        return new MessageFacts(posted, replied, status) { ReplyShown = shown };
    }

    private static DateOnly? DateOf(PageReader page, List<string> nodes, string[] labels, DateOnly asOf) =>
        LabelledText.Find(page, nodes, labels, AllLabels) is { Length: > 0 } v ? DateFinder.First(v, asOf) : null;

    /// <summary>
    /// The rows of a message list with their facts: a table whose header names the posting date,
    /// reply date and status columns, or list entries that show a status word and a date.
    /// </summary>
    public static List<(Uri? Url, MessageFacts Facts)> Rows(PageReader page, DateOnly asOf)
    {
        var rows = new List<(Uri?, MessageFacts)>();
        foreach (var table in page.Document.QuerySelectorAll("table"))
        {
            var trs = table.QuerySelectorAll("tr").Where(tr => tr.Closest("table") == table).ToList();
            int posted = -1, replied = -1, status = -1, header = -1;
            for (var r = 0; r < trs.Count && header < 0; r++)
            {
                var cells = trs[r].Children.Where(c => c.LocalName is "th" or "td").Select(c => LabelledText.Normalise(c.TextContent)).ToList();
                posted = cells.FindIndex(c => PostedLabels.Contains(c) || c is "时间" or "日期" or "来信" or "留言日期");
                replied = cells.FindIndex(c => RepliedLabels.Contains(c));
                status = cells.FindIndex(c => StatusLabels.Contains(c));
                if (posted >= 0 && (replied >= 0 || status >= 0))
                {
                    header = r;
                }
            }
            if (header < 0)
            {
                continue;
            }
            foreach (var tr in trs.Skip(header + 1))
            {
                var cells = tr.Children.Where(c => c.LocalName is "th" or "td").ToList();
                if (cells.Count <= Math.Max(posted, Math.Max(replied, status)))
                {
                    continue;
                }
                var p = DateFinder.First(cells[posted].TextContent, asOf);
                if (p is null)
                {
                    continue;
                }
                var rep = replied >= 0 ? DateFinder.First(cells[replied].TextContent, asOf) : null;
                // Hanweb and old guestbooks show the status as an image: its alt text is the status.
                var st = status >= 0 ? PageReader.Clean(PageReader.TextWithAlts(cells[status])) : null;
                var link = tr.QuerySelector("a[href]") is { } a ? page.Resolve(a.GetAttribute("href")) : null;
                rows.Add((link, new MessageFacts(p, rep, st is { Length: > 0 } ? st : null)));
            }
        }
        if (rows.Count > 0)
        {
            return rows;
        }
        foreach (var li in page.Document.QuerySelectorAll("li, dl, .item, .list-item"))
        {
            if (li.QuerySelectorAll("li, dl").Length > 0 || li.QuerySelector("a[href]") is not { } a || PageReader.IsChrome(li))
            {
                continue;
            }
            var text = PageReader.TextWithAlts(li);
            var st = StatusWord().Match(text) is { Success: true } m ? m.Value : null;
            if (st is null)
            {
                continue;
            }
            var dates = DateFinder.InText(text, asOf).ToList();
            if (dates.Count == 0)
            {
                continue;
            }
            var repliedAt = dates.Count > 1 ? dates[1] : (DateOnly?)null;
            rows.Add((page.Resolve(a.GetAttribute("href")), new MessageFacts(dates[0], repliedAt, st)));
        }
        return rows;
    }

    [GeneratedRegex(@"暂无|暂未|尚未|未回复|未答复|待回复|待答复|正在办理|正在处理|办理中|处理中")]
    private static partial Regex NoReplyYet();

    [GeneratedRegex(@"已办结|已回复|已答复|已处理|已反馈|已完成|未回复|未答复|未办结|待回复|待答复|待处理|待办理|办理中|处理中|正在办理|已受理|受理中|已转办|转办中|无效|不予受理|重复")]
    private static partial Regex StatusWord();
}
