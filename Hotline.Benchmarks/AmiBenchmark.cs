using System.Diagnostics;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Benchmarks;

/// <summary>
/// AMI frame parsing + mapping to telephony events vs a bare <c>IndexOf('\n')</c> line scan over the same bytes
/// (a real sandbox capture repeated to ~100 MB). Target: parse + map at least 40 % of the scan's MB/s.
/// Usage: <c>ami [capture-file] [megabytes]</c>; the capture defaults to the test project's sandbox capture.
/// </summary>
public static class AmiBenchmark
{
    public static void Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : FindCapture();
        var megabytes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var capture = File.ReadAllBytes(path);
        var data = new byte[(long)megabytes * 1024 * 1024 / capture.Length * capture.Length];
        for (var at = 0; at < data.Length; at += capture.Length) capture.CopyTo(data, at);
        Console.WriteLine($"AMI: {path}, {capture.Length:N0} bytes repeated to {data.Length / 1e6:N0} MB");

        var scan = Measure(() => LineScan(data), data.Length, out var lines);
        var parse = Measure(() => ParseAndMap(data), data.Length, out var events);
        Console.WriteLine($"  line scan (IndexOf '\\n'):  median {scan:N0} MB/s ({lines:N0} lines)");
        Console.WriteLine($"  parse + map:               median {parse:N0} MB/s ({events:N0} telephony events)");
        Console.WriteLine($"  ratio {parse / scan:P0} (target >= 40 %)");
    }

    private static double Measure(Func<long> run, long bytes, out long result)
    {
        result = run(); // warm-up
        var rates = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            result = run();
            rates.Add(bytes / 1e6 / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[rates.Count / 2];
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

    private static long ParseAndMap(byte[] data)
    {
        // Windows of 64 KiB, as a socket pipe would hand them over; the unparsed rest is carried to the next window.
        var parser = new AmiFrameParser(AmiFrameReader.DefaultMaxFrameBytes);
        var mapper = new AmiEventMapper("bench");
        var frames = new List<AmiFrame>(512);
        var events = new List<TelephonyEvent>(64);
        var at = DateTimeOffset.UnixEpoch;
        long count = 0;
        var position = 0;
        while (position < data.Length)
        {
            var window = data.AsSpan(position, Math.Min(64 * 1024 + 4096, data.Length - position));
            var used = parser.Parse(window, frames);
            if (used == 0) break;
            position += used;
            foreach (var frame in frames)
            {
                mapper.Map(new AmiMessage(AmiMessageKind.Event, at, frame, null), events);
            }

            count += events.Count;
            events.Clear();
            frames.Clear();
        }

        return count;
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
