using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>
/// The synchronous core of <see cref="AmiFrameReader"/>: cuts complete frames out of a byte span.
/// A frame is <c>Key: Value</c> lines (CRLF, LF tolerated) ended by a blank line. The banner line
/// <c>Asterisk Call Manager/x.y</c> is taken aside. A frame with a line that has no colon is malformed and
/// skipped whole; a frame longer than the cap is skipped up to its blank line without being buffered.
/// Never throws on any input.
/// </summary>
internal sealed class AmiFrameParser
{
    private static ReadOnlySpan<byte> BannerPrefix => "Asterisk Call Manager/"u8;

    private readonly int _maxFrameBytes;
    // Four ints per field (see AmiFrame); grown when a frame has many fields.
    private int[] _fields = new int[256];
    private int _fieldInts;

    // Skipping an oversized frame: the length of the current line so far, and its first byte (for a lone "\r").
    private bool _skipping;
    private long _skipLineLength;
    private byte _skipLineFirst;

    public AmiFrameParser(int maxFrameBytes) => _maxFrameBytes = maxFrameBytes;

    public string? Banner { get; private set; }

    public long Frames { get; private set; }

    public long MalformedFrames { get; private set; }

    public long OversizedFrames { get; private set; }

    /// <summary>Called with a short description of each skipped frame (for the log).</summary>
    public Action<string>? Skipped { get; set; }

    /// <summary>True while the rest of an oversized frame is being thrown away.</summary>
    public bool Skipping => _skipping;

    /// <summary>
    /// Parses every complete frame in <paramref name="data"/> into <paramref name="output"/> and returns how many
    /// bytes were used; the caller keeps the rest and passes it again with more data. When the unused rest would
    /// already exceed the cap, it is consumed in skip mode, so the caller never needs to hold more than the cap.
    /// </summary>
    public int Parse(ReadOnlySpan<byte> data, List<AmiFrame> output)
    {
        var sink = new ListSink(output);
        return Parse(data, ref sink);
    }

    /// <summary>
    /// As above, handing each frame in place to <paramref name="sink"/> (nothing is copied). Generic over a struct so
    /// the JIT compiles the loop for each sink with its calls inlined.
    /// </summary>
    public int Parse<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : struct, IAmiFrameSink
    {
        var used = 0;
        while (used < data.Length)
        {
            if (_skipping)
            {
                used += Skip(data[used..]);
                continue;
            }

            var n = ParseOne(data[used..], ref sink);
            if (n > 0)
            {
                used += n;
                continue;
            }

            if (n < 0 || data.Length - used > _maxFrameBytes)
            {
                // Larger than the cap, complete or not: drop it up to its blank line.
                OversizedFrames++;
                Skipped?.Invoke($"frame larger than {_maxFrameBytes} bytes");
                _skipping = true;
                _skipLineLength = 0;
                continue;
            }

            break; // incomplete: wait for more bytes
        }

        return used;
    }

    /// <summary>
    /// One frame (or banner, or run of blank lines) at the start of <paramref name="data"/>: the bytes used,
    /// 0 when incomplete, -1 when it exceeds the cap.
    /// </summary>
    private int ParseOne<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : struct, IAmiFrameSink
    {
        _fieldInts = 0;
        var malformed = false;
        var start = 0;
        var p = 0;
        while (true)
        {
            var nl = data[p..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                return data.Length - start > _maxFrameBytes ? -1 : 0;
            }

            var lineEnd = p + nl;
            var contentEnd = lineEnd > p && data[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            var next = lineEnd + 1;
            if (next - start > _maxFrameBytes)
            {
                return -1;
            }

            var line = data[p..contentEnd];
            if (line.IsEmpty)
            {
                if (_fieldInts == 0 && !malformed)
                {
                    // Blank lines between frames: use them up, nothing to emit.
                    return next;
                }

                if (malformed)
                {
                    MalformedFrames++;
                    Skipped?.Invoke("malformed frame: " + Preview(data[start..lineEnd]));
                }
                else
                {
                    sink.Add(new AmiFrameView(data[start..contentEnd], _fields.AsSpan(0, _fieldInts)));
                    Frames++;
                }

                return next;
            }

            if (_fieldInts == 0 && !malformed && line.StartsWith(BannerPrefix))
            {
                // The banner is one line with no blank line after it.
                Banner = Encoding.UTF8.GetString(line);
                return next;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                malformed = true;
            }
            else if (!malformed)
            {
                var keyEnd = p + colon;
                while (keyEnd > p && data[keyEnd - 1] == (byte)' ') keyEnd--;
                var valueStart = p + colon + 1;
                while (valueStart < contentEnd && data[valueStart] == (byte)' ') valueStart++;
                var valueEnd = contentEnd;
                while (valueEnd > valueStart && data[valueEnd - 1] == (byte)' ') valueEnd--;
                if (keyEnd == p)
                {
                    malformed = true;
                }
                else
                {
                    if (_fieldInts + 4 > _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
                    _fields[_fieldInts] = p - start;
                    _fields[_fieldInts + 1] = keyEnd - p;
                    _fields[_fieldInts + 2] = valueStart - start;
                    _fields[_fieldInts + 3] = valueEnd - valueStart;
                    _fieldInts += 4;
                    if (_fieldInts == 4 && keyEnd - p == 5 && Ascii.EqualsIgnoreCase(data.Slice(p, 5), "Event"u8)
                        && !sink.Wants(data[valueStart..valueEnd]))
                    {
                        // Nobody wants this event: find its end at line-scan speed, without cutting fields.
                        var end = SkipFrame(data, next, start);
                        if (end > 0) Frames++;
                        return end;
                    }
                }
            }

            p = next;
        }
    }

    /// <summary>The end of the frame that started at <paramref name="start"/> (after its blank line), read from
    /// <paramref name="p"/>: 0 when incomplete, -1 beyond the cap.</summary>
    private int SkipFrame(ReadOnlySpan<byte> data, int p, int start)
    {
        while (true)
        {
            var nl = data[p..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                return data.Length - start > _maxFrameBytes ? -1 : 0;
            }

            var next = p + nl + 1;
            if (next - start > _maxFrameBytes)
            {
                return -1;
            }

            if (nl == 0 || (nl == 1 && data[p] == (byte)'\r'))
            {
                return next;
            }

            p = next;
        }
    }

    private readonly struct ListSink(List<AmiFrame> output) : IAmiFrameSink
    {
        public bool Wants(ReadOnlySpan<byte> eventName) => true;

        public void Add(AmiFrameView frame) => output.Add(frame.ToFrame());
    }

    /// <summary>Throws bytes away up to and including the next blank line.</summary>
    private int Skip(ReadOnlySpan<byte> data)
    {
        var p = 0;
        while (true)
        {
            var nl = data[p..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (_skipLineLength == 0 && p < data.Length) _skipLineFirst = data[p];
                _skipLineLength += data.Length - p;
                return data.Length;
            }

            var length = _skipLineLength + nl;
            var first = _skipLineLength > 0 ? _skipLineFirst : nl > 0 ? data[p] : (byte)0;
            _skipLineLength = 0;
            p += nl + 1;
            if (length == 0 || (length == 1 && first == (byte)'\r'))
            {
                _skipping = false;
                return p;
            }
        }
    }

    private static string Preview(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 120)]);
        return text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
