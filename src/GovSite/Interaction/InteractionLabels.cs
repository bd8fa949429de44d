namespace GovSite.Interaction;

public static class InteractionLabels
{
    public static string Of(ChannelKind kind) => kind switch
    {
        ChannelKind.LeaderMailbox => "领导信箱",
        ChannelKind.Consultation => "咨询",
        ChannelKind.Complaint => "投诉",
        ChannelKind.Suggestion => "建议",
        _ => kind.ToString(),
    };

    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.Received => "待分拣",
        MessageStatus.Handling => "办理中",
        MessageStatus.Transferred => "转办待接收",
        MessageStatus.Replied => "已答复待发布",
        MessageStatus.Published => "已办结",
        MessageStatus.Invalid => "无效留言",
        MessageStatus.Duplicate => "重复留言",
        MessageStatus.CannotHandle => "无法办理（已说明）",
        _ => status.ToString(),
    };

    /// <summary>What the citizen sees: replies not yet published are still "in handling".</summary>
    public static string ForCitizen(MessageStatus status) => status switch
    {
        MessageStatus.Received => "已受理，待分拣",
        MessageStatus.Handling or MessageStatus.Transferred or MessageStatus.Replied => "办理中",
        _ => Of(status),
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.Reminder => "即将到期提醒",
        AlertKind.OverdueSiteAdmin => "已超期（督办网站管理员）",
        AlertKind.OverdueSupervisor => "超期未办（上报监管单位）",
        _ => kind.ToString(),
    };

    public static string Of(DeadlineState state) => state switch
    {
        DeadlineState.OnTrack => "正常",
        DeadlineState.DueSoon => "即将到期",
        DeadlineState.Overdue => "已超期",
        DeadlineState.Escalated => "严重超期",
        _ => state.ToString(),
    };
}
