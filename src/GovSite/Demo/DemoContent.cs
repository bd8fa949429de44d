using System.Globalization;
using System.Net;
using System.Text;
using GovSite.Publishing;

namespace GovSite.Demo;

/// <summary>One article the demo will write, before it has an id.</summary>
public sealed class PlannedArticle
{
    public required string SiteCode { get; init; }

    /// <summary>Column names from the top of the tree, joined by '/': "办事服务/办事指南".</summary>
    public required string ColumnPath { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }

    /// <summary>China local time.</summary>
    public required DateTime PublishedLocal { get; init; }
    public string? Source { get; init; }
    public string? Keywords { get; init; }
    public PolicyMeta? Policy { get; init; }
    public PlannedArticle? Interprets { get; init; }
}

public sealed record PolicyMeta(string IndexNumber, string Issuer, string DocNumber, DateOnly WrittenDate,
    string SubjectCategory, PolicyValidity Validity);

/// <summary>What kind of text a column gets; the generator has one writer per kind.</summary>
public enum DemoKind
{
    News,
    Notice,
    Policy,
    Personnel,
    Planning,
    Guide,
    Letter,
    Overview,
    Disclosure,
    Fixed,
}

/// <param name="LatestDaysAgo">How many days before today the newest item is published: this sets the column's freshness.</param>
public sealed record ColumnPlan(string Path, DemoKind Kind, int LatestDaysAgo, int Count);

/// <param name="Name">Short subject used in titles: "优化营商环境".</param>
/// <param name="Goal">Purpose clause: "持续激发经营主体活力".</param>
/// <param name="Spot">What a visiting official looks at.</param>
/// <param name="Measures">Verb phrases usable both as meeting requirements and as numbered policy measures.</param>
/// <param name="Progress">Sentences with {p} (percent), {k} (count), {s} (small count) and {y} (亿元) slots.</param>
public sealed record Topic(string Name, string Category, string Goal, string Spot, string[] Measures, string[] Progress);

/// <param name="Title">Full title as issued.</param>
/// <param name="DocName">The document's own name, used in interpretation titles.</param>
/// <param name="Kind">文号 prefix, e.g. 江政发.</param>
/// <param name="Issuer">发文机关 when it is not the profile's usual issuer (e.g. the general office).</param>
public sealed record PolicySpec(string Title, string DocName, string Kind, int Topic, PolicyValidity Validity = PolicyValidity.Valid,
    bool Interpreted = true, string? Issuer = null);

/// <summary>A 办事指南. A null element is left out of the guide on purpose (monitoring must catch it).</summary>
public sealed record GuideSpec(string Name, string? Basis, string? Conditions, string? Materials, string? Place, string? Agency,
    string? Fee, string? Hours, string? Phone, string? Process);

public sealed record LetterSpec(string Title, string Question, string Answer);

public sealed record FixedSpec(string Path, string Title, string[] Paragraphs, int DaysAgo);

/// <summary>Everything the generator needs to write one site's content.</summary>
public sealed class DemoProfile
{
    public required string SiteCode { get; init; }

    /// <summary>The organisation that signs notices and is the content source.</summary>
    public required string Org { get; init; }

    /// <summary>Who holds meetings in news: 省政府, 省发展改革委, 县政府.</summary>
    public required string Speaker { get; init; }
    public required string Leader { get; init; }

    /// <summary>The area the site speaks for: 全省, 全县.</summary>
    public required string Area { get; init; }
    public required string AreaName { get; init; }
    public required string Issuer { get; init; }
    public required string IndexPrefix { get; init; }
    public required string Addressee { get; init; }
    public required string ContactPhone { get; init; }
    public string Address { get; init; } = "";
    public required string[] Places { get; init; }
    public required Topic[] Topics { get; init; }
    public required PolicySpec[] Policies { get; init; }
    public required string[] Posts { get; init; }
    public required string[] Plans { get; init; }
    public required string[] Projects { get; init; }
    public required string[] Publicity { get; init; }
    public required string[] Calls { get; init; }
    public required FixedSpec[] Overview { get; init; }
    public required GuideSpec[] Guides { get; init; }
    public required LetterSpec[] Letters { get; init; }
    public FixedSpec[] Fixed { get; init; } = [];
    public required ColumnPlan[] Columns { get; init; }

    /// <summary>The interpretation column's path; interpretations follow the policies.</summary>
    public string InterpretationColumn { get; init; } = "政策解读";
}

