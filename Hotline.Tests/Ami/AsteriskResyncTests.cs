using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;
using Microsoft.Extensions.Options;

namespace Hotline.Tests.Ami;

/// <summary>
/// Asterisk accepts AMI logins a few milliseconds before app_queue is loaded (measured on the sandbox: QueueStatus is an
/// "Invalid/unknown command" for ~15 ms after a restart). A fake AMI server on loopback plays that start-up.
/// </summary>
public sealed class AsteriskResyncTests
{
    [Fact]
    public async Task A_queue_status_refused_while_asterisk_starts_is_asked_again_and_the_resync_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var actions = new ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var server = ServeAsync(listener, actions, refuseQueueStatus: 2, stop.Token);

        var options = new TelephonyOptions { Mode = "Asterisk" };
        options.Asterisk.Nodes.Add(new AsteriskNodeOptions
        {
            Name = "n1",
            Ami = new AmiEndpointOptions { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port, User = "u", Secret = "s" },
        });
        await using var telephony = new AsteriskTelephony(Options.Create(options), TimeProvider.System);
        await telephony.StartAsync(ct);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!actions.Contains("GetConfig") && DateTime.UtcNow < deadline) await Task.Delay(20, ct);

        // Then queues.conf is read to check the callback settings (QueueConfigCheck).
        Assert.Equal(["Login", "QueueStatus", "QueueStatus", "QueueStatus", "CoreShowChannels", "GetConfig"], actions.Where(a => a != "Ping"));
        await stop.CancelAsync();
        await server;
    }

    /// <summary>Answers Login, refuses the first <paramref name="refuseQueueStatus"/> QueueStatus actions as Asterisk does while booting.</summary>
    private static async Task ServeAsync(TcpListener listener, ConcurrentQueue<string> actions, int refuseQueueStatus, CancellationToken stop)
    {
        try
        {
            using var socket = await listener.AcceptSocketAsync(stop);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("Asterisk Call Manager/11.0.0\r\n"u8.ToArray(), stop);
            var reader = new AmiFrameReader(stream);
            while (await reader.ReadAsync(stop) is { } action)
            {
                var name = action["Action"] ?? "";
                actions.Enqueue(name);
                var answer = name == "QueueStatus" && refuseQueueStatus-- > 0
                    ? $"Response: Error\r\nActionID: {action.ActionId}\r\nMessage: Invalid/unknown command: QueueStatus. Use Action: ListCommands to show available commands.\r\n\r\n"
                    : $"Response: Success\r\nActionID: {action.ActionId}\r\nMessage: ok\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
