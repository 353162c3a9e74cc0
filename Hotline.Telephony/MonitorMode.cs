namespace Hotline.Telephony;

public enum MonitorMode
{
    Listen,
    Whisper,
    Barge,
}