/// <summary>
/// Writes the demo text from composable templates. Everything is drawn from one seeded Random
/// in a fixed order, so the same "now" always yields the same articles.
/// </summary>
public static class DemoContent
{
    /// <summary>Content older than this is not generated: the demo covers two years.</summary>
    public const int OldestDaysAgo = 720;

    public static List<PlannedArticle> Plan(IEnumerable<DemoProfile> profiles, DateTime nowLocal, Random random)
    {
        var all = new List<PlannedArticle>();
        foreach (var profile in profiles)
        {
            all.AddRange(new SiteWriter(profile, nowLocal, random).Write());
        }
        // Oldest first, so ids grow with time as they would on a real site; policies precede their interpretations.
        return [.. all.OrderBy(a => a.PublishedLocal)];
    }

    private sealed class SiteWriter(DemoProfile p, DateTime nowLocal, Random random)
    {
        private readonly DateTime _today = nowLocal.Date;
        private readonly List<PlannedArticle> _out = [];
        private readonly Dictionary<int, int> _indexSerials = [];
        private readonly Dictionary<(string Kind, int Year), int> _docSerials = [];
        private int _topicCursor;
        private int _letterCursor;
        private int _projectCursor;
        private int _publicityCursor;
        private int _callCursor;

        public List<PlannedArticle> Write()
        {
            foreach (var column in p.Columns)
            {
                switch (column.Kind)
                {
                    case DemoKind.News: News(column); break;
                    case DemoKind.Notice: Notices(column); break;
                    case DemoKind.Policy: Policies(column); break;
                    case DemoKind.Personnel: Personnel(column); break;
                    case DemoKind.Planning: Planning(column); break;
                    case DemoKind.Guide: Guides(column); break;
                    case DemoKind.Letter: Letters(column); break;
                    case DemoKind.Overview: Overview(column); break;
                    case DemoKind.Disclosure: Disclosure(column); break;
                    case DemoKind.Fixed: break;
                    default: throw new InvalidOperationException($"Unknown demo kind {column.Kind}");
                }
            }
            foreach (var f in p.Fixed)
            {
                Add(f.Path, Fill(f.Title), f.Paragraphs.Select(Fill), At(f.DaysAgo));
            }
            return _out;
        }

        /// <summary>A news shape: who speaks in the requirement paragraphs and how it closes depend on the kind of event.</summary>
        private sealed record NewsTemplate(string Title, string Opening, string Middle, string[] Asks, string[] Closings);

        private static readonly string[] MeetingAsks = ["会议要求，", "会议强调，", "同时，要", "此外，要"];

        private static readonly string[] MeetingClosings =
        [
            "有关单位负责同志参加会议。",
            "与会同志表示，将按照会议部署，抓好贯彻落实，以实际成效回应群众期盼。",
            "下一步，{s}将持续跟踪任务进展，定期调度通报，推动各项部署落地见效。",
        ];

        private static readonly NewsTemplate[] NewsTemplates =
        [
            new("{s}召开{t}工作推进会", "{d}，{s}召开{t}工作推进会，总结前一阶段工作，分析当前形势，部署下一步重点任务。{l}出席会议并讲话。",
                "会议指出，", MeetingAsks, MeetingClosings),
            new("{l}赴{x}调研{t}工作", "{d}，{l}赴{x}调研{t}工作，实地察看{spot}，与基层干部群众座谈交流，听取意见建议。",
                "调研中了解到，", ["{l}强调，", "{l}要求，", "同时，要", "此外，要"], ["{s}有关负责同志陪同调研。"]),
            new("{a}{t}工作取得阶段性成效", "今年以来，{a}围绕{g}，扎实推进{t}各项工作，重点任务进展顺利，取得阶段性成效。",
                "据统计，", ["下一步，{a}将", "同时，将", "此外，还将", "还将"], ["{a}将对照年度目标任务，逐项抓好落实，确保全年目标如期完成。"]),
            new("{s}专题研究部署{t}重点任务", "{d}，{s}召开专题会议，听取{t}工作情况汇报，研究部署下一阶段重点任务。",
                "会议认为，", MeetingAsks, MeetingClosings),
            new("{a}{t}现场观摩会在{x}召开", "{d}，{a}{t}现场观摩会在{x}召开。与会人员实地观摩了{spot}，交流经验做法。",
                "观摩中大家看到，", MeetingAsks, MeetingClosings),
            new("{s}开展{t}专项督导", "近日，{s}组成{s2}个督导组，分赴各地开展{t}专项督导，采取查阅资料、实地察看、个别访谈等方式了解工作落实情况。",
                "督导发现，", ["督导组要求，", "督导组强调，", "同时，要", "此外，要"],
                ["对督导发现的问题，{s}已建立清单，逐项交办，限期整改。"]),
            new("{s}召开{t}工作座谈会", "{d}，{s}召开{t}工作座谈会，邀请基层单位、企业和群众代表面对面听取意见建议。",
                "座谈中，与会代表介绍，", MeetingAsks, MeetingClosings),
        ];

