namespace GovSite.Publishing.Library;

/// <summary>The platform taxonomy's starting entries; platform admins may add more.</summary>
public static class Taxonomy
{
    /// <summary>主题分类, after the State Council's policy-document library.</summary>
    public static readonly string[] Subjects =
    [
        "国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
        "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护",
        "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察",
        "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
    ];

    /// <summary>体裁分类: the fifteen kinds of official document, plus what sites publish besides.</summary>
    public static readonly string[] Genres =
    [
        "决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要",
        "新闻", "解读", "图片", "音视频", "其他",
    ];

    /// <summary>
    /// 体裁 the disclosure catalogue and annual report need besides the official document kinds:
    /// 规章 and 规范性文件 are counted in the report; the others are what catalogues file under.
    /// Added by migration 20261206200000 with the codes <c>gk01</c>…
    /// </summary>
    public static readonly string[] DisclosureGenres = ["规章", "规范性文件", "办法", "规定", "规划", "统计", "预算", "决算", "公示"];
}
