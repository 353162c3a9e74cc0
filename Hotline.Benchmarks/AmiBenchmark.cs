using System.Diagnostics;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Benchmarks;

/// <summary>
/// AMI frame parsing + mapping to telephony events vs a bare <c>IndexOf('\n')</c> line scan over the same bytes
/// (a real sandbox capture repeated to ~100 MB). Target: parse + map at least 40 % of the scan's MB/s.
/// Usage: <c>ami [capture-file] [megabytes]</c>; the capture defaults to the test project's sandbox capture.
/// <c>ami socket ...</c> runs <see cref="AmiSocketBenchmark"/> instead.
/// </summary>
public static class AmiBenchmark
{
    public static void Run(string[] args)
    {
        if (args is ["socket", .. var rest])
        {
            AmiSocketBenchmark.Run(rest);
            return;
        }

        var path = args.Length > 0 ? args[0] : FindCapture();
        var megabytes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var capture = File.ReadAllBytes(path);
        var data = new byte[(long)megabytes * 1024 * 1024 / capture.Length * capture.Length];
        for (var at = 0; at < data.Length; at += capture.Length) capture.CopyTo(data, at);
        Console.WriteLine($"AMI: {path}, {capture.Length:N0} bytes repeated to {data.Length / 1e6:N0} MB");

        // Interleaved (scan, framing, parse + map in each round) so that a change in the machine's load hits all three.
        var scans = new List<double>();
        var framings = new List<double>();
        var parses = new List<double>();
        long lines = 0, frames = 0, events = 0;
        for (var round = -1; round < 5; round++)
        {
            var scan = Rate(() => LineScan(data), data.Length, out lines);
            var framing = Rate(() => Parse(data, new CountSink()), data.Length, out frames);
            var parse = Rate(() => Parse(data, new MapSink(new AmiEventMapper("bench"))), data.Length, out events);
            if (round < 0) continue; // warm-up
            scans.Add(scan);
            framings.Add(framing);
            parses.Add(parse);
        }

        var (scanMedian, framingMedian, parseMedian) = (Median(scans), Median(framings), Median(parses));
        Console.WriteLine($"  line scan (IndexOf '\\n'):  median {scanMedian:N0} MB/s ({lines:N0} lines)");
        Console.WriteLine($"  framing only (every frame): median {framingMedian:N0} MB/s ({frames:N0} frames)");
        Console.WriteLine($"  parse + map:               median {parseMedian:N0} MB/s ({events:N0} telephony events)");
        Console.WriteLine($"  ratio {parseMedian / scanMedian:P0} (target >= 40 %)");
    }

    private static double Rate(Func<long> run, long bytes, out long result)
    {
        var watch = Stopwatch.StartNew();
        result = run();
        return bytes / 1e6 / watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static long LineScan(byte[] data)
    {
        long lines = 0;
        var span = data.AsSpan();
        while (true)
        {
            var nl = span.IndexOf((byte)'\n');
            if (nl < 0) return lines;
            lines++;
            span = span[(nl + 1)..];
        }
    }

    private static long Parse<TSink>(byte[] data, TSink sink)
        where TSink : struct, ICountingSink
    {
        // Windows of 64 KiB, as a socket pipe would hand them over; the unparsed rest is carried to the next window.
        // Frames are handed over in place (no copy), as the reader does before copying the ones it keeps.
        var parser = new AmiFrameParser(AmiFrameReader.DefaultMaxFrameBytes);
        var position = 0;
        while (position < data.Length)
        {
            var window = data.AsSpan(position, Math.Min(64 * 1024 + 4096, data.Length - position));
            var used = parser.Parse(window, ref sink);
            if (used == 0) break;
            position += used;
        }

        return sink.Count;
    }

    private interface ICountingSink : IAmiFrameSink
    {
        long Count { get; }
    }

    /// <summary>Cuts every frame into fields and counts them (what framing alone costs).</summary>
    private struct CountSink : ICountingSink
    {
        public long Count { get; private set; }

        public readonly bool Wants(ReadOnlySpan<byte> eventName) => true;

        public void Add(AmiFrameView frame) => Count++;
    }

    /// <summary>Maps the events the mapper reads; the others are skipped unparsed, as the client's reader does.</summary>
    private struct MapSink(AmiEventMapper mapper) : ICountingSink
    {
        private readonly List<TelephonyEvent> _events = new(64);

        public long Count { get; private set; }

        public readonly bool Wants(ReadOnlySpan<byte> eventName) => AmiEventMapper.Maps(eventName);

        public void Add(AmiFrameView frame)
        {
            mapper.Map(frame, DateTimeOffset.UnixEpoch, _events);
            Count += _events.Count;
            _events.Clear();
        }
    }

    private static string FindCapture()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Hotline.Tests", "Ami", "Captures", "sandbox-session.ami");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("Hotline.Tests/Ami/Captures/sandbox-session.ami not found; pass a capture file.");
    }
}
