namespace Hotline.Core.Tickets;

/// <summary>Chinese names shown to users for the ticket enums (code and API use the English member names).</summary>
public static class TicketDisplayNames
{
    public static string ToDisplayName(this TicketStatus status) => status switch
    {
        TicketStatus.Registered => "已受理",
        TicketStatus.Dispatched => "已派单",
        TicketStatus.SignedFor => "办理中",
        TicketStatus.Returned => "已退单",
        TicketStatus.ExtensionRequested => "延期申请中",
        TicketStatus.Replied => "已答复",
        TicketStatus.ReplyRejected => "答复退回",
        TicketStatus.FollowUpPending => "待回访",
        TicketStatus.Redo => "重办",
        TicketStatus.Closed => "已办结",
        TicketStatus.Merged => "已并单",
        _ => status.ToString(),
    };

    public static string ToDisplayName(this TicketAction action) => action switch
    {
        TicketAction.Register => "受理",
        TicketAction.AnswerDirectly => "直接答复",
        TicketAction.Dispatch => "派单",
        TicketAction.SignFor => "签收",
        TicketAction.Return => "退单",
        TicketAction.Reassign => "改派",
        TicketAction.InsistReturn => "维持原派单",
        TicketAction.RequestExtension => "申请延期",
        TicketAction.ApproveExtension => "同意延期",
        TicketAction.RefuseExtension => "不同意延期",
        TicketAction.Reply => "答复",
        TicketAction.AcceptReply => "审核通过",
        TicketAction.RejectReply => "审核退回",
        TicketAction.RecordFollowUp => "回访",
        TicketAction.Close => "办结",
        TicketAction.Urge => "催办",
        TicketAction.Merge => "并单",
        TicketAction.EscalateEmergency => "重大紧急上报",
        TicketAction.AcknowledgeEmergency => "确认紧急信息",
        _ => action.ToString(),
    };

    public static string ToDisplayName(this RequestType type) => type switch
    {
        RequestType.Consultation => "咨询",
        RequestType.HelpRequest => "求助",
        RequestType.Complaint => "投诉",
        RequestType.Report => "举报",
        RequestType.Suggestion => "建议",
        RequestType.Praise => "表扬",
        RequestType.Other => "其他",
        _ => type.ToString(),
    };

    public static string ToDisplayName(this Urgency urgency) => urgency switch
    {
        Urgency.Normal => "一般",
        Urgency.Urgent => "紧急",
        Urgency.Critical => "特急",
        _ => urgency.ToString(),
    };

    public static string ToDisplayName(this TicketChannel channel) => channel switch
    {
        TicketChannel.Phone => "电话",
        TicketChannel.Sms => "短信",
        TicketChannel.WeChat => "微信",
        TicketChannel.Web => "网站",
        _ => channel.ToString(),
    };

    public static string ToDisplayName(this FollowUpResult result) => result switch
    {
        FollowUpResult.Satisfied => "满意",
        FollowUpResult.BasicallySatisfied => "基本满意",
        FollowUpResult.Dissatisfied => "不满意",
        _ => result.ToString(),
    };
}
