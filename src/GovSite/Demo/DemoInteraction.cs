using GovSite.Common;
using System.Globalization;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Demo;

/// <summary>
/// 互动交流 of the demo: every site opens its message channels and holds letters in every state
/// (published with personal data masked, answered, in time, overdue, handed to a department),
/// FAQ entries, and the provincial portal a consultation open and one closed with its feedback
/// summary, a survey with published results and an interview with its transcript. Rows are
/// written as the services write them, with dates in the past so that deadlines have run.
/// </summary>
public static class DemoInteraction
{
    public enum LetterState
    {
        /// <summary>Answered and published in 来信选登 (personal data masked on the page).</summary>
        Published,

        /// <summary>Answered, waiting to be published.</summary>
        Replied,

        /// <summary>Being handled, within its deadline.</summary>
        Handling,

        /// <summary>Being handled, past its deadline.</summary>
        Overdue,

        /// <summary>转办: handed to a department that has not accepted it yet.</summary>
        Transferred,

        /// <summary>转办 accepted by the department, which answered and published it.</summary>
        TransferredAndPublished,
    }

    /// <param name="DaysAgo">Calendar days since the letter arrived.</param>
    /// <param name="To">For a hand-off: the department's site code.</param>
    public sealed record Letter(string SiteCode, ChannelKind Channel, LetterState State, int DaysAgo, string Name, string Phone,
        string Subject, string Text, string? Reply = null, string? To = null, string? Note = null);

