using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Unicode;
using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Benchmarks;

/// <summary>
/// The real <see cref="AmiClient"/> over a loopback socket: an in-process fake AMI server logs it in and streams
/// call lifecycles shaped like the sandbox capture (Newchannel, Newstate, QueueCallerJoin, AgentCalled, AgentConnect,
/// AgentComplete, Hangup; every frame stamped with its write time in <c>Timestamp:</c>). One consumer reads the
/// client's ordered channel into <see cref="AmiEventMapper"/> and <see cref="LiveState"/>; lag = consumer time minus
/// the frame's write time. Targets: 200,000 events/s sustained for a minute with lag under 100 ms and a flat heap;
/// a burst of 1,000,000 queued events drains without collapse.
/// Usage: <c>ami socket [seconds=60] [events-per-second=200000] [burst-events=1000000 (0 = none)]</c>.
/// </summary>
public static class AmiSocketBenchmark
{
    private const int FramesPerCall = 7;
    private const int Seats = 100;

    public static void Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var burst = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        RunAsync(seconds, rate, burst).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(double seconds, int rate, int burst)
    {
        Console.WriteLine($"AMI over loopback: {rate:N0} events/s for {seconds:N0} s, then a burst of {burst:N0} events");
        var sustained = await OnePhaseAsync(rate, (long)(rate * seconds), heapEvery: TimeSpan.FromSeconds(Math.Max(1, seconds / 6)));
        Console.WriteLine($"  sustained: {sustained.Sent:N0} events in {sustained.Elapsed.TotalSeconds:N1} s = {sustained.Sent / sustained.Elapsed.TotalSeconds:N0} events/s consumed "
            + $"(target {rate:N0}); lag p50 {sustained.Lag(0.5)} ms, p99 {sustained.Lag(0.99)} ms, max {sustained.MaxLagMs:N0} ms (target < 100 ms)");
        Console.WriteLine($"  GC heap after a full collection: start {sustained.HeapStart / 1e6:N1} MB, end {sustained.HeapEnd / 1e6:N1} MB; during: {string.Join(", ", sustained.Heaps.Select(h => $"{h / 1e6:N0}"))} MB; "
            + $"gen2 collections {sustained.Gen2}");
        Console.WriteLine($"  max lag per {Math.Max(1, seconds / 6):N0} s window: {string.Join(", ", sustained.WindowLags.Select(l => $"{l:N0}"))} ms");

        if (burst <= 0) return;
        var drained = await OnePhaseAsync(rate: 0, burst, heapEvery: TimeSpan.FromDays(1));
        Console.WriteLine($"  burst: {drained.Sent:N0} events drained in {drained.Elapsed.TotalSeconds:N2} s = {drained.Sent / drained.Elapsed.TotalSeconds:N0} events/s; "
            + $"max lag {drained.MaxLagMs:N0} ms; heap start {drained.HeapStart / 1e6:N1} MB, end {drained.HeapEnd / 1e6:N1} MB");
    }

    /// <summary>One connection: the server sends <paramref name="total"/> events at <paramref name="rate"/> per second
    /// (0 = as fast as the socket takes them) and the consumer applies them until it has seen the last one.</summary>
    private static async Task<Result> OnePhaseAsync(int rate, long total, TimeSpan heapEvery)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var server = ServeAsync(listener, rate, total, stop.Token);

        var settings = new AmiClientSettings
        {
            Name = "bench", Host = "127.0.0.1", Port = port, User = "bench", Secret = "bench",
            EventFilter = AmiEventMapper.Maps, PingInterval = TimeSpan.FromSeconds(5), DeadAfter = TimeSpan.FromSeconds(30),
        };
        await using var client = new AmiClient(settings, TimeProvider.System);
        var mapper = new AmiEventMapper("bench");
        var live = new LiveState(new HotlineOptions());
        var result = new Result();
        GC.Collect();
        result.HeapStart = GC.GetTotalMemory(forceFullCollection: true);
        var gen2 = GC.CollectionCount(2);
        client.Start();

        // The consumer: the client's one ordered channel → mapper → live state, as the bridge's pump does.
        var batch = new List<TelephonyEvent>(16);
        var lastCall = (total / FramesPerCall) - 1;
        var lastCallId = CallId(lastCall);
        Stopwatch? watch = null;
        var nextHeap = heapEvery;
        await foreach (var message in client.Messages.ReadAllAsync())
        {
            if (message.Kind != AmiMessageKind.Event)
            {
                continue;
            }

            watch ??= Stopwatch.StartNew();
            batch.Clear();
            mapper.Map(message, batch);
            var now = DateTimeOffset.UtcNow;
            var done = false;
            foreach (var e in batch)
            {
                live.Apply(e);
                result.Record((now - e.At).TotalMilliseconds);
                done |= e is CallEnded ended && ended.CallId == lastCallId;
            }

            if (watch.Elapsed >= nextHeap)
            {
                result.Heaps.Add(GC.GetTotalMemory(forceFullCollection: false));
                result.WindowLags.Add(result.WindowMaxLagMs);
                result.WindowMaxLagMs = 0;
                nextHeap += heapEvery;
            }

            if (done) break;
        }