        private static readonly string[] PlanGoals =
        [
            "体制机制更加完善", "群众获得感和满意度明显提升", "主要指标保持全省前列", "重点领域改革取得突破性进展",
        ];

        private void News(ColumnPlan column)
        {
            var combos = p.Topics.SelectMany((_, t) => NewsTemplates.Select((_, n) => (t, n))).ToArray();
            random.Shuffle(combos);
            var dates = Dates(column);
            for (var i = 0; i < dates.Count; i++)
            {
                var (t, n) = combos[i % combos.Length];
                var topic = p.Topics[t];
                var template = NewsTemplates[n];
                var place = Pick(p.Places);
                // {s} is the speaker here; {s2} becomes Fill's small-number slot once the speaker is in.
                string Apply(string s) => Fill(s.Replace("{spot}", topic.Spot).Replace("{s}", p.Speaker)
                    .Replace("{l}", p.Leader).Replace("{a}", p.AreaName).Replace("{t}", topic.Name).Replace("{g}", topic.Goal)
                    .Replace("{x}", place).Replace("{d}", MonthDay(dates[i])).Replace("{s2}", "{s}"));
                var paragraphs = new List<string> { Apply(template.Opening), Apply(template.Middle) + Fill(Pick(topic.Progress)) };
                var measures = Take(topic.Measures, random.Next(2, 5));
                for (var m = 0; m < measures.Count; m++)
                {
                    paragraphs.Add(Apply(template.Asks[Math.Min(m, template.Asks.Length - 1)]) + measures[m] + "。");
                }
                paragraphs.Add(Apply(Pick(template.Closings)));
                Add(column.Path, Apply(template.Title), paragraphs, dates[i], topic.Name);
            }
        }

        private void Notices(ColumnPlan column)
        {
            var dates = Dates(column);
            var kinds = new[] { 0, 1, 2, 3, 4 };
            random.Shuffle(kinds);
            for (var i = 0; i < dates.Count; i++)
            {
                var date = dates[i];
                var (title, paragraphs) = kinds[i % kinds.Length] switch
                {
                    0 => Holiday(date),
                    1 => Tender(date, result: false),
                    2 => Tender(date, result: true),
                    3 => PublicityNotice(date),
                    _ => Call(date),
                };
                Add(column.Path, title, paragraphs, date);
            }
        }

        private (string, List<string>) Holiday(DateTime date)
        {
            var (year, holiday) = date.Month switch
            {
                12 or 11 or 10 => (date.Year + 1, "元旦"),
                1 => (date.Year, "春节"),
                2 or 3 => (date.Year, "清明节"),
                4 => (date.Year, "劳动节"),
                5 or 6 => (date.Year, "端午节"),
                7 or 8 => (date.Year, "中秋节"),
                _ => (date.Year, "国庆节"),
            };
            return ($"{p.Org}关于{year}年{holiday}期间有关工作安排的通知",
            [
                p.Addressee,
                $"{year}年{holiday}即将到来。根据国务院办公厅关于部分节假日安排的通知精神，结合工作实际，现就节日期间有关工作通知如下：",
                $"一、{holiday}放假调休时间按照国务院办公厅通知执行，各单位要提前安排好节前节后工作衔接，确保工作不断档。",
                "二、严格落实领导干部带班和工作人员值班制度，保持通信畅通，遇有重大突发事件要按规定第一时间报告并妥善处置。",
                "三、节前要组织开展安全检查，重点做好消防、用电、信息系统和网站运行安全工作，及时消除隐患。",
                "四、严格落实中央八项规定及其实施细则精神，坚决防止节日期间“四风”问题反弹。",
                $"{p.Org}　{ChineseDate(date)}",
            ]);
        }

