using System.Security.Claims;
using Hotline.Core.Audit;
using Hotline.Core.Ivr;
using Hotline.Telephony;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Simulation;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Ivr;

/// <summary>
/// Saves the IVR menu an Admin edits (validated, versioned, audited with what changed) and applies it: generates the
/// dialplan include and has the switch write it and reload (<see cref="IDialplanPublisher"/>); each apply is audited
/// too. Messages are Chinese: the admin page shows them.
/// </summary>
public sealed class IvrPublisher(IvrMenuStore store, ITelephony telephony, IOptions<TelephonyOptions> options, AuditLog audit, ILogger<IvrPublisher> logger)
{
    /// <summary>The include for <paramref name="menu"/> with this product's queue and callback settings.</summary>
    public string Generate(IvrMenu menu) =>
        IvrDialplan.Generate(menu, options.Value.Asterisk.Queue, options.Value.Callbacks.OfferAfterSeconds);

    /// <summary>True when the switch takes a generated dialplan (Asterisk); the simulated switch has none.</summary>
    public bool SwitchTakesDialplan => telephony is IDialplanPublisher;

    /// <summary>Validates and stores the menu; the audit row lists the changes. Errors (Chinese) when invalid.</summary>
    public async Task<IvrSaveResult> SaveAsync(IvrMenu menu, ClaimsPrincipal user, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(user);
        var errors = IvrMenuValidator.Validate(menu);
        if (errors.Count > 0) return new IvrSaveResult(errors, [], 0);

        var (before, _) = await store.LoadVersionAsync(cancellationToken);
        var changes = IvrMenuChanges.Describe(before, menu);
        if (changes.Count == 0) return new IvrSaveResult([], [], 0);

        var userName = user.Identity?.Name ?? "";
        var version = await store.SaveAsync(menu, userName, cancellationToken);
        await audit.WriteAsync(userName, user.FindFirstValue(ClaimTypes.Role), address, AuditActions.IvrEdited,
            $"ivr-menu:{version}", "修改语音导航菜单：" + string.Join("；", changes), cancellationToken);
        logger.LogInformation("IVR menu version {Version} saved by {User}: {Changes}", version, userName, string.Join("; ", changes));
        return new IvrSaveResult([], changes, version);
    }

    /// <summary>Generates the stored menu's include and publishes it to every node; audited with the outcome.</summary>
    public async Task<IvrApplyResult> ApplyAsync(ClaimsPrincipal user, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (menu, version) = await store.LoadVersionAsync(cancellationToken);
        var text = Generate(menu);
        IvrApplyResult result;
        if (telephony is not IDialplanPublisher publisher)
        {
            (telephony as SimulatedSwitch)?.UseIvrMenu(menu);
            result = new IvrApplyResult(true, ["当前为模拟交换机，菜单已保存并生效，无需重载拨号方案。"]);
        }
        else
        {
            var nodes = await publisher.PublishIvrAsync(text, IvrDialplan.Extensions(menu), cancellationToken);
            result = new IvrApplyResult(nodes.Count > 0 && nodes.All(n => n.Succeeded), nodes.Select(Describe).ToList());
            foreach (var node in nodes.Where(n => !n.Succeeded))
            {
                logger.LogWarning("IVR menu version {Version} not applied on {Node}: {Outcome} {Detail}", version, node.Node, node.Outcome, node.Detail);
            }
        }

        var userName = user.Identity?.Name ?? "";
        await audit.WriteAsync(userName, user.FindFirstValue(ClaimTypes.Role), address, AuditActions.IvrEdited,
            $"ivr-menu:{version}", (result.Succeeded ? "应用语音导航菜单成功：" : "应用语音导航菜单失败：") + string.Join("；", result.Messages), cancellationToken);
        return result;
    }

    private static string Describe(DialplanPublishResult node) => node.Outcome switch
    {
        DialplanPublishOutcome.Applied => $"节点 {node.Node}：已写入并重载拨号方案。",
        DialplanPublishOutcome.NoPath => $"节点 {node.Node}：未配置 IVR 文件路径（Hotline:Telephony:Asterisk:Nodes:*:IvrIncludePath），未应用。",
        DialplanPublishOutcome.WriteFailed => $"节点 {node.Node}：写入 IVR 文件失败（{node.Detail}）。",
        DialplanPublishOutcome.NotConnected => $"节点 {node.Node}：与交换机的 AMI 连接已断开，未应用。",
        DialplanPublishOutcome.ReloadFailed => $"节点 {node.Node}：重载拨号方案失败（{node.Detail}），请检查 manager.conf 中的 command 写权限。",
        DialplanPublishOutcome.NotLoaded => $"节点 {node.Node}：重载后新菜单未生效（{node.Detail}），请查看 Asterisk 日志。",
        _ => $"节点 {node.Node}：{node.Outcome}",
    };
}
