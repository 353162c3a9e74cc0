using Hotline.Telephony;
using Hotline.Web.Configuration;
using Hotline.Web.Recordings;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Telephony;

/// <summary>
/// Knows, for every Asterisk node, whether ARI is configured and whether it answers: a node with empty
/// <c>Ari:*</c> settings runs on AMI alone (said in the log and here, for the supervisor view); a configured one is
/// checked with <c>GET {Ari:BaseUrl}/asterisk/info</c> at start and every <see cref="Interval"/>. With the simulated
/// switch there are no nodes.
/// </summary>
public sealed class AriNodeMonitor : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>What is off on a node without ARI (kept in one place for the log, the API and the page).</summary>
    public const string WhatNeedsAri = "从交换机取录音文件（节点未配置本地录音目录时）、按保存期限删除交换机上的录音";

    private readonly RecordingFiles _files;
    private readonly TimeProvider _time;
    private readonly ILogger<AriNodeMonitor> _logger;
    private readonly Lock _gate = new();
    private List<AriNodeState> _states;

    public AriNodeMonitor(IOptions<TelephonyOptions> telephony, RecordingFiles files, TimeProvider time, ILogger<AriNodeMonitor> logger)
    {
        _files = files;
        _time = time;
        _logger = logger;
        var options = telephony.Value;
        var nodes = string.Equals(options.Mode, TelephonyOptionsValidator.Asterisk, StringComparison.OrdinalIgnoreCase) ? options.Asterisk.Nodes : [];
        _states = nodes.Select(n => string.IsNullOrWhiteSpace(n.Ari.BaseUrl)
            ? new AriNodeState(n.Name, false, null, null, null, $"节点 {n.Name} 未配置 ARI：{WhatNeedsAri}不可用；其余功能经 AMI 正常运行。")
            : new AriNodeState(n.Name, true, null, null, null, $"节点 {n.Name} 的 ARI 尚未检查。")).ToList();
    }

    /// <summary>Raised after a check changed something.</summary>
    public event Action? Changed;

    public IReadOnlyList<AriNodeState> States
    {
        get
        {
            lock (_gate) return _states;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nodes without ARI are logged by AsteriskTelephony when it starts.
        if (!States.Any(s => s.AriConfigured)) return;
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checks every configured node once.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var updated = new List<AriNodeState>();
        foreach (var state in States)
        {
            if (!state.AriConfigured || _files.Ari(state.Node) is not { } ari)
            {
                updated.Add(state);
                continue;
            }

            var now = _time.GetUtcNow();
            try
            {
                var version = await ari.GetVersionAsync(cancellationToken);
                updated.Add(state with { AriUp = true, Version = version, CheckedAt = now, Message = $"节点 {state.Node} 的 ARI 正常（Asterisk {version}）。" });
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
            {
                if (state.AriUp != false) _logger.LogWarning("Asterisk {Node}: ARI does not answer ({Reason})", state.Node, ex.Message);
                updated.Add(state with { AriUp = false, CheckedAt = now, Message = $"节点 {state.Node} 的 ARI 无法连接：{WhatNeedsAri}暂不可用。" });
            }
        }

        bool changed;
        lock (_gate)
        {
            changed = !updated.Select(s => (s.AriUp, s.Version)).SequenceEqual(_states.Select(s => (s.AriUp, s.Version)));
            _states = updated;
        }

        if (changed) Changed?.Invoke();
    }
}