        private (string, List<string>) Tender(DateTime date, bool result)
        {
            var project = p.Projects[_projectCursor++ % p.Projects.Length];
            var number = $"JC{date:yyyy}-{random.Next(100, 999)}";
            var budget = random.Next(3_000, 60_000) / 100m;
            if (result)
            {
                return ($"{project}中标（成交）结果公告",
                [
                    $"一、项目编号：{number}",
                    $"二、项目名称：{project}",
                    $"三、中标（成交）信息：供应商名称为{Pick(Suppliers)}，中标（成交）金额为{budget.ToString("0.00", CultureInfo.InvariantCulture)}万元。",
                    "四、公告期限：自本公告发布之日起1个工作日。",
                    $"五、其他补充事宜：各有关当事人对中标（成交）结果有异议的，可在公告期限届满之日起7个工作日内以书面形式向采购人提出质疑。采购人：{p.Org}，联系电话：{p.ContactPhone}。",
                ]);
            }
            return ($"{project}公开招标公告",
            [
                $"项目概况：{project}的潜在投标人应在江川省公共资源交易平台获取招标文件，并于{ChineseDate(date.AddDays(21))}9点30分（北京时间）前递交投标文件。",
                $"一、项目基本情况。项目编号：{number}；预算金额：{budget.ToString("0.00", CultureInfo.InvariantCulture)}万元；合同履行期限：自合同签订之日起12个月。本项目不接受联合体投标。",
                "二、申请人的资格要求。满足《中华人民共和国政府采购法》第二十二条规定；未被列入失信被执行人、重大税收违法失信主体和政府采购严重违法失信行为记录名单。",
                $"三、获取招标文件。时间：{ChineseDate(date.AddDays(1))}至{ChineseDate(date.AddDays(8))}，每天上午9:00至12:00，下午14:30至17:30（法定节假日除外）；方式：在江川省公共资源交易平台免费下载。",
                $"四、凡对本次招标提出询问，请与采购人联系。采购人：{p.Org}；联系电话：{p.ContactPhone}。",
            ]);
        }

        private (string, List<string>) PublicityNotice(DateTime date)
        {
            var subject = p.Publicity[_publicityCursor++ % p.Publicity.Length].Replace("{Y}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return ($"关于{subject}的公示",
            [
                $"根据有关工作安排，经单位申报、地方推荐、专家评审和{p.Org}审核，形成{subject}，现予以公示。",
                $"公示时间为{ChineseDate(date)}至{ChineseDate(date.AddDays(7))}。公示期间，任何单位和个人对公示对象有异议的，可以书面形式向{p.Org}反映。",
                "以单位名义反映情况的应加盖公章，以个人名义反映情况的应签署真实姓名并提供联系方式。我们将对反映人信息严格保密。",
                $"联系电话：{p.ContactPhone}",
                $"附件：{subject}{(subject.EndsWith("名单", StringComparison.Ordinal) || subject.EndsWith("结果", StringComparison.Ordinal) ? "" : "名单")}（共{random.Next(12, 80)}项）",
            ]);
        }

