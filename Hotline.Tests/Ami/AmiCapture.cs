using System.IO.Pipelines;
using System.Text;
using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

/// <summary>Raw AMI bytes for tests: the sandbox capture and helpers to read frames from bytes.</summary>
internal static class AmiCapture
{
    /// <summary>A real session against the sandbox: login, two members, five callers (queued, abandoned,
    /// self-served, hung up in the IVR), QueueStatus, CoreShowChannels, a pause, removals.</summary>
    public static byte[] Session() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ami", "Captures", "sandbox-session.ami"));

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Reads every frame, feeding the bytes in chunks of random sizes through a small pipe buffer,
    /// so frames cross segment boundaries.</summary>
    public static async Task<List<AmiFrame>> ReadAllAsync(byte[] bytes, int seed = 1, int maxFrameBytes = AmiFrameReader.DefaultMaxFrameBytes, int bufferSize = 512,
        Func<ReadOnlySpan<byte>, bool>? wantEvent = null)
    {
        var stream = new ChunkedStream(bytes, new Random(seed));
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: bufferSize, minimumReadSize: Math.Min(64, bufferSize)));
        var reader = new AmiFrameReader(pipe, maxFrameBytes: maxFrameBytes, wantEvent: wantEvent);
        var frames = new List<AmiFrame>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>A read-only stream that returns at most a random 1..300 bytes per read.</summary>
    private sealed class ChunkedStream(byte[] bytes, Random random) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, random.Next(1, 300)), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
