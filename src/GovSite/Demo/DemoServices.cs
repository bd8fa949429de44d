using GovSite.Data;
using GovSite.Services;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// The demo region's service catalogue: items of the provincial departments (on their own sites,
/// or on the portal for departments without one) and of 清河县, covering every 人生事件 and
/// 企业事件, with ratings and real-looking use for 热门服务. A few guides are left incomplete (kept
/// as drafts, which the editor is warned about and cannot publish) and a few published ones use
/// vague wording (其他材料, 详见窗口, 按规定), which is counted as a warning. All names, codes,
/// addresses and numbers are invented.
/// </summary>
public static class DemoServices
{
    /// <summary>A published guide that says 其他材料 among its materials.</summary>
    public const string VagueGuideCode = "990000MZ004";

    /// <summary>A draft missing four elements: the editor is told, and it cannot be submitted.</summary>
    public const string IncompleteDraftCode = "990000ZJ005";

    /// <summary>The guide most used in the last month: first among 热门服务.</summary>
    public const string HottestCode = "990000GA001";

    private sealed record Department(string Key, string Name, string SiteCode, string Location, string Phone, string? Supervision = null);

    private static readonly Department[] Departments =
    [
        new("GA", "江川省公安厅", DemoRegion.ProvincialPortalCode, "江川省政务服务中心公安窗口（临江市人民大道100号一楼A区）", "0999-88110110", "0999-88110000"),
        new("MZ", "江川省民政厅", DemoRegion.ProvincialPortalCode, "江川省政务服务中心民政窗口（临江市人民大道100号二楼B区）", "0999-88120001"),
        new("WJ", "江川省卫生健康委员会", DemoRegion.ProvincialPortalCode, "江川省政务服务中心卫生健康窗口（临江市人民大道100号二楼C区）", "0999-88130001"),
        new("SJ", "江川省市场监督管理局", DemoRegion.ProvincialPortalCode, "江川省政务服务中心市场监管窗口（临江市人民大道100号一楼B区）", "0999-88140001", "0999-12315"),
        new("SW", "国家税务总局江川省税务局", DemoRegion.ProvincialPortalCode, "江川省政务服务中心税务窗口（临江市人民大道100号一楼C区）", "0999-12366"),
        new("ZJ", "江川省住房和城乡建设厅", DemoRegion.ProvincialPortalCode, "江川省政务服务中心住建窗口（临江市人民大道100号三楼A区）", "0999-88150001"),
        new("JT", "江川省交通运输厅", DemoRegion.ProvincialPortalCode, "江川省政务服务中心交通窗口（临江市人民大道100号三楼B区）", "0999-88160001"),
        new("YB", "江川省医疗保障局", DemoRegion.ProvincialPortalCode, "江川省政务服务中心医保窗口（临江市人民大道100号二楼D区）", "0999-88170001"),
        new("TY", "江川省退役军人事务厅", DemoRegion.ProvincialPortalCode, "江川省政务服务中心退役军人服务窗口（临江市人民大道100号三楼C区）", "0999-88180001"),
        new("CL", "江川省残疾人联合会", DemoRegion.ProvincialPortalCode, "江川省残疾人综合服务中心（临江市康宁路12号）", "0999-88190001"),
        new("FG", "江川省发展和改革委员会", DemoRegion.DevelopmentReformCode, "江川省政务服务中心投资审批窗口（临江市人民大道100号四楼A区）", "0999-88002001"),
        new("JY", "江川省教育厅", DemoRegion.EducationCode, "江川省政务服务中心教育窗口（临江市人民大道100号四楼B区）", "0999-88003001"),
        new("RS", "江川省人力资源和社会保障厅", DemoRegion.HumanResourcesCode, "江川省政务服务中心人社窗口（临江市人民大道100号一楼D区）", "0999-12333"),
        new("QHMZ", "清河县民政局", DemoRegion.CountyPortalCode, "清河县政务服务中心民政窗口（清河县清河大道66号）", "0999-66021301"),
        new("QHGA", "清河县公安局", DemoRegion.CountyPortalCode, "清河县政务服务中心公安窗口（清河县清河大道66号）", "0999-66021110"),
        new("QHSJ", "清河县市场监督管理局", DemoRegion.CountyPortalCode, "清河县政务服务中心市场监管窗口（清河县清河大道66号）", "0999-66021501"),
        new("QHZJ", "清河县住房和城乡建设局", DemoRegion.CountyPortalCode, "清河县政务服务中心住建窗口（清河县清河大道66号）", "0999-66021601"),
    ];

    private const string Hours = "法定工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）";
    private const string Hall = "https://zwfw.jiangchuan.gov.cn/item/";
    private const string IdCard = "居民身份证";

    /// <summary>One row of the catalogue: what differs between items; the department fills in where and whom to call.</summary>
    private sealed record Row(
        string Code, string Department, string Name, ServiceItemType Type, bool Persons, bool Enterprises, string[] Themes, string[] Life,
        string[] Business, string Basis, string Conditions, (string Name, MaterialForm Form, int Originals, int Copies, string? Note)[] Materials,
        string Fee, int? Legal, int? Promised, OnlineDepth Depth, string[] Steps, string? Keywords = null, (string Q, string A)[]? Questions = null,
        bool Draft = false, string? OfficeHours = null);

    private static ServiceRating FollowedUp(this ServiceRating rating, DateTime at)
    {
        if (rating.FollowUp is not null)
        {
            rating.FollowedUpBy = "演示编辑";
            rating.FollowedUpAt = at.AddDays(1);
        }
        return rating;
    }

    private static (string, MaterialForm, int, int, string?) O(string name, string? note = null) => (name, MaterialForm.Original, 1, 0, note);

    private static (string, MaterialForm, int, int, string?) C(string name, int copies = 1, string? note = null) => (name, MaterialForm.Copy, 0, copies, note);

    private static (string, MaterialForm, int, int, string?) OC(string name, string? note = null) => (name, MaterialForm.OriginalAndCopy, 1, 1, note);

    private static (string, MaterialForm, int, int, string?) E(string name, string? note = null) => (name, MaterialForm.Electronic, 0, 0, note);

