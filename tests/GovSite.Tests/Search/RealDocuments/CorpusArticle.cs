using GovSite.Sites;

namespace GovSite.Tests.Search.RealDocuments;

/// <summary>Where an article is placed: the standard column of that kind on its site.</summary>
public enum CorpusColumn
{
    News,
    Notice,
    Policy,
    Interpretation,
    Guide,
    Mailbox,
    Report,
}

public sealed record CorpusSite(string Code, string Name, SiteType Type, string Domain);

/// <summary>
/// One article of the judged corpus, seed or generated. <see cref="About"/> is what a reader says
/// the article is about (tags such as 人物:韩永文, 文号:国办发〔2014〕57号, 地方:江门, 主题:集约化); the
/// judged queries name their relevant documents by key or by these tags, never by what GovSite finds.
/// </summary>
public sealed record CorpusArticle(string Key, string SiteCode, CorpusColumn Column, string Title, string Body,
    DateTime PublishedAt, IReadOnlySet<string> About)
{
    public string? Source { get; init; }
    public string? Author { get; init; }
    public string? DocNumber { get; init; }
    public string? Issuer { get; init; }
    public string? IndexNumber { get; init; }
    public DateOnly? WrittenDate { get; init; }

    /// <summary>Key of the policy document this article interprets (解读), when there is one.</summary>
    public string? Interprets { get; init; }

    /// <summary>Written in traditional script.</summary>
    public bool Traditional { get; init; }

    public bool IsSeed => Key.StartsWith("seed-", StringComparison.Ordinal);

    public string Text => Title + "\n" + Body;
}

/// <summary>The tag vocabulary: one spelling per thing, simplified script, so a query names it once.</summary>
public static class Tag
{
    public const string Doc57 = "文号:国办发〔2014〕57号";
    public const string Doc73 = "文号:粤府办〔2014〕73号";
    public const string DocJiangmen3 = "文号:江府办〔2015〕3号";
    public const string DocJiangmenLetter3 = "文号:江府办函〔2015〕3号";
    public const string Doc12 = "文号:国办函〔2018〕12号";
    public const string Doc47 = "文号:国办发〔2017〕47号";
    public const string DocBeijing51 = "文号:京政办发〔2017〕51号";

    /// <summary>The trap documents: other issuers' documents with the same numbers.</summary>
    public const string DocSocial57 = "文号:江人社发〔2016〕57号";
    public const string DocDibao12 = "文号:江府办〔2018〕12号";

    public const string Websites = "主题:政府网站";
    public const string ContentBuilding = "主题:信息内容建设";
    public const string Intensive = "主题:集约化";
    public const string Integration = "主题:网站整合";
    public const string Updates = "主题:网站更新";
    public const string Zombie = "主题:僵尸网站";
    public const string AnnualReport = "主题:年度报表";
    public const string Accountability = "主题:问责";
    public const string Guideline = "主题:政府网站发展指引";
    public const string ErrorReports = "主题:我为政府网站找错";
    public const string SpotCheck = "主题:抽查";
    public const string Disclosure = "主题:信息公开";
    public const string DisclosureReport = "主题:信息公开年度报告";
    public const string Interaction = "主题:互动交流";
    public const string Mailbox = "主题:领导信箱";
    public const string Interview = "主题:在线访谈";
    public const string Consultation = "主题:意见征集";
    public const string Interpretation = "类型:解读";

    public const string SocialInsurance = "主题:社会保险";
    public const string SocialPayment = "主题:社保缴费";
    public const string SocialCard = "主题:社保卡";
    public const string SocialCardReplacement = "主题:社保卡补领";
    public const string Pension = "主题:养老金";
    public const string PensionRise = "主题:养老金调整";
    public const string Unemployment = "主题:失业保险";
    public const string UnemploymentBenefit = "主题:失业保险金申领";
    public const string WorkInjury = "主题:工伤保险";
    public const string SchoolEntry = "主题:义务教育入学";
    public const string Education = "主题:教育";
    public const string Dibao = "主题:低保";
    public const string DibaoStandard = "主题:低保标准";
    public const string DibaoApply = "主题:低保申请";
    public const string DibaoList = "主题:低保公示";
    public const string SocialAssistance = "主题:社会救助";
    public const string RealEstate = "主题:不动产登记";
    public const string RealEstateTransfer = "主题:不动产转移登记";
    public const string LandUse = "主题:自然资源";
    public const string CompanySetup = "主题:开办企业";
    public const string Business = "主题:营商环境";
    public const string Medical = "主题:医疗保障";
    public const string MedicalElsewhere = "主题:异地就医";
    public const string HousingFund = "主题:住房公积金";
    public const string HousingFundWithdrawal = "主题:公积金提取";
    public const string Safety = "主题:应急安全";
    public const string Other = "主题:其他政务";

    public static string Person(string name) => "人物:" + name;

    public static string Place(string name) => "地方:" + name;
}
