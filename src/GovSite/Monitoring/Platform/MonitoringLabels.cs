namespace GovSite.Monitoring.Platform;

/// <summary>Chinese names of the report's codes, as supervisors say them.</summary>
public static class MonitoringLabels
{
    public static string Verdict(string? verdict) => verdict switch
    {
        "pass" => "合格",
        "fail" => "不合格",
        "error" => "检测失败",
        _ => "尚未检测",
    };

    public static string Veto(string code) => code switch
    {
        VetoCodes.SiteUnreachable => "站点无法访问",
        VetoCodes.HomepageStale => "首页长期未更新",
        VetoCodes.ColumnsStale => "栏目不更新",
        VetoCodes.ColumnsEmpty => "空白栏目过多",
        VetoCodes.SeriousError => "严重表述错误",
        VetoCodes.InteractionUnresponsive => "互动回应差",
        VetoCodes.ServiceGuideIncomplete => "办事服务不实用",
        _ => code,
    };

    public static string Finding(string code) => code switch
    {
        "broken_link" => "链接不可用",
        "missing_footer_item" => "页脚缺少必备信息",
        "invalid_identifier_code" => "网站标识码格式不正确",
        "missing_meta_tag" => "缺少元数据标签",
        "slow_page" => "页面打开缓慢（超过3秒）",
        _ => code,
    };

    public static string Severity(string severity) => severity switch
    {
        "veto" => "单项否决",
        "deduction" => "扣分",
        "notice" => "提示",
        _ => severity,
    };

    /// <summary>Footer items name their detail with a code; other findings carry free text.</summary>
    public static string Detail(string code, string detail) => code != "missing_footer_item" ? detail : detail switch
    {
        "identifier_code" => "网站标识码",
        "icp" => "ICP备案编号",
        "police_record" => "公安机关备案号",
        "error_report_entry" => "“我为政府网站找错”入口",
        "host_unit" => "主办单位",
        "contact" => "联系方式",
        _ => detail,
    };

    public static string ColumnType(string type) => type switch
    {
        "news" => "动态要闻",
        "notice" => "通知公告",
        "policy" => "政策文件",
        "interpretation" => "政策解读",
        "personnel" => "人事信息",
        "planning" => "规划计划",
        "overview" => "概况信息",
        "service" => "办事服务",
        "interaction" => "互动交流",
        "disclosure" => "信息公开",
        "topic" => "专题专栏",
        _ => "其他",
    };

    public static readonly string[] AllVetoes =
    [
        VetoCodes.SiteUnreachable, VetoCodes.HomepageStale, VetoCodes.ColumnsStale, VetoCodes.ColumnsEmpty,
        VetoCodes.SeriousError, VetoCodes.InteractionUnresponsive, VetoCodes.ServiceGuideIncomplete,
    ];
}
