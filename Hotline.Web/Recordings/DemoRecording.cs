using System.Buffers.Binary;

namespace Hotline.Web.Recordings;

/// <summary>
/// The simulated switch's playable "recording": a few seconds of 8 kHz mono 16-bit PCM WAV (Asterisk's own
/// MixMonitor format) with a short tone pattern, so playback can be seen and heard in the demo.
/// </summary>
public static class DemoRecording
{
    private const int SampleRate = 8000;

    /// <summary>Writes the file unless it is there already.</summary>
    public static void EnsureWritten(string path)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Wav());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Four seconds: four 0.4 s tones (a rising phrase), each followed by 0.6 s of silence.</summary>
    public static byte[] Wav()
    {
        double[] tones = [440, 554.37, 659.25, 880];
        var samples = new short[SampleRate * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            var second = i / SampleRate;
            var within = (double)(i % SampleRate) / SampleRate;
            if (within >= 0.4) continue;
            var fade = Math.Min(1, Math.Min(within, 0.4 - within) / 0.02); // no clicks at the edges
            samples[i] = (short)(6000 * fade * Math.Sin(2 * Math.PI * tones[second] * i / SampleRate));
        }

        var data = samples.Length * 2;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);           // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);            // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);            // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);            // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);           // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + i * 2)..], samples[i]);
        }

        return wav;
    }
}