        private (string, List<string>) Call(DateTime date)
        {
            var subject = p.Calls[_callCursor++ % p.Calls.Length].Replace("{Y}", (date.Year + (date.Month >= 10 ? 1 : 0)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var topic = Pick(p.Topics);
            return ($"{p.Org}关于组织开展{subject}申报工作的通知",
            [
                p.Addressee,
                $"为{topic.Goal}，现就组织开展{subject}申报工作有关事项通知如下：",
                "一、申报范围。在本行政区域内依法登记注册、具有独立法人资格、运营管理规范、近三年无严重失信记录的单位均可申报。",
                "二、申报材料。申报单位应如实填写申报书，并提供法人登记证书、项目实施方案、上年度财务报表等材料，对材料真实性负责。",
                $"三、申报时间。请于{ChineseDate(date.AddDays(30))}前通过江川省政务服务网“项目申报”栏目在线提交，逾期不予受理。",
                $"四、联系方式。{p.Org}，联系电话：{p.ContactPhone}。",
            ]);
        }

        private void Policies(ColumnPlan column)
        {
            var dates = Dates(column, Math.Min(column.Count, p.Policies.Length));
            // Oldest first, so 文号 and 索引号 serials grow with time as a registry issues them.
            for (var i = dates.Count - 1; i >= 0; i--)
            {
                var spec = p.Policies[i];
                var topic = p.Topics[spec.Topic];
                var published = dates[i];
                var written = DateOnly.FromDateTime(published.AddDays(-random.Next(3, 15)));
                var year = written.Year;
                var docSerial = _docSerials[(spec.Kind, year)] = _docSerials.GetValueOrDefault((spec.Kind, year)) + random.Next(1, 9);
                var docNumber = $"{spec.Kind}〔{year}〕{docSerial}号";
                var indexSerial = _indexSerials[year] = _indexSerials.GetValueOrDefault(year) + random.Next(3, 30);
                var index = $"{p.IndexPrefix}/{year}-{indexSerial:00000}";
                var paragraphs = new List<string>
                {
                    p.Addressee,
                    $"为{topic.Goal}，推动{topic.Name}工作取得新成效，经研究，现就有关事项通知如下：",
                };
                var measures = Take(topic.Measures, Math.Min(topic.Measures.Length, random.Next(3, 6)));
                for (var m = 0; m < measures.Count; m++)
                {
                    paragraphs.Add($"{Numeral(m + 1)}、{measures[m]}。");
                }
                paragraphs.Add(spec.Validity switch
                {
                    PolicyValidity.Valid => $"本文件自印发之日起施行，有效期{random.Next(3, 6)}年。",
                    PolicyValidity.Expired => $"本文件自印发之日起施行，有效期至{ChineseDate(Min(published.AddDays(random.Next(60, 200)), _today.AddDays(-10)))}。",
                    _ => "本文件自印发之日起施行。",
                });
                var meta = new PolicyMeta(index, spec.Issuer ?? p.Issuer, docNumber, written, topic.Category, spec.Validity);
                var policy = Add(column.Path, spec.Title, paragraphs, published, topic.Name, meta);
                if (spec.Interpreted)
                {
                    Interpretation(policy, spec, topic, measures, written);
                }
            }
        }

        private void Interpretation(PlannedArticle policy, PolicySpec spec, Topic topic, List<string> measures, DateOnly written)
        {
            var asInterview = random.Next(2) == 0;
            var issuer = spec.Issuer ?? p.Issuer;
            var title = asInterview ? $"{issuer}有关负责同志就《{spec.DocName}》答记者问" : $"《{spec.DocName}》政策解读";
            var paragraphs = new List<string>
            {
                $"一、出台背景。{Fill(Pick(topic.Progress))}为{topic.Goal}，{issuer}在深入调研、广泛征求意见的基础上，研究制定了《{spec.DocName}》。",
                $"二、主要内容。《{spec.DocName}》共提出{Numeral(measures.Count)}个方面的措施：" +
                    string.Join("；", measures.Select((m, i) => $"{Numeral(i + 1)}是{m}")) + "。",
                $"三、适用范围。本文件适用于{p.AreaName}行政区域内{topic.Name}相关工作，各地各部门应结合实际抓好落实。",
                $"四、施行时间。本文件自{ChineseDate(written.ToDateTime(TimeOnly.MinValue))}起施行，文号为{policy.Policy!.DocNumber}。",
            };
            if (asInterview)
            {
                paragraphs.Insert(0, $"近日，{issuer}印发《{spec.DocName}》。为便于社会公众准确理解文件内容，{issuer}有关负责同志就相关问题回答了记者提问。");
            }
            // Usually the same or the next working day, in office hours; never before the policy or in the future.
            var published = policy.PublishedLocal.Date.AddDays(random.Next(0, 3)).AddMinutes(random.Next(9 * 60, 17 * 60 + 30));
            if (published <= policy.PublishedLocal || published > nowLocal)
            {
                published = policy.PublishedLocal.AddMinutes(30);
            }
            _out.Add(new PlannedArticle
            {
                SiteCode = p.SiteCode,
                ColumnPath = p.InterpretationColumn,
                Title = title,
                Body = Html(paragraphs),
                PublishedLocal = published,
                Source = p.Org,
                Keywords = $"政策解读,{topic.Name}",
                Interprets = policy,
            });
        }

        private void Personnel(ColumnPlan column)
        {
            var dates = Dates(column);
            for (var i = 0; i < dates.Count; i++)
            {
                var posts = Take(p.Posts, 4);
                var names = Enumerable.Range(0, 3).Select(_ => PersonName()).ToArray();
                if (i % 2 == 0)
                {
                    Add(column.Path, $"{p.Issuer}关于{names[0]}等同志职务任免的通知",
                    [
                        p.Addressee,
                        "经研究决定：",
                        $"任命{names[0]}为{posts[0]}（试用期一年）；",
                        $"任命{names[1]}为{posts[1]}；",
                        $"免去{names[2]}的{posts[2]}职务，另有任用。",
                        "特此通知。",
                        $"{p.Issuer}　{ChineseDate(dates[i])}",
                    ], dates[i], "人事任免");
                }
                else
                {
                    Add(column.Path, $"{p.Org}干部任前公示",
                    [
                        "根据《党政领导干部选拔任用工作条例》有关规定，经研究，现将拟任职人选予以公示。",
                        $"{names[0]}，{Pick(["男", "女"])}，汉族，{random.Next(1975, 1990)}年{random.Next(1, 13)}月生，大学学历，现任{posts[2]}，拟任{posts[0]}。",
                        $"{names[1]}，{Pick(["男", "女"])}，汉族，{random.Next(1978, 1992)}年{random.Next(1, 13)}月生，研究生学历，现任{posts[3]}，拟任{posts[1]}。",
                        $"公示时间：{ChineseDate(dates[i])}至{ChineseDate(dates[i].AddDays(7))}（5个工作日）。",
                        $"公示期间，个人和单位可通过来信、来电、来访等方式反映公示对象的有关情况和问题。联系电话：{p.ContactPhone}。",
                    ], dates[i], "任前公示");
                }
            }
        }

        private void Planning(ColumnPlan column)
        {
            var dates = Dates(column);
            for (var i = 0; i < dates.Count; i++)
            {
                var topic = p.Topics[(_topicCursor++) % p.Topics.Length];
                var year = dates[i].Year;
                var title = p.Plans[i % p.Plans.Length].Replace("{Y}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{Y2}", (year + 2).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{t}", topic.Name, StringComparison.Ordinal);
                var paragraphs = new List<string>
                {
                    $"{year}年是推进{topic.Name}的关键一年。为{topic.Goal}，结合{p.AreaName}实际，制定本{(title.Contains("方案", StringComparison.Ordinal) ? "方案" : "计划")}。",
                    $"一、工作基础和目标。{Fill(Pick(topic.Progress))}到{year}年底，{topic.Name}重点任务全面完成，{Pick(PlanGoals)}。",
                };
                var measures = Take(topic.Measures, 3);
                paragraphs.Add("二、重点任务。" + string.Join("；", measures.Select((m, n) => $"（{Numeral(n + 1)}）{m}")) + "。");
                paragraphs.Add("三、保障措施。加强组织领导，建立任务清单、责任清单和进度清单，实行按月调度、按季通报；强化要素保障和督促检查，确保各项任务按期完成。");
                Add(column.Path, title, paragraphs, dates[i], topic.Name);
            }
        }

        private void Guides(ColumnPlan column)
        {
            var dates = Dates(column, Math.Min(column.Count, p.Guides.Length));
            for (var i = 0; i < dates.Count; i++)
            {
                var g = p.Guides[i];
                var elements = new (string Label, string? Value)[]
                {
                    ("事项名称", g.Name), ("设定依据", g.Basis), ("申请条件", g.Conditions), ("办理材料", g.Materials),
                    ("办理地点", g.Place), ("办理机构", g.Agency), ("收费标准", g.Fee), ("办理时间", g.Hours),
                    ("联系电话", g.Phone), ("办理流程", g.Process),
                };
                var body = new StringBuilder();
                foreach (var (label, value) in elements.Where(e => e.Value is not null))
                {
                    body.Append("<p><strong>").Append(label).Append("：</strong>").Append(WebUtility.HtmlEncode(value)).Append("</p>");
                }
                _out.Add(new PlannedArticle
                {
                    SiteCode = p.SiteCode,
                    ColumnPath = column.Path,
                    Title = $"{g.Name}办事指南",
                    Body = body.ToString(),
                    PublishedLocal = dates[i],
                    Source = p.Org,
                    Keywords = $"办事指南,{g.Name}",
                });
            }
        }

        private void Letters(ColumnPlan column)
        {
            var dates = Dates(column, Math.Min(column.Count, p.Letters.Length));
            for (var i = 0; i < dates.Count; i++)
            {
                var letter = p.Letters[(_letterCursor++) % p.Letters.Length];
                var asked = dates[i].AddDays(-random.Next(3, 8));
                Add(column.Path, letter.Title,
                [
                    $"来信时间：{ChineseDate(asked)}",
                    $"来信内容：{letter.Question}",
                    $"答复内容：{letter.Answer}",
                    $"答复单位：{p.Org}",
                    $"答复时间：{ChineseDate(dates[i])}",
                ], dates[i], "信件选登");
            }
        }

        private void Overview(ColumnPlan column)
        {
            foreach (var f in p.Overview.Take(column.Count))
            {
                Add(column.Path, f.Title, f.Paragraphs.Select(Fill), At(column.LatestDaysAgo + f.DaysAgo), "机构概况");
            }
        }

        /// <summary>The five disclosure columns every department site has (政府信息公开条例).</summary>
        private void Disclosure(ColumnPlan column)
        {
            var root = column.Path;
            Add(root, $"{p.Org}政府信息公开工作机构及联系方式",
            [
                $"{p.Org}办公室是本机关政府信息公开工作机构，负责本机关政府信息公开的日常工作。",
                $"办公地址：{p.Address}；联系电话：{p.ContactPhone}；受理时间：法定工作日上午9:00—12:00，下午13:30—17:30。",
                "申请人可通过本网站“依申请公开”栏目在线提交申请，也可以信函方式提出申请，信封左下角请注明“政府信息公开申请”字样。",
            ], At(column.LatestDaysAgo + 200), "政府信息公开");
            Add($"{root}/政府信息公开指南", $"{p.Org}政府信息公开指南",
            [
                $"为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
                $"一、主动公开。{p.Org}主动公开的政府信息主要包括机构职能、政策文件、规划计划、人事信息、财政预决算等，通过本网站“政府信息公开”专栏发布，自信息形成或者变更之日起20个工作日内予以公开。",
                "二、依申请公开。公民、法人或者其他组织可以通过网络、信函或当面提交等方式申请获取政府信息。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长答复期限的，延长期限最长不超过20个工作日。",
                "三、收费标准。行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照国家有关规定收取信息处理费。",
                $"四、监督和救济。公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。咨询电话：{p.ContactPhone}。",
            ], At(column.LatestDaysAgo + 260), "政府信息公开");
            Add($"{root}/政府信息公开目录", $"{p.Org}政府信息公开目录编制说明",
            [
                $"{p.Org}政府信息公开目录按照主题分类和组配分类编排，每条信息标注索引号、发布机构、发文日期、文号和有效性。",
                $"索引号由机构代码、年份和流水号组成，例如“{p.IndexPrefix}/{_today.Year}-00001”。",
                "本目录实行动态更新，新增信息自形成之日起20个工作日内编入目录。公众可按主题、机构和年份检索目录内容。",
            ], At(column.LatestDaysAgo + 40), "政府信息公开目录");
            var reportYear = _today.Month == 1 && _today.Day <= 25 ? _today.Year - 2 : _today.Year - 1;
            foreach (var year in new[] { reportYear, reportYear - 1 })
            {
                var published = new DateTime(year + 1, 1, random.Next(15, 26), random.Next(9, 17), random.Next(0, 60), 0);
                Add($"{root}/政府信息公开年度报告", $"{p.Org}{year}年政府信息公开工作年度报告",
                [
                    $"本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室有关要求编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
                    $"一、总体情况。{year}年，{p.Org}坚持以公开为常态、不公开为例外，全年主动公开政府信息{random.Next(300, 1200)}条，其中政策文件{random.Next(10, 40)}件、政策解读{random.Next(8, 30)}篇。",
                    $"二、依申请公开情况。全年新收政府信息公开申请{random.Next(10, 60)}件，上年结转{random.Next(0, 5)}件，均在法定期限内办结。",
                    $"三、行政复议和行政诉讼情况。全年因政府信息公开工作被申请行政复议{random.Next(0, 3)}件，被提起行政诉讼{random.Next(0, 2)}件，均未被纠错。",
                    "四、存在的主要问题及改进情况。政策解读形式还不够丰富，部分栏目更新频率有待提高。下一步将加强常态化监测，推动公开内容更加及时、准确、实用。",
                ], published, "政府信息公开年度报告");
            }
            Add($"{root}/依申请公开", $"{p.Org}依申请公开政府信息办理流程",
            [
                "一、提出申请。申请人可通过本网站在线申请，或者以信函、当面提交等书面形式提出申请，并提供身份证明、所需信息的名称或文号等内容描述、获取信息的方式。",
                "二、受理与补正。申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正；答复期限自收到补正的申请之日起计算。",
                "三、答复。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。",
                $"四、联系方式。受理机构：{p.Org}办公室；联系电话：{p.ContactPhone}。",
            ], At(column.LatestDaysAgo + 120), "依申请公开");
            Add($"{root}/政府信息公开意见箱", "政府信息公开工作意见建议受理说明",
            [
                $"欢迎社会公众对{p.Org}政府信息公开工作提出意见和建议。",
                "您可以通过本栏目在线留言，也可以来信、来电反映。我们将认真研究每一条意见建议，并在7个工作日内予以回复。",
                "请勿通过本栏目提交政府信息公开申请、信访投诉事项；涉及个人隐私的内容不予公开。",
            ], At(column.LatestDaysAgo + 90), "意见建议");
        }

        private PlannedArticle Add(string path, string title, IEnumerable<string> paragraphs, DateTime publishedLocal,
            string? keywords = null, PolicyMeta? policy = null)
        {
            var article = new PlannedArticle
            {
                SiteCode = p.SiteCode,
                ColumnPath = path,
                Title = title,
                Body = Html(paragraphs),
                PublishedLocal = publishedLocal,
                Source = p.Org,
                Keywords = keywords,
                Policy = policy,
            };
            _out.Add(article);
            return article;
        }

        /// <summary>
        /// Publication times for a column: the newest exactly <see cref="ColumnPlan.LatestDaysAgo"/>
        /// days back, the rest thinning out towards two years back, as on a real site.
        /// </summary>
        private List<DateTime> Dates(ColumnPlan column, int? count = null)
        {
            var n = count ?? column.Count;
            var dates = new List<DateTime>(n);
            if (n == 0)
            {
                return dates;
            }
            dates.Add(At(column.LatestDaysAgo));
            var span = OldestDaysAgo - column.LatestDaysAgo;
            for (var i = 1; i < n; i++)
            {
                var daysAgo = column.LatestDaysAgo + 1 + (int)(span * Math.Pow(random.NextDouble(), 2.0));
                var date = At(daysAgo);
                // Government offices publish on working days; only older items move, so the column's freshness holds.
                date = date.DayOfWeek switch
                {
                    DayOfWeek.Saturday => date.AddDays(-1),
                    DayOfWeek.Sunday => date.AddDays(-2),
                    _ => date,
                };
                dates.Add(date);
            }
            return [.. dates.OrderByDescending(d => d)];
        }

        /// <summary>A working-hours time on the day <paramref name="daysAgo"/> before today (China time).</summary>
        private DateTime At(int daysAgo) => _today.AddDays(-daysAgo).AddMinutes(random.Next(8 * 60 + 30, 18 * 60));

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private List<string> Take(string[] items, int count)
        {
            var copy = items.ToArray();
            random.Shuffle(copy);
            return [.. copy.Take(count)];
        }

        private string PersonName() => $"{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}";

        /// <summary>Replaces {p} (percent), {k} (count), {s} (small count) and {y} (亿元) with plausible numbers.</summary>
        private string Fill(string text)
        {
            var sb = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '{' && i + 2 < text.Length && text[i + 2] == '}')
                {
                    var slot = text[i + 1];
                    var value = slot switch
                    {
                        'p' => (random.Next(30, 260) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
                        'k' => random.Next(12, 480).ToString(CultureInfo.InvariantCulture),
                        'y' => (random.Next(100, 9000) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
                        's' => random.Next(2, 31).ToString(CultureInfo.InvariantCulture),
                        _ => null,
                    };
                    if (value is not null)
                    {
                        sb.Append(value);
                        i += 2;
                        continue;
                    }
                }
                sb.Append(text[i]);
            }
            return sb.ToString();
        }
    }

    private static readonly string[] Suppliers =
    [
        "江川云数科技有限公司", "临江市信达工程咨询有限公司", "江川省华信信息技术有限公司", "云溪市博远网络服务有限公司",
        "江川正和项目管理有限公司",
    ];

    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆孔白崔康邱秦江顾侯邵孟";

    private static readonly string[] GivenNames =
    [
        "建国", "志明", "晓文", "海涛", "立新", "玉兰", "红梅", "永强", "振华", "德伟", "春燕", "俊杰", "丽娟", "学军",
        "庆丰", "思远", "嘉怡", "雨婷", "浩然", "宏亮", "秋菊", "桂芳", "卫东", "晓峰", "文静", "明辉", "少华", "建平",
    ];

    private static string Html(IEnumerable<string> paragraphs)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            sb.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        return sb.ToString();
    }

    private static string MonthDay(DateTime date) => $"{date.Month}月{date.Day}日";

    private static string ChineseDate(DateTime date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string Numeral(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", 10 => "十",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