    public static IReadOnlyList<Letter> Letters { get; } =
    [
        // 江川省人民政府门户网站
        new(DemoRegion.ProvincialPortalCode, ChannelKind.Suggestion, LetterState.Published, 34, "周海峰", "13907651234",
            "关于临江站夜间开通公交接驳线路的建议",
            "我叫周海峰，经常乘坐晚上十点以后到达临江站的高铁，出站后只能打车或者排队等网约车，冬天在广场上一等就是半个多小时。建议开通一条夜间公交接驳线路，哪怕班次少一些也好。我的电话13907651234，方便的话请回电。",
            "周海峰先生：您好！您的建议已转临江市交通运输局研究办理。临江市已于11月1日起试运行临江站夜间接驳专线（Y1路），每晚22:00至次日0:30从临江站东广场发车，间隔20分钟，途经人民广场、滨江路、市第一人民医院等站点。试运行期间将根据客流调整班次。感谢您对交通工作的关心和支持。"),
        new(DemoRegion.ProvincialPortalCode, ChannelKind.Consultation, LetterState.Replied, 9, "吴桂兰", "13807652876",
            "关于异地就医直接结算备案办理方式的咨询",
            "我母亲退休后随我到外省居住，平时需要在当地医院开药。请问异地长期居住备案可以在网上办吗？备案后门诊费用能不能直接结算？",
            "您好！异地长期居住人员可通过国家医保服务平台App或“江川医保”小程序办理备案，无需提交证明材料，承诺后即时生效。备案后在就医地联网定点医药机构发生的住院和普通门诊费用可直接结算，门诊慢特病以就医地开通情况为准。如有疑问可拨打12393医保服务热线。"),
        new(DemoRegion.ProvincialPortalCode, ChannelKind.Complaint, LetterState.Overdue, 27, "郑凯", "15907653310",
            "反映临江市锦绣花园物业擅自上调地面停车费",
            "锦绣花园物业公司10月份起把地面停车费从每月80元涨到150元，没有召开业主大会，也没有公示收费依据。业主多次找物业协商没有结果，希望有关部门调查处理。"),
        new(DemoRegion.ProvincialPortalCode, ChannelKind.Consultation, LetterState.Handling, 2, "冯雪", "18907654021",
            "关于多子女家庭住房公积金贷款额度的咨询",
            "听说多子女家庭购买首套住房时公积金贷款额度可以上浮，请问我省具体上浮多少？需要提供哪些证明？"),
        new(DemoRegion.ProvincialPortalCode, ChannelKind.LeaderMailbox, LetterState.Transferred, 3, "何志远", "13607659932",
            "关于随迁子女在临江市就读初中的咨询",
            "我在临江市务工五年，已办理居住证并连续缴纳社保，孩子明年小学毕业。请问随迁子女在临江就读公办初中需要什么条件，什么时候报名？",
            To: DemoRegion.EducationCode, Note: "属省教育厅职责，请按期答复来信人。"),
        new(DemoRegion.ProvincialPortalCode, ChannelKind.Consultation, LetterState.TransferredAndPublished, 21, "许丽娟", "13507652219",
            "关于技能提升补贴申领条件的咨询",
            "我今年取得了电工中级职业资格证书，单位一直正常给我缴纳失业保险。请问能申领技能提升补贴吗？在哪里申请？",
            "许丽娟女士：您好！参加失业保险累计缴费满1年、当年取得职业资格证书或职业技能等级证书的企业职工，可在证书核发之日起12个月内申领技能提升补贴，中级工标准为1500元。您可登录“江川人社”网上服务大厅或到参保地社保经办机构申请，补贴直接发放至本人社会保障卡。",
            To: DemoRegion.HumanResourcesCode, Note: "属省人力资源和社会保障厅职责。"),

        // 江川省发展和改革委员会
        new(DemoRegion.DevelopmentReformCode, ChannelKind.LeaderMailbox, LetterState.Published, 40, "陶建军", "13707658845",
            "关于分布式光伏项目备案办理时限的咨询",
            "我是临江市一家纺织企业的负责人陶建军，准备在厂房屋顶建设2兆瓦分布式光伏项目，联系电话13707658845。请问备案需要多长时间，是否需要到现场办理？",
            "陶建军先生：您好！企业投资建设的分布式光伏发电项目实行备案管理，可通过江川省投资项目在线审批监管平台在线填报，项目信息完整的当场予以备案，无需到现场办理。备案后请按规定开展接网申请。"),
        new(DemoRegion.DevelopmentReformCode, ChannelKind.Consultation, LetterState.Replied, 8, "邓晓东", "18607653360",
            "关于居民阶梯电价年度用电量计算周期的咨询",
            "请问我省居民阶梯电价的年度周期是按自然年计算，还是按抄表周期计算？年中换户主后用电量会清零吗？",
            "您好！我省居民生活用电阶梯电价按年度执行，以自然年为周期（1月1日至12月31日）。年中办理过户的，新户主的年度用电量从过户当月起重新累计。"),
        new(DemoRegion.DevelopmentReformCode, ChannelKind.Complaint, LetterState.Overdue, 26, "罗敏", "15007651187",
            "反映清河县某加油站柴油价格高于最高零售价",
            "11月20日我在清河县城北一加油站加0号柴油，价格比当天公布的最高零售价每升高出0.3元，我保留了小票。请予核查。"),
        new(DemoRegion.DevelopmentReformCode, ChannelKind.Consultation, LetterState.Handling, 1, "潘宇", "13307650092",
            "关于民间投资项目申报中央预算内投资的咨询",
            "我公司投资的冷链物流项目是否可以申报中央预算内投资补助？申报时间和条件在哪里可以查到？"),

        // 江川省教育厅
        new(DemoRegion.EducationCode, ChannelKind.LeaderMailbox, LetterState.Published, 31, "钱文静", "13907657702",
            "关于课后服务收费标准的咨询",
            "我是钱文静，孩子在临江市实验小学读三年级，住在滨江路18号3栋2单元。学校课后服务每学期收费600元，请问收费标准是谁定的，能不能自愿参加？",
            "钱文静女士：您好！中小学课后服务遵循家长自愿原则，学生可自主选择是否参加。收费标准由各市价格主管部门会同教育部门按照成本补偿、非营利原则确定，临江市标准为每生每学期不超过600元，家庭经济困难学生免收。如学校存在强制参加的情况，可向临江市教育局反映。"),
        new(DemoRegion.EducationCode, ChannelKind.Consultation, LetterState.Replied, 6, "孔维", "18807651938",
            "关于教师资格认定体检时间的咨询",
            "我已通过中小学教师资格考试面试，请问今年春季教师资格认定的体检在什么时候，需要自己去医院吗？",
            "您好！2027年春季中小学教师资格认定网上申报时间为3月中旬，体检由各认定机构统一组织，具体时间和医院以各市、县教育局发布的公告为准，请勿自行到医院体检。"),
        new(DemoRegion.EducationCode, ChannelKind.Complaint, LetterState.Overdue, 24, "曹丽", "15207654473",
            "反映某培训机构停业后拒不退还预收学费",
            "临江市某英语培训机构11月初突然停业，我家孩子还剩36课时没上，预交学费7200元。机构负责人联系不上，请教育部门协调退费。"),
        new(DemoRegion.EducationCode, ChannelKind.Suggestion, LetterState.Handling, 2, "严明", "13407655816",
            "关于中小学延长寒假体育作业打卡时间的建议",
            "建议寒假体育作业打卡允许家长每周集中补录一次，现在每天必须当天打卡，很多双职工家庭做不到。"),

        // 江川省人力资源和社会保障厅
        new(DemoRegion.HumanResourcesCode, ChannelKind.LeaderMailbox, LetterState.Published, 38, "江涛", "13607651570",
            "关于农民工工资拖欠问题的反映",
            "我叫江涛，身份证号330521199003152817，在临江市某工地做木工，老板拖欠我们12名工人三个月工资共计18万元。请帮忙追讨。",
            "江涛先生：您好！接到您的来信后，临江市劳动保障监察支队当即立案调查，责令施工总承包企业从工资保证金中先行支付。11月28日，12名工人被拖欠的工资已全部足额发放到位。欢迎继续监督。"),
        new(DemoRegion.HumanResourcesCode, ChannelKind.Consultation, LetterState.Replied, 7, "田甜", "18207653309",
            "关于灵活就业人员参加职工养老保险缴费档次的咨询",
            "我是灵活就业人员，请问以个人身份参加职工养老保险，缴费基数有哪些档次可以选择？中途可以调整吗？",
            "您好！灵活就业人员可在全省上年度全口径城镇单位就业人员平均工资的60%至300%之间选择缴费基数，每年可调整一次。具体办理可登录“江川人社”网上服务大厅。"),
        new(DemoRegion.HumanResourcesCode, ChannelKind.Complaint, LetterState.Overdue, 29, "沈军", "15807652264",
            "反映用人单位未依法签订劳动合同",
            "我在临江市一家餐饮公司工作八个月，公司一直不和我签劳动合同，也不缴社保。我想知道怎么维权。"),
        new(DemoRegion.HumanResourcesCode, ChannelKind.Consultation, LetterState.Handling, 1, "韩冰", "13107657745",
            "关于高校毕业生就业见习补贴的咨询",
            "我是今年毕业的高校毕业生，目前在一家企业参加就业见习。请问见习期间有生活补贴吗？由谁发放？"),

        // 清河县人民政府门户网站
        new(DemoRegion.CountyPortalCode, ChannelKind.LeaderMailbox, LetterState.Published, 36, "黄秀英", "13907653392",
            "关于桃源镇至县城班车增加班次的请求",
            "我叫黄秀英，家住桃源镇黄桃村二组，每周要带孙子到县城看病。镇里到县城的班车上午只有两班，错过了就要等到中午。恳请增加班次。电话13907653392。",
            "黄秀英女士：您好！县交通运输局已协调县公交公司，自12月1日起将桃源镇至县城城乡公交由每天6班增至10班，上午增开7:40、9:20两个班次，首末班时间不变。感谢您的反映。"),
        new(DemoRegion.CountyPortalCode, ChannelKind.Consultation, LetterState.Replied, 5, "胡亮", "18807657781",
            "关于老旧小区改造是否包含加装电梯的咨询",
            "我住的清河县人民路粮食局宿舍列入了今年老旧小区改造计划，请问改造内容是否包括加装电梯？费用怎么分摊？",
            "您好！2026年县城老旧小区改造以基础类改造为主，包括水电气管网、屋面防水和消防设施。加装电梯实行居民自愿申请，经本单元三分之二以上业主同意后可申请财政补贴，每部补贴15万元，其余由业主协商分摊。"),
        new(DemoRegion.CountyPortalCode, ChannelKind.Complaint, LetterState.Overdue, 25, "朱海燕", "15907651642",
            "反映清河大道夜间施工噪音扰民",
            "清河大道与建设路交叉口的管网施工连续半个月晚上11点以后还在作业，噪音很大，附近居民无法入睡。希望督促施工单位按规定时间施工。"),
        new(DemoRegion.CountyPortalCode, ChannelKind.Suggestion, LetterState.Overdue, 22, "高峰", "13507650815",
            "关于县人民医院增设停车位的建议",
            "县人民医院门口停车非常困难，经常堵到清河大道上。建议利用医院东侧空地建设临时停车场。"),
        new(DemoRegion.CountyPortalCode, ChannelKind.Consultation, LetterState.Handling, 2, "林小雨", "18607652290",
            "关于城乡居民医保缴费截止时间的咨询",
            "请问明年的城乡居民医保什么时候截止缴费？错过了还能补缴吗？"),
        new(DemoRegion.CountyPortalCode, ChannelKind.Consultation, LetterState.Transferred, 3, "谢文斌", "13707654418",
            "关于被征地农民参加养老保险补贴标准的咨询",
            "我家承包地被征收用于县经济开发区建设，请问被征地农民参加养老保险有哪些补贴，按什么标准？",
            To: DemoRegion.HumanResourcesCode, Note: "涉及全省被征地农民养老保险政策，请省人力资源和社会保障厅答复。"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = sp.GetRequiredService<GovSiteDb>();
        var codes = DemoRegion.SiteCodes.ToList();
        var sites = await db.Sites.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        if (sites.Count != codes.Count || await db.Messages.AnyAsync(m => sites.Values.Contains(m.SiteId), ct))
        {
            return;
        }
        var messages = sp.GetRequiredService<MessageService>();
        foreach (var siteId in sites.Values)
        {
            await messages.EnsureChannelsAsync(siteId, ct);
        }
        var channels = await db.MessageChannels.Where(c => sites.Values.Contains(c.SiteId)).ToListAsync(ct);
        var calendar = sp.GetRequiredService<CalendarService>().Current;
        var options = sp.GetRequiredService<IOptions<InteractionOptions>>().Value;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = MessageService.LocalDate(now);
        var names = await db.Sites.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var random = new Random(DemoRegion.RandomSeed);

        foreach (var letter in Letters)
        {
            var siteId = sites[letter.SiteCode];
            // Received at 9:30 China time that day; answered three working days later.
            var received = ChinaTime.ToUtc(today.AddDays(-letter.DaysAgo).ToDateTime(new TimeOnly(9, 30)));
            var receivedOn = MessageService.LocalDate(received);
            var answered = ChinaTime.ToUtc(calendar.AddWorkingDays(receivedOn, 3).ToDateTime(new TimeOnly(16, 10)));
            var m = new Message
            {
                SiteId = siteId,
                HandlingSiteId = siteId,
                ChannelId = channels.First(c => c.SiteId == siteId && c.Kind == letter.Channel).Id,
                Ticket = receivedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
                QueryCodeHash = MessageService.Hash(Guid.NewGuid().ToString()),
                Name = letter.Name,
                Phone = letter.Phone,
                Subject = letter.Subject,
                Text = letter.Text,
                AllowPublic = letter.State is LetterState.Published or LetterState.TransferredAndPublished,
                ContentHash = MessageService.Hash(PlainText.Normalise(letter.Subject + "\n" + letter.Text)),
                ReceivedAt = received,
                DueDate = calendar.AddWorkingDays(receivedOn, options.AnswerWorkingDays),
                Status = MessageStatus.Handling,
                UpdatedAt = received,
            };
            var handler = siteId;
            if (letter.To is { } to)
            {
                m.TransferNote = letter.Note;
                if (letter.State == LetterState.Transferred)
                {
                    m.TransferSiteId = sites[to];
                    m.Status = MessageStatus.Transferred;
                }
                else
                {
                    m.HandlingSiteId = handler = sites[to];
                }
            }
            if (letter.Reply is { } reply)
            {
                m.Reply = reply;
                m.ReplyBy = names[handler];
                m.ReplySiteId = handler;
                m.RepliedAt = answered;
                m.Status = MessageStatus.Replied;
                m.UpdatedAt = answered;
                if (letter.State is LetterState.Published or LetterState.TransferredAndPublished)
                {
                    m.Status = MessageStatus.Published;
                    m.PublishedAt = m.ClosedAt = answered.AddHours(1);
                    m.UpdatedAt = answered.AddHours(1);
                }
            }
            db.Messages.Add(m);
        }

        // The portal's first answers may already be there (InteractionSetup opens the portal's channels with them).
        AddFaq(db, sites, now, withPortal: !await db.FaqEntries.AnyAsync(f => f.SiteId == sites[DemoRegion.ProvincialPortalCode], ct));
        await db.SaveChangesAsync(ct);
        await AddParticipationAsync(db, sites[DemoRegion.ProvincialPortalCode], today, ct);
    }

    private static void AddFaq(GovSiteDb db, Dictionary<string, int> sites, DateTime now, bool withPortal)
    {
        (string Code, string Question, string Answer, string Keywords)[] faq =
        [
            (DemoRegion.ProvincialPortalCode, "如何办理居住证？", "携带身份证、居住登记凭证到居住地派出所或政务服务中心办理，一般 15 个工作日内发证。", "居住证"),
            (DemoRegion.ProvincialPortalCode, "留言多久能得到答复？", "有效留言在 7 个工作日内答复；情况复杂的经延期后在 15 个工作日内答复。", "多久答复,答复时间"),
            (DemoRegion.CountyPortalCode, "城乡居民医保每年什么时候缴费？", "集中缴费期为每年9月1日至12月31日，可通过“江川医保”小程序、银行网点或村（社区）代收点缴纳。", "医保,缴费"),
            (DemoRegion.CountyPortalCode, "在哪里办理不动产登记？", "县政务服务中心一楼不动产登记窗口，工作日上午8:30至12:00、下午14:30至17:30；也可在“江川政务”网上预约。", "不动产,房产证"),
            (DemoRegion.CountyPortalCode, "县长信箱的来信多久答复？", "有效来信在7个工作日内答复；情况复杂需要延期的，经批准后在15个工作日内答复。", "信箱,答复时间"),
            (DemoRegion.DevelopmentReformCode, "企业投资项目备案怎么办理？", "通过江川省投资项目在线审批监管平台在线填报，信息完整的当场备案，不收取任何费用。", "备案,投资项目"),
            (DemoRegion.DevelopmentReformCode, "居民阶梯电价按什么周期计算？", "按自然年计算，每年1月1日至12月31日为一个周期。", "阶梯电价"),
            (DemoRegion.EducationCode, "随迁子女如何申请就读公办学校？", "持居住证、社保缴纳证明和户口簿，在每年5月到居住地县（市、区）教育局指定平台报名。", "随迁子女,入学"),
            (DemoRegion.EducationCode, "教师资格证书遗失怎么补办？", "向原认定机构申请补发，可在“教师资格网”在线提交申请。", "教师资格,补办"),
            (DemoRegion.HumanResourcesCode, "社保卡丢失怎么挂失补办？", "可通过“江川人社”小程序在线挂失并申请补卡，也可到社保经办窗口或合作银行网点办理。", "社保卡,补办"),
            (DemoRegion.HumanResourcesCode, "被拖欠工资向哪里投诉？", "可向用工所在地人力资源和社会保障部门劳动保障监察机构投诉，或拨打12333。", "欠薪,工资"),
        ];
        var order = 0;
        foreach (var (code, question, answer, keywords) in faq.Where(f => withPortal || f.Code != DemoRegion.ProvincialPortalCode))
        {
            db.FaqEntries.Add(new FaqEntry { SiteId = sites[code], Question = question, Answer = answer, Keywords = keywords, SortOrder = order += 10, UpdatedAt = now });
        }
    }

    private static async Task AddParticipationAsync(GovSiteDb db, int portal, DateOnly today, CancellationToken ct)
    {
        DateTime At(int daysAgo, int hour) => ChinaTime.ToUtc(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)));

