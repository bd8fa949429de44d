using GovSite.Accounts;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Common;

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

    public static string Of(Publishing.Library.ItemStatus status) => status switch
    {
        Publishing.Library.ItemStatus.Draft => "草稿",
        Publishing.Library.ItemStatus.Submitted => "待审核",
        Publishing.Library.ItemStatus.ConfidentialityReview => "待保密审查",
        Publishing.Library.ItemStatus.Approved => "审核通过，待发布",
        Publishing.Library.ItemStatus.Scheduled => "定时发布",
        Publishing.Library.ItemStatus.Published => "已发布",
        _ => "已撤回",
    };

    public static string Action(string action) => action switch
    {
        "create" => "创建",
        "submit" => "提交审核",
        "approve" => "审核通过",
        "clear" => "保密审查通过",
        "reject" => "退回修改",
        "schedule" => "设定定时发布",
        "publish" => "发布",
        "timed_publish" => "定时发布（系统）",
        "schedule_withdraw" => "设定定时撤回",
        "withdraw" => "撤回",
        "timed_withdraw" => "定时撤回（系统）",
        "edit" => "修改",
        "reopen" => "审核后修改，退回草稿",
        "revise" => "修改已发布稿件（生成待审修订）",
        "discard" => "放弃修订",
        "request_withdraw" => "申请撤回",
        "urgent_publish" => "紧急更正发布",
        "urgent_withdraw" => "紧急撤回",
        "withdraw_placement" => "撤下转载",
        _ => action,
    };

    public static string Of(Publishing.Library.InterpretationKind kind) => kind switch
    {
        Publishing.Library.InterpretationKind.Text => "文字解读",
        Publishing.Library.InterpretationKind.Graphic => "图解",
        Publishing.Library.InterpretationKind.Media => "音视频解读",
        Publishing.Library.InterpretationKind.Expert => "专家解读",
        _ => "媒体评论",
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
