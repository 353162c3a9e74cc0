namespace Hotline.Telephony.Ami;

/// <summary>Receives each frame <see cref="AmiFrameParser"/> cuts, in place (the view is valid only during the call).</summary>
internal interface IAmiFrameSink
{
    /// <summary>Asked when a frame starts with its Event line; false skips the frame without cutting its fields.</summary>
    bool Wants(ReadOnlySpan<byte> eventName);

    void Add(AmiFrameView frame);
}