        var open = new Consultation
        {
            SiteId = portal, Title = "《江川省养老服务条例（草案征求意见稿）》公开征求意见",
            Body = "<p>为推动养老服务高质量发展，省民政厅起草了《江川省养老服务条例（草案征求意见稿）》，现向社会公开征求意见。</p>" +
                   "<p>草案共七章四十八条，主要规定了居家社区养老服务设施配建、农村互助养老、养老服务人才培养和长期照护保障等内容。</p>" +
                   "<p>请于征求意见截止日前在本页提出意见，也可发送电子邮件至 mzt_yl@jiangchuan.example。</p>",
            OpensOn = today.AddDays(-10), ClosesOn = today.AddDays(20), IsPublished = true, CreatedAt = At(11, 9), UpdatedAt = At(10, 9),
        };
        var closed = new Consultation
        {
            SiteId = portal, Title = "《江川省城市公共汽电车客运管理办法（征求意见稿）》公开征求意见",
            Body = "<p>省交通运输厅起草了《江川省城市公共汽电车客运管理办法（征求意见稿）》，对线路规划、运营服务、票价和乘客权益作出规定，现公开征求意见。</p>",
            OpensOn = today.AddDays(-80), ClosesOn = today.AddDays(-50), IsPublished = true, CreatedAt = At(81, 9), UpdatedAt = At(40, 10),
            Summary = "征求意见期间，共收到社会公众意见建议46条，主要集中在夜间线路设置、老年人乘车优惠和站点无障碍设施三个方面。" +
                      "经研究，采纳12条：增加“开通夜间公交和定制公交”条款，将65周岁以上老年人免费乘车写入办法，明确新建站台应当设置盲道和轮椅坡道；" +
                      "部分采纳8条；未采纳的26条主要涉及具体票价调整，属价格主管部门职责，已转交有关部门研究。感谢社会各界的关心和支持。",
            SummaryPublishedAt = At(40, 10),
        };
        db.Consultations.AddRange(open, closed);
        await db.SaveChangesAsync(ct);
        (string Name, string Text, int DaysAgo)[] comments =
        [
            ("临江市民", "建议明确社区养老服务设施的配建标准按每百户不少于20平方米执行，并与住宅同步验收、同步交付。", 8),
            ("清河县 陈老师", "农村互助养老点缺少稳定的运营经费，建议条例规定县级财政给予运营补贴。", 5),
            ("养老护理员", "希望对养老护理员的入职补贴和岗位津贴作出规定，留住年轻人。", 2),
        ];
        foreach (var (name, text, daysAgo) in comments)
        {
            db.ConsultationComments.Add(new ConsultationComment
            {
                ConsultationId = open.Id, SiteId = portal, Name = name, Text = text, Status = ModerationStatus.Approved,
                CreatedAt = At(daysAgo, 10), ModeratedAt = At(daysAgo, 15),
            });
        }

