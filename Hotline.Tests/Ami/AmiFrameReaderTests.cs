using System.Text;
using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

public sealed class AmiFrameReaderTests
{
    private const string Two = "Event: QueueCallerJoin\r\nQueue: hotline\r\nPosition: 1\r\n\r\nResponse: Success\r\nActionID: 7\r\nMessage: Pong\r\n\r\n";

    [Fact]
    public async Task Frames_are_split_at_blank_lines_with_their_fields_in_order()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text(Two));

        Assert.Equal(2, frames.Count);
        Assert.Equal("QueueCallerJoin", frames[0].Event);
        Assert.Equal(["Event", "Queue", "Position"], Enumerable.Range(0, frames[0].Count).Select(frames[0].GetKey));
        Assert.Equal("Success", frames[1].Response);
        Assert.Equal("7", frames[1].ActionId);
    }

    [Fact]
    public async Task Events_the_filter_refuses_are_skipped_and_the_frames_around_them_are_read_intact()
    {
        var noise = "Event: Newstate\r\nChannel: Local/1\r\nState: Up\r\n\r\nEvent: VarSet\nVariable: X\nValue: a\n\n";
        var bytes = AmiCapture.Text(noise + Two + noise + Two);

        var frames = await AmiCapture.ReadAllAsync(bytes, wantEvent: AmiEventMapper.Maps);

        Assert.Equal(["QueueCallerJoin", null, "QueueCallerJoin", null], frames.Select(f => f.Event));
        Assert.Equal("1", frames[2]["Position"]);
        Assert.Equal("Pong", frames[3]["Message"]);
    }

    [Fact]
    public async Task The_filtered_capture_keeps_every_response_and_every_mapped_event()
    {
        var all = await AmiCapture.ReadAllAsync(AmiCapture.Session());

        var kept = await AmiCapture.ReadAllAsync(AmiCapture.Session(), seed: 7, wantEvent: AmiEventMapper.Maps);

        var expected = all.Where(f => f.Event is null || AmiEventMapper.Maps(Encoding.UTF8.GetBytes(f.Event))).Select(f => f.ToString());
        Assert.Equal(expected, kept.Select(f => f.ToString()));
    }

    [Fact]
    public async Task Lf_line_endings_are_read_like_crlf()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text(Two.Replace("\r\n", "\n", StringComparison.Ordinal)));

        Assert.Equal(2, frames.Count);
        Assert.Equal("hotline", frames[0]["Queue"]);
        Assert.Equal("Pong", frames[1]["Message"]);
    }

    [Fact]
    public async Task The_banner_line_is_not_a_frame()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text("Asterisk Call Manager/11.0.0\r\n" + Two));

        Assert.Equal(2, frames.Count);
        Assert.Equal("QueueCallerJoin", frames[0].Event);
    }

    [Fact]
    public void Keys_are_found_case_insensitively_and_values_are_trimmed()
    {
        var frame = AmiFrame.Parse("Event: AgentConnect\r\nHoldTime:  12 \r\nPausedReason:\r\nholdtime: 99")!;

        Assert.Equal("12", frame["holdtime"]);
        Assert.True(frame.TryGetInt64("HOLDTIME", out var hold));
        Assert.Equal(12, hold);
        Assert.Equal("", frame["PausedReason"]);
        Assert.Null(frame["Missing"]);
    }

    [Fact]
    public async Task A_frame_with_a_line_without_colon_is_skipped_and_the_next_frame_is_read()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text("Event: Bad\r\nthis line has no colon\r\nQueue: x\r\n\r\n" + Two));

        Assert.Equal(["QueueCallerJoin", null], frames.Select(f => f.Event));
    }

    [Fact]
    public async Task An_oversized_frame_is_skipped_and_the_next_frame_is_read()
    {
        var huge = "Event: Huge\r\n" + string.Concat(Enumerable.Repeat("Variable: " + new string('x', 1000) + "\r\n", 300)) + "\r\n";

        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text(huge + Two), maxFrameBytes: 4096);

        Assert.Equal(["QueueCallerJoin", null], frames.Select(f => f.Event));
    }

    [Fact]
    public async Task An_oversized_line_without_any_newline_is_skipped_up_to_the_next_blank_line()
    {
        var garbage = new string('y', 200_000) + "\r\n\r\n";

        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text(garbage + Two), maxFrameBytes: 4096);

        Assert.Equal(2, frames.Count);
    }

    [Fact]
    public async Task A_truncated_frame_at_the_end_of_the_stream_is_dropped()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Text(Two + "Event: Cut\r\nQueue: hot"));

        Assert.Equal(2, frames.Count);
    }

    [Fact]
    public async Task The_real_capture_reads_the_same_whatever_the_chunking()
    {
        var bytes = AmiCapture.Session();
        var whole = await AmiCapture.ReadAllAsync(bytes, seed: 1, bufferSize: 128 * 1024);

        for (var seed = 2; seed < 6; seed++)
        {
            var chunked = await AmiCapture.ReadAllAsync(bytes, seed, bufferSize: 97);
            Assert.Equal(whole.Select(f => f.ToString()), chunked.Select(f => f.ToString()));
        }

        Assert.True(whole.Count >= 200, $"only {whole.Count} frames");
        Assert.Equal(whole.Count, Encoding.UTF8.GetString(bytes).Split("\r\n\r\n").Length - 1);
    }

    [Fact]
    public async Task Random_bytes_never_stop_the_reader_and_it_recovers_at_the_next_blank_line()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var noise = new byte[random.Next(0, 20_000)];
            random.NextBytes(noise);
            if (seed % 2 == 0)
            {
                // Text-like noise hits more branches: colons, CR, LF, spaces.
                const string alphabet = "ab:: \r\n\n\rEvent:Asterisk Call Manager/\0\xff";
                for (var i = 0; i < noise.Length; i++) noise[i] = (byte)alphabet[random.Next(alphabet.Length)];
            }

            var frames = await AmiCapture.ReadAllAsync([.. noise, .. "\r\n\r\n"u8, .. AmiCapture.Text(Two)], seed, maxFrameBytes: 4096, bufferSize: 211);

            Assert.True(frames.Count >= 2, $"seed {seed}");
            Assert.Equal("QueueCallerJoin", frames[^2].Event);
            Assert.Equal("Pong", frames[^1]["Message"]);
        }
    }

    [Fact]
    public async Task Mutated_captures_never_stop_the_reader_and_the_untouched_rest_reads_exactly()
    {
        var capture = AmiCapture.Session();
        var half = capture.Length / 2;
        var tail = capture.AsSpan(half).ToArray();
        var cut = Encoding.UTF8.GetString(tail).IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var pristine = tail[cut..];
        var expected = (await AmiCapture.ReadAllAsync(pristine)).Select(f => f.ToString()).ToList();

        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var head = capture.AsSpan(0, half + cut).ToArray().ToList();
            for (var m = 0; m < 20; m++)
            {
                var at = random.Next(head.Count);
                switch (random.Next(5))
                {
                    case 0: head[at] = (byte)random.Next(256); break;                                   // flip a byte
                    case 1: head.RemoveRange(at, Math.Min(random.Next(1, 200), head.Count - at)); break;  // cut a piece
                    case 2: head.InsertRange(at, head.GetRange(at, Math.Min(random.Next(1, 500), head.Count - at))); break; // repeat a piece
                    case 3: head.InsertRange(at, Enumerable.Repeat((byte)'z', random.Next(1, 100_000))); break; // a huge line
                    default: head.Insert(at, random.Next(2) == 0 ? (byte)'\n' : (byte)':'); break;     // a stray separator
                }
            }

            var frames = await AmiCapture.ReadAllAsync([.. head, .. "\r\n\r\n"u8, .. pristine], seed, maxFrameBytes: 8192, bufferSize: 1000);

            Assert.True(frames.Count >= expected.Count, $"seed {seed}");
            Assert.Equal(expected, frames.Skip(frames.Count - expected.Count).Select(f => f.ToString()));
        }
    }
}
