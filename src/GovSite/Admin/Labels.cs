using GovSite.Accounts;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Admin;

/// <summary>Chinese names for the enums people choose from in the back office.</summary>
public static class Labels
{
    public static string Of(SiteType type) => type switch
    {
        SiteType.Portal => "门户网站",
        SiteType.Department => "部门网站",
        _ => type.ToString(),
    };

    public static string Of(SiteLevel level) => level switch
    {
        SiteLevel.Province => "省级",
        SiteLevel.City => "市级",
        SiteLevel.County => "县级",
        _ => level.ToString(),
    };

    public static string Of(SiteStatus status) => status switch
    {
        SiteStatus.Applied => "已申请",
        SiteStatus.Approved => "已审批",
        SiteStatus.Online => "已上线",
        SiteStatus.Migrating => "迁移中",
        SiteStatus.Offline => "临时下线",
        SiteStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    public static string Of(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "市级",
        RegionLevel.County => "县级",
        RegionLevel.Township => "乡镇（街道）",
        _ => level.ToString(),
    };

    public static string Of(Role role) => role switch
    {
        Role.PlatformAdmin => "平台管理员",
        Role.Supervisor => "监管人员",
        Role.SiteAdmin => "网站管理员",
        Role.Editor => "编辑",
        Role.Reviewer => "审核员",
        Role.Contributor => "信息员",
        Role.ConfidentialityReviewer => "保密审查员",
        _ => role.ToString(),
    };

    public static string Of(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Published => "已发布",
        ArticleStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    public static string Of(PolicyValidity validity) => validity switch
    {
        PolicyValidity.Valid => "有效",
        PolicyValidity.Expired => "失效",
        PolicyValidity.Repealed => "废止",
        _ => validity.ToString(),
    };

    public static List<SelectListItem> Options<T>(Func<T, string> label) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString()))];
}