        var survey = new Survey
        {
            SiteId = portal, Title = "江川省政务服务“一网通办”使用情况问卷调查",
            Description = "为了解群众和企业使用“一网通办”的体验，改进网上政务服务，特开展本次调查。调查已结束，结果如下。",
            OpensOn = today.AddDays(-60), ClosesOn = today.AddDays(-30), IsPublished = true, ResultsPublished = true,
            CreatedAt = At(61, 9), UpdatedAt = At(29, 9),
            Questions =
            [
                new() { SortOrder = 1, Text = "您最近一年是否通过“一网通办”办理过事项？", Type = SurveyQuestionType.SingleChoice, Options = "办理过\n没有办理过", IsRequired = true },
                new() { SortOrder = 2, Text = "您对网上办事的总体评价是？", Type = SurveyQuestionType.SingleChoice, Options = "非常满意\n满意\n一般\n不满意", IsRequired = true },
                new() { SortOrder = 3, Text = "您希望优先改进哪些方面？（可多选）", Type = SurveyQuestionType.MultipleChoice, Options = "减少重复提交材料\n办事指南更清楚\n手机端更好用\n办理进度可查询", IsRequired = false },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        // 120 answers in fixed proportions: the results page shows the same figures on every start.
        for (var i = 0; i < 120; i++)
        {
            var response = new SurveyResponse
            {
                SurveyId = survey.Id, SiteId = portal, VoterKey = $"demo-{i}", ClientHash = $"demo-{i}", CreatedAt = At(59 - (i % 29), 10 + (i % 8)),
            };
            response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[0].Id, OptionIndex = i % 6 == 0 ? 1 : 0 });
            response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[1].Id, OptionIndex = (i % 10) switch { < 4 => 0, < 8 => 1, 8 => 2, _ => 3 } });
            if (i % 3 != 0)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[2].Id, OptionIndex = 0 });
                response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[2].Id, OptionIndex = i % 4 == 0 ? 2 : 3 });
            }
            db.SurveyResponses.Add(response);
        }

        var interview = new Interview
        {
            SiteId = portal, Title = "稳就业惠民生——省人力资源和社会保障厅负责同志在线访谈",
            Guests = "江川省人力资源和社会保障厅副厅长 宋立群；就业促进处处长 马晓红",
            Description = "围绕高校毕业生就业、农民工工资支付和技能提升补贴等群众关心的问题，与网友在线交流。",
            StartsAt = At(14, 10), EndsAt = At(14, 11).AddMinutes(30), IsPublished = true, CreatedAt = At(20, 9), UpdatedAt = At(14, 12),
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync(ct);
        (string? Asker, string Question, string Answer, string By)[] transcript =
        [
            (null, "主持人：各位网友好！今天我们邀请到省人力资源和社会保障厅宋立群副厅长和马晓红处长，请宋厅长先介绍一下今年全省就业工作情况。",
                "各位网友好！今年以来，全省城镇新增就业52.3万人，城镇调查失业率保持在5%左右，就业形势总体稳定。我们重点抓了高校毕业生、农民工和困难人员三个群体的就业。", "宋立群"),
            ("网友“临江小陈”", "我是明年毕业的大学生，想问一下省里对到基层就业有什么支持政策？",
                "到乡镇和村（社区）就业的高校毕业生，服务满3年的可按规定享受学费补偿和国家助学贷款代偿；参加“三支一扶”计划的，期满考核合格可通过专项招聘进入事业单位。", "马晓红"),
            ("网友“建筑工老刘”", "年底了，工地老板说要等工程款到账才能发工资，我们该怎么办？",
                "农民工工资实行专用账户和总包代发制度，工资不得以工程款未到位为由拖欠。遇到欠薪可拨打12333或到当地劳动保障监察机构投诉，我们承诺接到投诉后3个工作日内核查处理。", "宋立群"),
        ];
        var minute = 0;
        foreach (var (asker, question, answer, by) in transcript)
        {
            var at = interview.StartsAt.AddMinutes(minute += 12);
            db.InterviewQuestions.Add(new InterviewQuestion
            {
                InterviewId = interview.Id, SiteId = portal, AskerName = asker, Text = question, Status = ModerationStatus.Approved,
                Answer = answer, AnsweredBy = by, AnsweredAt = at, CreatedAt = at.AddMinutes(-5), ChangedAt = at, ModeratedAt = at.AddMinutes(-3),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
