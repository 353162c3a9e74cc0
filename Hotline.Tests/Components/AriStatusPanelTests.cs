using Bunit;
using Hotline.Core.Recordings;
using Hotline.Telephony;
using Hotline.Telephony.Asterisk;
using Hotline.Web.Components.Pages.Supervisor;
using Hotline.Web.Recordings;
using Hotline.Web.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Hotline.Tests.Components;

/// <summary>The supervisor view says which Asterisk nodes run without ARI, and whose ARI does not answer.</summary>
public sealed class AriStatusPanelTests : BunitContext
{
    private readonly AriNodeMonitor _monitor;
    private readonly RecordingFiles _files;

    public AriStatusPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var options = new TelephonyOptions { Mode = "Asterisk" };
        options.Asterisk.Nodes.Add(Node("site-a", ariUrl: ""));
        // Nothing listens on port 9 of loopback: a configured ARI that does not answer.
        options.Asterisk.Nodes.Add(Node("site-b", ariUrl: "http://127.0.0.1:9/ari"));
        _files = new RecordingFiles(Options.Create(options), Options.Create(new RecordingOptions()));
        _monitor = new AriNodeMonitor(Options.Create(options), _files, TimeProvider.System, NullLogger<AriNodeMonitor>.Instance);
        Services.AddSingleton(_monitor);
    }

    [Fact]
    public void A_node_without_ari_settings_is_said_to_have_what_needs_ari_off()
    {
        var cut = Render<AriStatusPanel>();

        var alert = cut.Find("[data-node='site-a']");
        Assert.Equal("off", alert.GetAttribute("data-ari"));
        Assert.Contains("节点 site-a 未配置 ARI", alert.TextContent);
        Assert.Contains("不可用", alert.TextContent);
    }

    [Fact]
    public async Task A_configured_ari_that_does_not_answer_shows_as_down_after_the_check()
    {
        var cut = Render<AriStatusPanel>();
        Assert.Equal("unknown", cut.Find("[data-node='site-b']").GetAttribute("data-ari"));

        await _monitor.CheckAsync(Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Equal("down", cut.Find("[data-node='site-b']").GetAttribute("data-ari")));
        Assert.Contains("节点 site-b 的 ARI 无法连接", cut.Find("[data-node='site-b']").TextContent);
        Assert.False(_monitor.States.Single(s => s.Node == "site-b").AriUp);
    }

    [Fact]
    public void With_the_simulated_switch_there_is_nothing_to_say()
    {
        var simulated = new AriNodeMonitor(Options.Create(new TelephonyOptions()), _files, TimeProvider.System, NullLogger<AriNodeMonitor>.Instance);

        Assert.Empty(simulated.States);
    }

    private static AsteriskNodeOptions Node(string name, string ariUrl) => new()
    {
        Name = name,
        Ami = new AmiEndpointOptions { Host = "127.0.0.1", User = "hotline", Secret = "x" },
        Ari = new AriEndpointOptions { BaseUrl = ariUrl, User = "hotline", Password = "x" },
    };

    protected override ValueTask DisposeAsyncCore()
    {
        _files.Dispose();
        return base.DisposeAsyncCore();
    }
}