        result.WindowLags.Add(result.WindowMaxLagMs);
        result.Elapsed = watch?.Elapsed ?? TimeSpan.Zero;
        result.Sent = (lastCall + 1) * FramesPerCall;
        result.Gen2 = GC.CollectionCount(2) - gen2;
        await stop.CancelAsync();
        await server;
        result.HeapEnd = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(live);
        return result;
    }

    private static string CallId(long call) => "1795900000." + call.ToString("D10", CultureInfo.InvariantCulture);

    private static async Task ServeAsync(TcpListener listener, int rate, long total, CancellationToken stop)
    {
        using var socket = await listener.AcceptSocketAsync(stop);
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync("Asterisk Call Manager/11.0.0\r\n"u8.ToArray(), stop);
        var answers = AnswerActionsAsync(stream, stop);
        await answers.Login;

        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        WriteSeats(buffer);
        await stream.WriteAsync(buffer.WrittenMemory, stop);
        buffer.ResetWrittenCount();

        var templates = new CallTemplates();
        var stamp = new byte[StampToken.Length];
        var calls = total / FramesPerCall;
        var watch = Stopwatch.StartNew();
        long call = 0;
        try
        {
            while (call < calls)
            {
                // Due by now at the target rate, in batches of at most ~2 ms of traffic; 0 = no pacing.
                var due = rate == 0 ? call + 1000 : (long)(watch.Elapsed.TotalSeconds * rate / FramesPerCall) + 1;
                due = Math.Min(Math.Min(due, calls), call + Math.Max(64, rate / FramesPerCall / 500));
                if (due <= call)
                {
                    await Task.Delay(1, stop);
                    continue;
                }

                Stamp(DateTimeOffset.UtcNow, stamp);
                for (; call < due; call++)
                {
                    templates.Write(buffer, call, stamp);
                }

                await stream.WriteAsync(buffer.WrittenMemory, stop);
                buffer.ResetWrittenCount();
            }

            await Task.Delay(Timeout.Infinite, stop); // keep the link up until the consumer has seen the last event
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }

        await answers.Loop;
    }

    /// <summary>Answers every action (login first) with Success and its ActionID.</summary>
    private static (Task Login, Task Loop) AnswerActionsAsync(NetworkStream stream, CancellationToken stop)
    {
        var login = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task LoopAsync()
        {
            var reader = new AmiFrameReader(stream);
            try
            {
                while (await reader.ReadAsync(stop) is { } action)
                {
                    var answer = Encoding.ASCII.GetBytes($"Response: Success\r\nActionID: {action.ActionId}\r\nMessage: ok\r\n\r\n");
                    // Only the login is answered while nothing else writes; the client pings only when the stream is idle.
                    await stream.WriteAsync(answer, stop);
                    login.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }

        return (login.Task, LoopAsync());
    }

    private static void Stamp(DateTimeOffset at, Span<byte> into)
    {
        var micros = (at - DateTimeOffset.UnixEpoch).Ticks / 10;
        Utf8.TryWrite(into, CultureInfo.InvariantCulture, $"{micros / 1_000_000:D10}.{micros % 1_000_000:D6}", out _);
    }

    private static void WriteSeats(ArrayBufferWriter<byte> buffer)
    {
        Span<byte> bytes = stackalloc byte[StampToken.Length];
        Stamp(DateTimeOffset.UtcNow, bytes);
        var stamp = Encoding.ASCII.GetString(bytes);
        for (var seat = 0; seat < Seats; seat++)
        {
            Write(buffer, $"Event: QueueMemberAdded\r\nPrivilege: agent,all\r\nTimestamp: {stamp}\r\nQueue: hotline\r\nMemberName: A{seat:D3}\r\nInterface: Local/{1000 + seat}@agents\r\nStateInterface: Local/{1000 + seat}@agents\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\nLoginTime: 1795816983\r\nInCall: 0\r\nStatus: 1\r\nPaused: 0\r\nPausedReason: \r\nRinginuse: 0\r\nWrapuptime: 0\r\n\r\n");
        }
    }

    // Placeholders in the call templates, patched in place for each call (the server allocates nothing per event,
    // so the heap and GC figures are the client's).
    private const string CallToken = "##########"; // the call number, 10 digits
    private const string StampToken = "@@@@@@@@@@@@@@@@@"; // seconds.micros, 17 characters

    /// <summary>One call's seven frames per seat, with the fields Asterisk 22 sends (taken from the sandbox capture),
    /// and where the call number and the time go.</summary>
    private sealed class CallTemplates
    {
        private readonly byte[][] _bytes = new byte[Seats][];
        private readonly int[][] _callAt = new int[Seats][];
        private readonly int[][] _stampAt = new int[Seats][];

        public CallTemplates()
        {
            for (var seat = 0; seat < Seats; seat++)
            {
                var text = Render(seat);
                _bytes[seat] = Encoding.ASCII.GetBytes(text);
                _callAt[seat] = Find(text, CallToken);
                _stampAt[seat] = Find(text, StampToken);
            }
        }

        public void Write(ArrayBufferWriter<byte> buffer, long call, ReadOnlySpan<byte> stamp)
        {
            var seat = (int)(call % Seats);
            var template = _bytes[seat];
            var span = buffer.GetSpan(template.Length);
            template.CopyTo(span);
            Span<byte> digits = stackalloc byte[10];
            Utf8.TryWrite(digits, CultureInfo.InvariantCulture, $"{call:D10}", out _);
            foreach (var at in _callAt[seat]) digits.CopyTo(span[at..]);
            foreach (var at in _stampAt[seat]) stamp.CopyTo(span[at..]);
            buffer.Advance(template.Length);
        }

        private static int[] Find(string text, string token)
        {
            var found = new List<int>();
            for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + token.Length, StringComparison.Ordinal))
            {
                found.Add(at);
            }

            return [.. found];
        }

        private static string Render(int seat)
        {
            var ext = 1000 + seat;
            var channel = $"Privilege: call,all\r\nTimestamp: {StampToken}\r\nChannel: Local/30@caller-{CallToken};1\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: 555{seat:D3}\r\nCallerIDName: Caller\r\nConnectedLineNum: 555{seat:D3}\r\nConnectedLineName: Caller\r\nLanguage: en\r\nAccountCode: \r\nContext: inbound\r\nExten: s\r\nPriority: 5\r\nUniqueid: 1795900000.{CallToken}\r\nLinkedid: 1795900000.{CallToken}\r\n";
            var dest = $"DestChannel: Local/{ext}@agents-{CallToken};1\r\nDestChannelState: 6\r\nDestChannelStateDesc: Up\r\nDestCallerIDNum: 555{seat:D3}\r\nDestCallerIDName: Caller\r\nDestConnectedLineNum: 555{seat:D3}\r\nDestConnectedLineName: Caller\r\nDestLanguage: en\r\nDestAccountCode: \r\nDestContext: agents\r\nDestExten: s\r\nDestPriority: 1\r\nDestUniqueid: 1795900001.{CallToken}\r\nDestLinkedid: 1795900000.{CallToken}\r\nQueue: hotline\r\nInterface: Local/{ext}@agents\r\nMemberName: A{seat:D3}\r\n";
            return $"Event: Newchannel\r\n{channel}\r\n"
                + $"Event: Newstate\r\n{channel}\r\n"
                + $"Event: QueueCallerJoin\r\n{channel}Queue: hotline\r\nPosition: 1\r\nCount: 1\r\n\r\n"
                + $"Event: AgentCalled\r\n{channel}{dest}\r\n"
                + $"Event: AgentConnect\r\n{channel}{dest}HoldTime: 1\r\nRingTime: 1\r\n\r\n"
                + $"Event: AgentComplete\r\n{channel}{dest}HoldTime: 1\r\nTalkTime: 12\r\nReason: caller\r\n\r\n"
                + $"Event: Hangup\r\n{channel}Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n";
        }
    }

    private static void Write(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private sealed class Result
    {
        private readonly long[] _lagHistogram = new long[100_001]; // 1 ms buckets up to 100 s

        public long Sent { get; set; }
        public TimeSpan Elapsed { get; set; }
        public long HeapStart { get; set; }
        public long HeapEnd { get; set; }
        public List<long> Heaps { get; } = [];
        public int Gen2 { get; set; }
        public double MaxLagMs { get; private set; }
        public double WindowMaxLagMs { get; set; }
        public List<double> WindowLags { get; } = [];

        public void Record(double lagMs)
        {
            MaxLagMs = Math.Max(MaxLagMs, lagMs);
            WindowMaxLagMs = Math.Max(WindowMaxLagMs, lagMs);
            _lagHistogram[(int)Math.Clamp(lagMs, 0, _lagHistogram.Length - 1)]++;
        }

        public long Lag(double quantile)
        {
            var count = _lagHistogram.Sum();
            var wanted = (long)Math.Ceiling(count * quantile);
            long seen = 0;
            for (var ms = 0; ms < _lagHistogram.Length; ms++)
            {
                seen += _lagHistogram[ms];
                if (seen >= wanted) return ms;
            }

            return _lagHistogram.Length;
        }
    }
}