    private static readonly string[] Standard = ["受理", "审查", "决定", "送达"];
    private static readonly string[] OnTheSpot = ["受理", "审核", "当场办结"];
    private static readonly string[] Registration = ["申请", "受理", "审核", "登记发证"];

    private static Row[] Rows() =>
    [
        // 出生
        new("990000WJ001", "WJ", "出生医学证明首次签发", ServiceItemType.PublicService, true, false, ["生育收养", "证件办理"], ["出生"], [],
            "《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》第二十七条",
            "在本省依法取得助产技术服务资质的医疗机构内出生的新生儿。",
            [O("新生儿父母的居民身份证"), O("新生儿出生时的住院病历", "由助产机构提供"), C("父母结婚证", note: "非婚生育的可不提供")],
            "不收费", 20, 1, OnlineDepth.OnlineAcceptance, ["申请", "核对出生信息", "签发证明"], "出生证 出生证明 办出生证",
            [("出生医学证明丢了能补吗？", "可以。由原签发机构核实出生信息后补发，补发件标注“补发”字样。")]),
        new("990000GA001", "GA", "出生登记（新生儿落户）", ServiceItemType.Confirmation, true, false, ["户籍办理", "生育收养"], ["出生"], [],
            "《中华人民共和国户口登记条例》第七条",
            "婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。",
            [O("出生医学证明"), O("父母双方的居民身份证"), O("落户方户口簿"), OC("父母结婚证")],
            "不收费", 3, 0, OnlineDepth.FullyOnline, ["网上申报或窗口申请", "户籍民警审核", "办结，户口簿加页"], "新生儿落户 宝宝上户口 报户口",
            [("可以随父亲落户吗？", "可以。新生儿可随父亲或母亲任一方落户，由父母协商确定。"), ("超过一个月还能办吗？", "可以，仍按出生登记办理，须说明逾期原因。")]),
        new("990000YB001", "YB", "新生儿参加城乡居民基本医疗保险", ServiceItemType.PublicService, true, false, ["社会保障", "医疗卫生"], ["出生", "就医"], [],
            "《中华人民共和国社会保险法》第二十五条；《江川省城乡居民基本医疗保险办法》（演示文件）第九条",
            "出生后已办理户口登记、尚未参加基本医疗保险的本省户籍新生儿。",
            [O("新生儿户口簿"), O("监护人居民身份证")],
            "按当年城乡居民医保个人缴费标准缴费，出生当年参保的自出生之日起享受待遇", null, 0, OnlineDepth.FullyOnline, OnTheSpot, "新生儿医保 宝宝医保"),
        // 上学
        new("990000JY001", "JY", "义务教育阶段学生转学", ServiceItemType.PublicService, true, false, ["教育科研"], ["上学"], [],
            "《中华人民共和国义务教育法》第十二条；《江川省中小学生学籍管理实施细则》（演示文件）第十五条",
            "因户籍迁移、监护人工作调动或家庭住址变更需要转学的义务教育阶段在籍学生。",
            [O("转学申请表", "在学校或网上下载"), OC("监护人居民身份证"), C("户口簿或居住证"), C("转入学校接收证明")],
            "不收费", 15, 10, OnlineDepth.OnlineAcceptance, ["转出学校受理", "转入学校同意接收", "教育部门核办学籍"], "转学 孩子转学"),
        new("990000JY002", "JY", "普通高中学生国家助学金申请", ServiceItemType.Payment, true, false, ["教育科研", "社会保障"], ["上学"], [],
            "《普通高中国家助学金管理办法》第二条至第五条",
            "具有正式注册学籍的普通高中在校学生中的家庭经济困难学生。",
            [O("普通高中国家助学金申请表"), C("家庭经济困难情况证明材料", note: "低保、特困、残疾等证明之一")],
            "不收费", 30, 30, OnlineDepth.PreReview, ["学生申请", "学校评审公示", "教育部门审核", "发放"], "助学金 贫困生补助"),
        new("990000JY003", "JY", "教师资格认定", ServiceItemType.Confirmation, true, false, ["职业资格", "教育科研"], ["就业"], [],
            "《中华人民共和国教师法》第十三条；《教师资格条例》第十三条",
            "遵守宪法和法律，热爱教育事业，具有良好的思想品德，具备规定的学历并通过教师资格考试、普通话水平达到相应等级、体检合格的中国公民。",
            [O(IdCard), C("学历证书"), C("普通话水平测试等级证书"), O("体检结论", "在指定医院体检"), O("个人近期一寸免冠照片", "白底，2张")],
            "不收费", 30, 20, OnlineDepth.OnlineAcceptance, ["网上申报", "现场确认", "审查", "认定发证"], "教资认定 教师证"),
        new("990000JY004", "JY", "国内高等教育学历学位证明", ServiceItemType.PublicService, true, false, ["教育科研", "证件办理"], ["上学", "就业"], [],
            "《中华人民共和国高等教育法》第二十条、第二十二条",
            "取得本省普通高等学校学历学位证书、证书遗失或需出具证明的人员。",
            [O(IdCard), O("学历学位证明申请表")],
            "不收费", 20, 5, OnlineDepth.FullyOnline, OnTheSpot, "学历证明 毕业证丢了"),
        // 就业
        new("990000RS001", "RS", "就业登记", ServiceItemType.PublicService, true, true, ["就业创业", "人力资源"], ["就业"], ["用工"],
            "《中华人民共和国就业促进法》第三十五条；《就业服务与就业管理规定》第六十二条",
            "用人单位招用劳动者，或劳动者自主创业、灵活就业。",
            [O("劳动者居民身份证"), C("劳动合同或用工证明")],
            "不收费", null, 0, OnlineDepth.FullyOnline, OnTheSpot, "就业登记 入职登记"),
        new("990000RS002", "RS", "失业保险金申领", ServiceItemType.Payment, true, false, ["社会保障", "就业创业"], ["就业"], [],
            "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条",
            "失业前用人单位和本人已经缴纳失业保险费满一年，非因本人意愿中断就业，已经进行失业登记并有求职要求的人员。",
            [O(IdCard), C("解除或终止劳动合同证明"), C("社会保障卡或银行卡", note: "用于发放失业保险金")],
            "不收费", 15, 5, OnlineDepth.FullyOnline, ["网上申请", "审核", "核定待遇", "按月发放"], "失业金 失业补助 领失业金",
            [("辞职可以领失业金吗？", "本人自愿辞职的一般不符合申领条件；因单位过错被迫解除劳动合同的可以申领。")]),
        new("990000RS003", "RS", "社会保障卡申领", ServiceItemType.PublicService, true, false, ["社会保障", "证件办理"], ["就业", "就医"], [],
            "《中华人民共和国社会保险法》第五十八条",
            "已参加本省社会保险或有申领需求的人员。",
            [O(IdCard), E("本人近期免冠照片", "可在窗口现场采集")],
            "首次申领不收费；挂失补领每张收取工本费20元", null, 5, OnlineDepth.FullyOnline, ["申请", "制卡", "领卡或邮寄"], "社保卡 办社保卡 社保卡补办"),
        new("990000RS004", "RS", "专业技术人员职业资格证书补发", ServiceItemType.PublicService, true, false, ["职业资格"], ["就业"], [],
            "《专业技术人员职业资格证书管理工作规定》第十二条",
            "取得本省颁发的专业技术人员职业资格证书、证书遗失或损毁的人员。",
            [O(IdCard), O("证书补发申请表")],
            "不收费", 20, 10, OnlineDepth.OnlineAcceptance, Standard),
        // 创业
        new("990000RS005", "RS", "创业担保贷款申请", ServiceItemType.PublicService, true, true, ["就业创业", "融资信贷"], ["创业"], ["融资"],
            "《关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21号）",
            "符合条件的城镇登记失业人员、高校毕业生、退役军人等重点群体在本省创业，或吸纳符合条件人员就业的小微企业。",
            [O("创业担保贷款申请书"), OC(IdCard), C("营业执照"), C("就业创业证或相关身份证明")],
            "不收费；贷款利息按规定享受财政贴息", 20, 15, OnlineDepth.PreReview, ["申请", "人社部门资格审核", "担保机构审核", "银行放贷"], "创业贷款 贴息贷款"),
        new("990000SJ001", "SJ", "个体工商户设立登记", ServiceItemType.Licence, true, false, ["设立变更", "就业创业"], ["创业"], [],
            "《促进个体工商户发展条例》第八条；《中华人民共和国市场主体登记管理条例》第三条",
            "有经营能力的自然人，经营范围不属于法律、行政法规禁止进入的行业。",
            [O("个体工商户登记（备案）申请书"), O("经营者居民身份证"), C("经营场所使用证明")],
            "不收费", 3, 1, OnlineDepth.FullyOnline, Registration, "个体户 开小店 办营业执照"),
        // 结婚
        new("990121MZ001", "QHMZ", "内地居民婚姻登记（结婚登记）", ServiceItemType.Confirmation, true, false, ["婚姻登记"], ["结婚"], [],
            "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条至第七条",
            "男女双方完全自愿，男年满二十二周岁、女年满二十周岁，双方均无配偶，且没有禁止结婚的亲属关系。",
            [O("双方居民身份证"), O("双方户口簿", "在全国通办地区可不提供"), O("双方近期半身免冠合影照片", "2寸，3张")],
            "不收费", null, 0, OnlineDepth.PreReview, ["预约", "双方到场申请", "审查", "当场颁证"], "结婚证 领证 办结婚证",
            [("可以在居住地办结婚登记吗？", "可以。本省已开展婚姻登记“跨省通办”，一方持有本省居住证的可在居住地办理。")],
            OfficeHours: "法定工作日上午8:30—12:00，下午13:30—17:00；“5·20”“七夕”等特殊日期另行公告"),
        new("990121MZ002", "QHMZ", "内地居民补领婚姻登记证", ServiceItemType.Confirmation, true, false, ["婚姻登记", "证件办理"], ["结婚"], [],
            "《婚姻登记条例》第十七条",
            "结婚证、离婚证遗失或者损毁，当事人可以持户口簿、身份证向原办理婚姻登记的机关或者一方当事人常住户口所在地的婚姻登记机关申请补领。",
            [O("申请人居民身份证和户口簿"), O("申请人近期半身免冠照片", "补领结婚证须双方合影")],
            "不收费", null, 0, OnlineDepth.Information, OnTheSpot),
        // 生育
        new("990000WJ002", "WJ", "生育登记", ServiceItemType.PublicService, true, false, ["生育收养"], ["生育"], [],
            "《中华人民共和国人口与计划生育法》第二十条；《江川省人口与计划生育条例》（演示文件）第十六条",
            "在本省生育子女的夫妻，一方户籍在本省或在本省居住。",
            [E("夫妻双方居民身份证信息", "网上填报，无需提交纸质材料")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "自动核验", "登记完成"], "准生证 生孩子 生育服务证 怀孕登记",
            [("生育登记和准生证是一回事吗？", "过去所说的“准生证”已改为生育登记，在网上填报即可，不再审批。")]),
        new("990000RS006", "RS", "生育津贴申领", ServiceItemType.Payment, true, true, ["社会保障", "生育收养"], ["生育"], ["用工"],
            "《中华人民共和国社会保险法》第五十六条",
            "参加生育保险的职工，按规定享受产假或计划生育手术休假。",
            [C("出生医学证明或相关医学证明"), O("生育津贴申领表", "用人单位盖章")],
            "不收费", 20, 10, OnlineDepth.FullyOnline, ["单位或个人申请", "审核", "发放"], "生育津贴 产假工资"),
        // 住房
        new("990000ZJ001", "ZJ", "住房公积金提取（购买自住住房）", ServiceItemType.Payment, true, false, ["住房保障"], ["住房"], [],
            "《住房公积金管理条例》第二十四条",
            "缴存职工购买、建造、翻建、大修自住住房。",
            [O(IdCard), C("购房合同和付款凭证"), C("不动产权证书", note: "已取得的提供")],
            "不收费", 3, 1, OnlineDepth.FullyOnline, OnTheSpot, "提公积金 公积金提取 买房提取"),
        new("990000ZJ002", "ZJ", "公共租赁住房申请", ServiceItemType.Payment, true, false, ["住房保障"], ["住房"], [],
            "《公共租赁住房管理办法》第七条",
            "在本地无自有住房或住房面积低于规定标准，收入、财产低于规定标准的城镇中等偏下收入住房困难家庭、新就业无房职工和外来务工人员。",
            [O("公共租赁住房申请表"), OC("家庭成员居民身份证和户口簿"), C("收入证明"), C("婚姻状况证明")],
            "不收费；租金按当地公布的标准缴纳", 30, 20, OnlineDepth.OnlineAcceptance, ["申请", "资格审核", "公示", "轮候配租"], "公租房 廉租房"),
        new("990121ZJ001", "QHZJ", "农村住房建设规划许可", ServiceItemType.Licence, true, false, ["规划建设", "住房保障"], ["住房"], [],
            "《中华人民共和国城乡规划法》第四十一条",
            "在乡、村庄规划区内使用集体所有土地进行农村村民住宅建设的村民。",
            [O("乡村建设规划许可申请表"), C("宅基地批准文件"), C("住宅设计图或通用图")],
            "不收费", 20, 10, OnlineDepth.PreReview, Standard, "农村建房 盖房子审批"),
        // 出行
        new("990000GA002", "GA", "普通护照签发", ServiceItemType.Licence, true, false, ["出境入境", "证件办理"], ["出行"], [],
            "《中华人民共和国护照法》第五条、第六条",
            "中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的。",
            [O(IdCard), E("近期免冠彩色照片", "窗口现场采集")],
            "每本120元（收费依据：国家发展改革委、财政部关于出入境证件收费标准的规定）", 15, 7, OnlineDepth.PreReview, ["预约", "现场申请", "审批", "制证", "领取或邮寄"], "办护照 出国 护照办理"),
        new("990000GA003", "GA", "往来港澳通行证及签注", ServiceItemType.Licence, true, false, ["出境入境", "证件办理"], ["出行"], [],
            "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第三条",
            "内地居民因私往来香港特别行政区、澳门特别行政区。",
            [O(IdCard)],
            "证件每本60元；签注每次15元，二次有效30元", 7, 7, OnlineDepth.PreReview, ["申请", "审批", "制证", "领取"], "港澳通行证 去香港"),
        new("990000JT001", "JT", "机动车驾驶证期满换证", ServiceItemType.Licence, true, false, ["交通出行", "证件办理"], ["出行"], [],
            "《机动车驾驶证申领和使用规定》第七十条",
            "机动车驾驶人在驾驶证有效期满前九十日内申请换证。",
            [O(IdCard), O("机动车驾驶人身体条件证明", "可在指定医院体检后网上传输")],
            "工本费10元", null, 0, OnlineDepth.FullyOnline, OnTheSpot, "驾照换证 驾驶证到期"),
        // 就医
        new("990000YB002", "YB", "异地就医备案", ServiceItemType.PublicService, true, false, ["医疗卫生", "社会保障"], ["就医"], [],
            "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）",
            "参加本省基本医疗保险、需在省外就医的异地长期居住人员、异地转诊人员和临时外出就医人员。",
            [O("异地就医备案表", "网上填写"), E("居民身份证信息")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上申请", "自动审核", "备案生效"], "异地就医 外地看病报销",
            [("备案后多久生效？", "网上备案即时生效，可在备案地直接结算。")]),
        new("990000YB003", "YB", "门诊慢特病待遇认定", ServiceItemType.Confirmation, true, false, ["医疗卫生", "社会保障"], ["就医"], [],
            "《江川省基本医疗保险门诊慢特病管理办法》（演示文件）第八条",
            "参加本省基本医疗保险并患有规定门诊慢特病病种的参保人员。",
            [O(IdCard), C("二级以上医疗机构诊断证明和相关检查报告")],
            "不收费", 20, 15, OnlineDepth.OnlineAcceptance, ["申请", "专家评审", "认定", "享受待遇"], "慢性病认定 慢病卡"),
        new("990000WJ003", "WJ", "医师执业注册", ServiceItemType.Licence, true, false, ["职业资格", "医疗卫生"], ["就业"], [],
            "《中华人民共和国医师法》第十三条；《医师执业注册管理办法》第八条",
            "取得医师资格，拟在本省医疗、预防、保健机构执业的人员。",
            [O("医师执业注册申请审核表"), OC(IdCard), C("医师资格证书"), O("拟执业机构的聘用证明")],
            "不收费", 20, 10, OnlineDepth.FullyOnline, Standard),
        // 残疾
        new("990000CL001", "CL", "残疾人证核发", ServiceItemType.Confirmation, true, false, ["社会保障", "证件办理"], ["残疾"], [],
            "《中华人民共和国残疾人保障法》第二条；《中华人民共和国残疾人证管理办法》第五条",
            "符合残疾标准的本省户籍人员。",
            [O(IdCard), O("户口簿"), O("近期二寸免冠白底彩色照片", "3张")],
            "不收费", 30, 20, OnlineDepth.OnlineAcceptance, ["申请", "指定医院评定", "审核", "发证"], "残疾证 办残疾证"),
        new("990000MZ001", "MZ", "困难残疾人生活补贴和重度残疾人护理补贴申请", ServiceItemType.Payment, true, false, ["社会保障"], ["残疾"], [],
            "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）",
            "具有本省户籍、持有第二代残疾人证，符合困难或重度残疾条件的残疾人。",
            [O("残疾人两项补贴申请审批表"), C("残疾人证"), C("低保证或特困供养证", note: "申请生活补贴的提供")],
            "不收费", 20, 15, OnlineDepth.OnlineAcceptance, ["申请", "乡镇审核", "县级审批", "按月发放"], "残疾补贴 护理补贴"),
        // 退休
        new("990000RS007", "RS", "职工基本养老保险待遇申领（退休）", ServiceItemType.Payment, true, false, ["社会保障", "离职退休"], ["退休"], [],
            "《中华人民共和国社会保险法》第十六条",
            "达到法定退休年龄且累计缴纳基本养老保险费满十五年的参保人员。",
            [O(IdCard), O("社会保障卡")],
            "不收费", 20, 10, OnlineDepth.FullyOnline, ["单位或个人申请", "资格审核", "待遇核定", "按月发放"], "办退休 退休手续 领养老金",
            [("缴费不满十五年怎么办？", "可以延长缴费至满十五年，或按规定转入城乡居民基本养老保险。")]),
        new("990000RS008", "RS", "养老保险关系转移接续", ServiceItemType.PublicService, true, false, ["社会保障"], ["退休", "就业"], [],
            "《城镇企业职工基本养老保险关系转移接续暂行办法》第四条",
            "跨省、跨统筹地区流动就业的参保人员。",
            [O(IdCard)],
            "不收费", 45, 15, OnlineDepth.FullyOnline, ["转入地申请", "转出地审核", "转入地接续"], "社保转移 养老保险转移"),
        // 养老
        new("990000MZ002", "MZ", "高龄津贴申领", ServiceItemType.Payment, true, false, ["社会保障"], ["养老"], [],
            "《中华人民共和国老年人权益保障法》第三十三条；《江川省高龄津贴发放办法》（演示文件）",
            "年满八十周岁的本省户籍老年人。",
            [O(IdCard), C("本人银行卡或社会保障卡")],
            "不收费", 20, 10, OnlineDepth.OnlineAcceptance, ["申请", "审核", "按月发放"], "高龄补贴 老年人补贴"),
        new("990000MZ003", "MZ", "养老机构备案", ServiceItemType.OtherPower, false, true, ["准营准办", "社会保障"], [], ["准营"],
            "《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》第九条",
            "已依法登记、拟开展养老服务的机构。",
            [O("养老机构备案书"), C("登记证书"), O("养老机构备案承诺书")],
            "不收费", null, 0, OnlineDepth.FullyOnline, OnTheSpot),
        new("990000YB004", "YB", "城乡居民基本养老保险参保登记", ServiceItemType.PublicService, true, false, ["社会保障"], ["养老"], [],
            "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
            "年满十六周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的本省户籍居民。",
            [O(IdCard)],
            "按本人选择的缴费档次缴费（每年200元至5000元）", null, 0, OnlineDepth.FullyOnline, OnTheSpot),
        // 身后事
        new("990000MZ004", "MZ", "丧葬补助金和抚恤金申领", ServiceItemType.Payment, true, false, ["死亡殡葬", "社会保障"], ["身后事"], [],
            "《中华人民共和国社会保险法》第十七条；按规定执行",
            "参加基本养老保险的个人因病或者非因工死亡的，其遗属可以领取。",
            [C("死亡证明"), C("申领人与死者关系证明"), O("申领人居民身份证"), C("其他材料")],
            "不收费", 20, 15, OnlineDepth.OnlineAcceptance, Standard, "丧葬费 抚恤金 人走了"),
        new("990000GA004", "GA", "死亡注销户口", ServiceItemType.Confirmation, true, false, ["户籍办理", "死亡殡葬"], ["身后事"], [],
            "《中华人民共和国户口登记条例》第八条",
            "公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。",
            [O("死亡证明或火化证明"), O("死者户口簿和居民身份证"), O("申报人居民身份证")],
            "不收费", null, 0, OnlineDepth.PreReview, OnTheSpot, "注销户口 销户"),
        new("990121MZ003", "QHMZ", "殡葬服务（遗体接运、火化）", ServiceItemType.PublicService, true, false, ["死亡殡葬"], ["身后事"], [],
            "《殡葬管理条例》第四条；《江川省殡葬管理办法》（演示文件）",
            "在清河县行政区域内死亡的人员。",
            [C("死亡证明"), O("经办人居民身份证")],
            "基本殡葬服务费用按清河县发展和改革局核定的标准收取，本县户籍居民免除基本殡葬服务费用", null, 0, OnlineDepth.Information, ["电话预约", "遗体接运", "火化", "领取骨灰"]),
        // 其他个人事项
        new("990000GA005", "GA", "居民身份证换领", ServiceItemType.Licence, true, false, ["证件办理", "户籍办理"], ["就业", "出行"], [],
            "《中华人民共和国居民身份证法》第十一条",
            "居民身份证有效期满、登记事项变更或者证件严重损坏不能辨认的公民。",
            [O("原居民身份证"), O("户口簿")],
            "工本费20元（收费依据：国家发展改革委、财政部规定）", 60, 20, OnlineDepth.PreReview, ["申请", "采集照片和指纹", "审核", "制证", "领证或邮寄"], "身份证到期 换身份证 补办身份证"),
        new("990000GA006", "GA", "居住证申领", ServiceItemType.Licence, true, false, ["证件办理", "户籍办理"], ["就业", "住房"], [],
            "《居住证暂行条例》第二条、第九条",
            "离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的公民。",
            [O(IdCard), C("居住登记凭证"), C("合法稳定就业、住所或就读证明之一")],
            "首次申领不收费", 15, 7, OnlineDepth.OnlineAcceptance, Standard, "居住证 暂住证"),
        new("990000TY001", "TY", "退役军人优待证申领", ServiceItemType.PublicService, true, false, ["优待抚恤", "证件办理"], ["就业"], [],
            "《中华人民共和国退役军人保障法》第六十一条",
            "本省户籍的退役军人。",
            [O(IdCard), C("退役证件")],
            "不收费", 30, 20, OnlineDepth.OnlineAcceptance, Standard, "优待证 退役军人证"),
        new("990000TY002", "TY", "自主就业退役士兵一次性经济补助金发放", ServiceItemType.Payment, true, false, ["优待抚恤", "就业创业"], ["就业"], [],
            "《退役士兵安置条例》第十九条",
            "选择自主就业、在本省落户的退役士兵。",
            [C("退出现役证", 1), C("本人银行卡")],
            "不收费", 30, 20, OnlineDepth.PreReview, Standard),
        new("990121GA001", "QHGA", "户口迁移（市内迁移）", ServiceItemType.Confirmation, true, false, ["户籍办理"], ["住房", "结婚"], [],
            "《中华人民共和国户口登记条例》第十三条",
            "在清河县内变更住址、投靠亲属或购房落户的居民。",
            [O("迁移人户口簿和居民身份证"), C("迁入地合法稳定住所证明")],
            "不收费", null, 3, OnlineDepth.PreReview, OnTheSpot),
        new("990000ZJ003", "ZJ", "住房公积金个人贷款申请", ServiceItemType.PublicService, true, false, ["住房保障", "融资信贷"], ["住房"], [],
            "《住房公积金管理条例》第二十六条",
            "连续足额缴存住房公积金满六个月，购买、建造、翻建、大修自住住房的缴存职工。",
            [OC("借款人及配偶居民身份证"), C("购房合同"), C("首付款凭证"), C("婚姻状况证明")],
            "不收费", 15, 10, OnlineDepth.OnlineAcceptance, ["申请", "审核", "签订合同", "放款"], "公积金贷款 买房贷款"),
        // 企业：开办
        new("990000SJ002", "SJ", "企业设立登记", ServiceItemType.Licence, false, true, ["设立变更"], [], ["开办"],
            "《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第三条",
            "申请设立有限责任公司、股份有限公司及其分公司，名称、住所、经营范围等符合规定。",
            [O("公司登记（备案）申请书"), O("公司章程"), C("股东主体资格文件或自然人身份证件"), C("住所使用相关文件")],
            "不收费", 15, 1, OnlineDepth.FullyOnline, ["网上申报", "审核", "核准登记", "发放营业执照"], "开公司 注册公司 办营业执照 企业开办",
            [("一天能办完吗？", "可以。通过“企业开办”专区一次填报，营业执照、公章刻制、发票申领和社保登记1个工作日内办结。")]),
        new("990000SW001", "SW", "新办纳税人套餐（发票领用）", ServiceItemType.PublicService, false, true, ["税收财务", "设立变更"], [], ["开办", "纳税"],
            "《中华人民共和国发票管理办法》第十五条；《中华人民共和国税收征收管理法》第十五条",
            "已领取营业执照、首次办理涉税事项的新办纳税人。",
            [E("经办人身份信息", "网上实名认证")],
            "不收费", null, 1, OnlineDepth.FullyOnline, ["网上申请", "税务审核", "发票发放或邮寄"], "领发票 新办企业税务"),
        new("990000RS009", "RS", "单位参保登记", ServiceItemType.PublicService, false, true, ["社会保障", "人力资源"], [], ["开办", "用工"],
            "《中华人民共和国社会保险法》第五十七条",
            "依法成立的用人单位。",
            [C("营业执照或登记证书")],
            "不收费", 15, 0, OnlineDepth.FullyOnline, OnTheSpot, "企业社保开户 单位社保登记"),
        new("990121SJ001", "QHSJ", "企业名称自主申报", ServiceItemType.PublicService, false, true, ["设立变更"], [], ["开办"],
            "《企业名称登记管理规定》第十七条",
            "拟设立企业，名称符合企业名称登记管理规定。",
            [E("申请人身份信息")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上申报", "系统比对", "自主选用"]),
        // 准营
        new("990000SJ003", "SJ", "食品经营许可", ServiceItemType.Licence, false, true, ["准营准办", "市场监管"], [], ["准营"],
            "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第十二条",
            "从事食品销售和餐饮服务，具有与经营的食品品种、数量相适应的经营场所、设备设施、管理制度和人员。",
            [O("食品经营许可申请书"), C("营业执照"), O("与食品经营相适应的主要设备设施布局、操作流程等文件"), O("食品安全自查、从业人员健康管理等制度")],
            "不收费", 10, 5, OnlineDepth.OnlineAcceptance, ["申请", "材料审查", "现场核查", "决定", "发证"], "食品经营许可证 开饭店 开餐馆"),
        new("990000WJ004", "WJ", "公共场所卫生许可", ServiceItemType.Licence, false, true, ["准营准办", "医疗卫生"], [], ["准营"],
            "《公共场所卫生管理条例》第八条",
            "经营宾馆、美容美发、游泳场所等公共场所的单位。",
            [O("公共场所卫生许可申请表"), C("营业执照"), O("卫生检测报告")],
            "许可不收费；卫生检测费用按规定收取", 20, 10, OnlineDepth.OnlineAcceptance, ["申请", "审查", "现场审核", "决定"], "卫生许可证 开美容店"),
        new("990000JT002", "JT", "道路货物运输经营许可", ServiceItemType.Licence, false, true, ["准营准办", "交通运输"], [], ["准营"],
            "《中华人民共和国道路运输条例》第二十四条",
            "有与其经营业务相适应并经检测合格的车辆、符合条件的驾驶人员和健全的安全生产管理制度。",
            [O("道路货物运输经营申请表"), C("负责人身份证明"), C("车辆行驶证和检测报告"), C("驾驶人员从业资格证")],
            "不收费", 20, 10, OnlineDepth.OnlineAcceptance, Standard, "道路运输许可证 货运资质"),
        new("990000ZJ004", "ZJ", "建筑业企业资质核准", ServiceItemType.Licence, false, true, ["资质认证", "国土和规划建设"], [], ["准营"],
            "《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》第九条",
            "在本省登记、申请施工总承包或专业承包资质的建筑业企业。",
            [O("建筑业企业资质申请表"), C("营业执照"), C("企业主要人员证明材料"), C("企业业绩证明材料")],
            "不收费", 20, 15, OnlineDepth.FullyOnline, ["网上申报", "专家评审", "公示", "决定"], "建筑资质 施工资质"),
        // 经营
        new("990000SW002", "SW", "增值税纳税申报", ServiceItemType.PublicService, false, true, ["税收财务"], [], ["纳税", "经营"],
            "《中华人民共和国增值税暂行条例》第二十三条",
            "增值税纳税人。",
            [E("增值税纳税申报表及附列资料")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "申报", "缴款"], "报税 增值税申报"),
        new("990000SW003", "SW", "个人所得税综合所得年度汇算", ServiceItemType.PublicService, true, false, ["税收财务"], ["就业"], [],
            "《中华人民共和国个人所得税法》第十条、第十一条",
            "取得综合所得且需要补税或申请退税的居民个人。",
            [E("收入和扣除信息", "个税APP中确认")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "申报", "退税或补税"], "个税退税 个税汇算"),
        new("990000SJ004", "SJ", "企业年度报告公示", ServiceItemType.OtherPower, false, true, ["年检年审", "市场监管"], [], ["经营"],
            "《企业信息公示暂行条例》第八条",
            "上一年度已登记的企业，每年1月1日至6月30日报送年度报告。",
            [E("企业年度报告")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "公示"], "年报 企业年报"),
        new("990000RS010", "RS", "企业职工培训补贴申领", ServiceItemType.Payment, false, true, ["人力资源", "就业创业"], [], ["用工", "经营"],
            "《关于实施职业技能提升行动“互联网+职业技能培训计划”的通知》；《江川省职业技能提升行动实施方案》（演示文件）",
            "组织职工参加职业技能培训并取得相应证书的企业。",
            [O("培训补贴申请表"), C("培训人员花名册和证书")],
            "不收费", 30, 20, OnlineDepth.OnlineAcceptance, ["申请", "审核", "公示", "拨付"], "培训补贴"),
        new("990000SJ005", "SJ", "动产抵押登记", ServiceItemType.Confirmation, false, true, ["抵押质押", "融资信贷"], [], ["融资"],
            "《中华人民共和国民法典》第四百零三条；《动产和权利担保统一登记办法》",
            "以生产设备、原材料、半成品、产品等动产设立抵押的企业、个体工商户。",
            [E("动产抵押登记信息", "在统一登记系统填报")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "登记"], "设备抵押"),
        // 变更
        new("990000SJ006", "SJ", "企业变更登记", ServiceItemType.Licence, false, true, ["设立变更"], [], ["变更"],
            "《中华人民共和国市场主体登记管理条例》第二十四条",
            "企业变更名称、住所、法定代表人、注册资本、经营范围等登记事项。",
            [O("公司登记（备案）申请书"), O("变更决议或决定"), C("修改后的公司章程或章程修正案")],
            "不收费", 15, 1, OnlineDepth.FullyOnline, Registration, "公司变更 改名字 换法人"),
        // 投资建设
        new("990000FG001", "FG", "企业投资项目备案", ServiceItemType.OtherPower, false, true, ["投资审批"], [], ["投资建设"],
            "《企业投资项目核准和备案管理条例》第三条、第十三条",
            "在本省建设的、不涉及国家安全和重大生产力布局的企业投资项目。",
            [E("项目备案信息", "在投资项目在线审批监管平台填报")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上填报", "备案"], "项目备案 投资备案"),
        new("990000FG002", "FG", "企业投资项目核准", ServiceItemType.Licence, false, true, ["投资审批"], [], ["投资建设"],
            "《企业投资项目核准和备案管理条例》第三条；《政府核准的投资项目目录》",
            "列入政府核准的投资项目目录、由省级核准的企业投资项目。",
            [O("项目申请报告"), C("城乡规划主管部门出具的选址意见书（仅指以划拨方式提供国有土地使用权的项目）"), C("用地预审与选址意见书")],
            "不收费", 20, 15, OnlineDepth.OnlineAcceptance, ["受理", "评估论证", "征求意见", "核准决定"], "项目核准"),
        new("990000FG003", "FG", "固定资产投资项目节能审查", ServiceItemType.Licence, false, true, ["投资审批", "环保绿化"], [], ["投资建设"],
            "《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能审查办法》第五条",
            "年综合能源消费量达到规定标准的固定资产投资项目。",
            [O("节能报告"), O("节能审查申请文件")],
            "不收费", 20, 15, OnlineDepth.OnlineAcceptance, ["受理", "技术评审", "审查决定"], "节能审查 能评"),
        new("990000ZJ005", "ZJ", "建筑工程施工许可", ServiceItemType.Licence, false, true, ["国土和规划建设"], [], ["投资建设"],
            "《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》",
            "",
            [O("建筑工程施工许可申请表"), C("建设工程规划许可证"), C("施工合同")],
            "详见窗口", 7, null, OnlineDepth.Information, [], Draft: true),
        // 进出口
        new("990000SW004", "SW", "出口退（免）税备案", ServiceItemType.OtherPower, false, true, ["税收财务", "商务贸易"], [], ["进出口"],
            "《财政部 国家税务总局关于出口货物劳务增值税和消费税政策的通知》（财税〔2012〕39号）",
            "已办理对外贸易经营者备案、首次申报出口退（免）税的出口企业。",
            [E("出口退（免）税备案表")],
            "不收费", null, 0, OnlineDepth.FullyOnline, ["网上提交", "审核", "备案"], "出口退税"),
        // 注销
        new("990000SJ007", "SJ", "企业注销登记（含简易注销）", ServiceItemType.Licence, false, true, ["破产注销"], [], ["注销"],
            "《中华人民共和国公司法》第二百三十九条；《中华人民共和国市场主体登记管理条例》第三十一条",
            "企业因解散、被宣告破产或者其他法定事由需要终止的；未发生债权债务或已将债权债务清偿完结的可适用简易注销。",
            [O("注销登记申请书"), O("清算报告或全体投资人承诺书"), O("依法作出的解散决议或决定")],
            "不收费", 10, 1, OnlineDepth.FullyOnline, ["公告", "申请", "审核", "注销登记"], "注销公司 关公司 简易注销"),
        new("990000SW005", "SW", "清税申报", ServiceItemType.PublicService, false, true, ["税收财务", "破产注销"], [], ["注销"],
            "《中华人民共和国税收征收管理法实施细则》第十五条",
            "申请注销的纳税人。",
            [E("清税申报表")],
            "不收费", null, 1, OnlineDepth.FullyOnline, ["网上申请", "税务清算", "出具清税文书"]),
        new("990121SJ002", "QHSJ", "个体工商户注销登记", ServiceItemType.Licence, true, false, ["设立变更"], [], [],
            "《促进个体工商户发展条例》第十四条",
            "个体工商户不再从事经营活动。",
            [O("个体工商户注销登记申请书"), O("营业执照正副本")],
            "不收费", 3, 0, OnlineDepth.FullyOnline, OnTheSpot),
        // 用工
        new("990000RS011", "RS", "劳务派遣经营许可", ServiceItemType.Licence, false, true, ["人力资源", "准营准办"], [], ["用工", "准营"],
            "《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》",
            "注册资本不少于人民币二百万元，有与开展业务相适应的固定经营场所和设施，有符合法律规定的劳务派遣管理制度。",
            [O("劳务派遣经营许可申请书"), C("营业执照"), C("验资报告或出资证明"), O("劳务派遣管理制度")],
            "按规定", 20, 15, OnlineDepth.OnlineAcceptance, Standard),
        // 草稿：要素不全，编辑已被提示，不能发布
        new("990121MZ004", "QHMZ", "临时救助申请", ServiceItemType.Payment, true, false, ["社会保障"], ["身后事", "就医"], [],
            "", "因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。",
            [O("临时救助申请书"), C(IdCard)],
            "", null, 10, OnlineDepth.Information, Standard, Draft: true),
        new("990000JY005", "JY", "中小学教师职称评审", ServiceItemType.Confirmation, true, false, ["职业资格", "教育科研"], ["就业"], [],
            "《中小学教师职称评审工作实施办法》（演示文件）",
            "符合申报条件的中小学在职教师。",
            [],
            "不收费", null, null, OnlineDepth.Information, [], Draft: true),
    ];

    /// <summary>Adds the catalogue, its ratings and a month of use; does nothing when the portal already has items.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, int> siteIds, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var portal = siteIds[DemoRegion.ProvincialPortalCode];
        if (await db.ServiceItems.IgnoreQueryFilters().AnyAsync(i => i.SiteId == portal, ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(DemoRegion.RandomSeed);
        var items = new List<ServiceItem>();
        foreach (var row in Rows())
        {
            var department = Departments.First(d => d.Key == row.Department);
            var content = new ServiceGuideContent
            {
                Code = row.Code, Name = row.Name, Type = row.Type, ForPersons = row.Persons, ForEnterprises = row.Enterprises,
                Themes = [.. row.Themes], LifeEvents = [.. row.Life], BusinessEvents = [.. row.Business],
                Department = department.Name, LegalBasis = row.Basis, Conditions = row.Conditions,
                Location = row.Draft && row.Steps.Length == 0 ? "" : department.Location, Fee = row.Fee,
                OfficeHours = row.Draft && row.Steps.Length == 0 ? "" : row.OfficeHours ?? Hours,
                LegalDays = row.Legal, PromisedDays = row.Promised, Phone = department.Phone, SupervisionPhone = department.Supervision,
                HallUrl = row.Depth == OnlineDepth.Information && row.Code.EndsWith('3') ? null : Hall + row.Code, OnlineDepth = row.Depth,
                Keywords = row.Keywords,
                Materials = [.. row.Materials.Select(m => new MaterialInput { Name = m.Name, Form = m.Form, Originals = m.Originals, Copies = m.Copies, Note = m.Note })],
                Steps = [.. row.Steps.Select(s => new StepInput { Name = s })],
                Questions = [.. (row.Questions ?? []).Select(q => new QuestionInput { Question = q.Q, Answer = q.A })],
            };
            if (!row.Draft)
            {
                content.Documents.Add(new DocumentInput { Kind = DocumentKind.Form, Title = $"{row.Name}申请表", Url = $"{Hall}{row.Code}/form" });
            }
            content.Normalise();
            var publishedAt = now.AddDays(-random.Next(30, 400));
            var item = new ServiceItem
            {
                SiteId = siteIds[department.SiteCode], CreatedAt = publishedAt.AddDays(-3), UpdatedAt = publishedAt, UpdatedBy = "系统",
            };
            content.ApplyTo(item);
            if (row.Draft || !content.CheckComplete().IsValid)
            {
                item.Status = ServiceItemStatus.Draft;
            }
            else
            {
                item.Status = ServiceItemStatus.Published;
                item.SubmittedBy = "演示编辑";
                item.PublishedAt = publishedAt;
                item.ReviewedAt = publishedAt;
                item.ReviewedBy = "演示审核员";
            }
            items.Add(item);
        }
        db.ServiceItems.AddRange(items);
        await db.SaveChangesAsync(ct);

        // 好差评: most satisfied, some not, a few with comments; 差评 partly followed up.
        var comments = new[]
        {
            "网上提交后第二天就办好了，不用跑窗口，点赞！", "材料清单写得很清楚，一次就办成了。", "窗口工作人员态度很好，耐心解释。",
            "页面上说的材料和窗口要求的不一样，多跑了一趟。", "网上办事大厅经常登录不上。", "办理时间比承诺的长，希望改进。",
        };
        var published = items.Where(i => i.Status == ServiceItemStatus.Published).ToList();
        foreach (var item in published)
        {
            var count = random.Next(0, 14);
            for (var k = 0; k < count; k++)
            {
                var roll = random.Next(100);
                var level = roll < 55 ? RatingLevel.VerySatisfied : roll < 80 ? RatingLevel.Satisfied : roll < 90 ? RatingLevel.Basic
                    : roll < 97 ? RatingLevel.Dissatisfied : RatingLevel.VeryDissatisfied;
                var bad = level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;
                var at = now.AddDays(-random.Next(1, 120)).AddMinutes(-random.Next(0, 1440));
                db.ServiceRatings.Add(new ServiceRating
                {
                    ItemId = item.Id, SiteId = item.SiteId, Level = level, CreatedAt = at,
                    Comment = random.Next(4) == 0 || bad ? comments[bad ? 3 + random.Next(3) : random.Next(3)] : null,
                    ClientHash = ServiceRatings.ClientHash($"demo-{item.Id}-{k}"),
                    FollowUp = bad && random.Next(2) == 0 ? "已电话回访申请人，说明情况并改进了办事指南中的材料说明。" : null,
                }.FollowedUp(at));
            }
        }
        // A month of use, weighted: the hottest items are used most.
        var today = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(now));
        var hot = new[] { HottestCode, "990000RS003", "990000SJ002", "990000ZJ001", "990000YB002", "990121MZ001", "990000WJ002", "990000GA005" };
        foreach (var item in published)
        {
            var weight = Array.IndexOf(hot, item.Code) is var rank and >= 0 ? 60 - rank * 6 : random.Next(0, 6);
            for (var d = 0; d < 30; d++)
            {
                var views = weight == 0 ? 0 : random.Next(weight / 2, weight + 1);
                if (views > 0)
                {
                    db.ServiceUses.Add(new ServiceUse { ItemId = item.Id, Day = today.AddDays(-d), Views = views, HallVisits = views / 3 });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
