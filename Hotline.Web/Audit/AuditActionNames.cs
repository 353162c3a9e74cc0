using Hotline.Core.Audit;

namespace Hotline.Web.Audit;

/// <summary>Chinese names of the audited actions, for the admin page and the export.</summary>
public static class AuditActionNames
{
    public static readonly IReadOnlyList<(string Action, string Name)> All =
    [
        (AuditActions.SignIn, "登录成功"),
        (AuditActions.SignInFailed, "登录失败"),
        (AuditActions.Lockout, "账户锁定"),
        (AuditActions.SignOut, "退出登录"),
        (AuditActions.NumberRevealed, "显示完整号码"),
        (AuditActions.TicketViewed, "承办单位查看工单"),
        (AuditActions.RecordingPlayed, "播放录音"),
        (AuditActions.RecordingDownloaded, "下载录音"),
        (AuditActions.RecordingsDeleted, "删除录音"),
        (AuditActions.Export, "导出"),
        (AuditActions.UserChanged, "用户变更"),
        (AuditActions.RoleChanged, "角色变更"),
        (AuditActions.SettingChanged, "设置变更"),
        (AuditActions.IvrEdited, "IVR 编辑"),
    ];

    public static string Of(string action) => All.FirstOrDefault(a => a.Action == action).Name ?? action;
}
