using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Ami;

/// <summary>
/// Reads AMI frames from a stream, asynchronously, one reader. Bad input (malformed, truncated, oversized
/// frames, random bytes) is logged and skipped; the reader carries on at the next frame boundary and never
/// throws for it. Not thread-safe: one caller reads.
/// </summary>
public sealed class AmiFrameReader
{
    /// <summary>Default cap on one frame: Asterisk's largest real frames (long channel lists) are a few KiB.</summary>
    public const int DefaultMaxFrameBytes = 64 * 1024;

    private readonly PipeReader _pipe;
    private readonly AmiFrameParser _parser;
    private readonly ILogger _logger;
    private readonly List<AmiFrame> _ready = new(64);
    private ReadySink _sink; // a struct: the parser is compiled for it
    private readonly byte[] _scratch;
    private int _next;
    private bool _completed;

    /// <param name="wantEvent">When given, events whose name (their first line) it refuses are skipped unparsed and
    /// never copied (the client uses it to pass over the many events nobody maps).</param>
    public AmiFrameReader(PipeReader pipe, ILogger? logger = null, int maxFrameBytes = DefaultMaxFrameBytes, Func<ReadOnlySpan<byte>, bool>? wantEvent = null)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 64);
        _pipe = pipe;
        _logger = logger ?? NullLogger.Instance;
        _parser = new AmiFrameParser(maxFrameBytes) { Skipped = reason => _logger.LogWarning("AMI: skipped {Reason}", reason) };
        _scratch = new byte[maxFrameBytes + 1];
        _sink = new ReadySink(_ready, wantEvent);
    }

    public AmiFrameReader(Stream stream, ILogger? logger = null, int maxFrameBytes = DefaultMaxFrameBytes, Func<ReadOnlySpan<byte>, bool>? wantEvent = null)
        : this(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true)), logger, maxFrameBytes, wantEvent)
    {
    }

    /// <summary>The <c>Asterisk Call Manager/x.y</c> line, once read.</summary>
    public string? Banner => _parser.Banner;

    public long Frames => _parser.Frames;

    public long SkippedFrames => _parser.MalformedFrames + _parser.OversizedFrames;

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public async ValueTask<AmiFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_next < _ready.Count)
            {
                return _ready[_next++];
            }

            _ready.Clear();
            _next = 0;
            if (_completed)
            {
                return null;
            }

            var result = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = ParseAll(buffer);
            if (result.IsCompleted)
            {
                if (consumed.Length < buffer.Length && !_parser.Skipping)
                {
                    _logger.LogWarning("AMI: skipped a truncated frame of {Bytes} bytes at the end of the stream", buffer.Length - consumed.Length);
                }

                _completed = true;
                _pipe.AdvanceTo(buffer.End);
                await _pipe.CompleteAsync().ConfigureAwait(false);
                continue;
            }

            _pipe.AdvanceTo(consumed.End, buffer.End);
        }
    }

    /// <summary>Parses what is complete; returns the consumed part of <paramref name="buffer"/>.</summary>
    private ReadOnlySequence<byte> ParseAll(ReadOnlySequence<byte> buffer)
    {
        var rest = buffer;
        while (!rest.IsEmpty)
        {
            var first = rest.FirstSpan;
            var used = _parser.Parse(first, ref _sink);
            rest = rest.Slice(used);
            if (used == first.Length)
            {
                continue; // the whole segment was used
            }

            if (rest.IsSingleSegment)
            {
                break; // an incomplete frame: wait for more bytes
            }

            // A frame across a segment boundary: parse it from a contiguous copy of at most the cap (+1, so an
            // oversized frame is recognised as such).
            var length = (int)Math.Min(rest.Length, _scratch.Length);
            rest.Slice(0, length).CopyTo(_scratch);
            used = _parser.Parse(_scratch.AsSpan(0, length), ref _sink);
            if (used == 0)
            {
                break;
            }

            rest = rest.Slice(used);
        }

        return buffer.Slice(0, buffer.Length - rest.Length);
    }

    private readonly struct ReadySink(List<AmiFrame> ready, Func<ReadOnlySpan<byte>, bool>? wantEvent) : IAmiFrameSink
    {
        public bool Wants(ReadOnlySpan<byte> eventName) => wantEvent is null || wantEvent(eventName);

        public void Add(AmiFrameView frame) => ready.Add(frame.ToFrame());
    }
}
