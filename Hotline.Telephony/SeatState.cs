namespace Hotline.Telephony;

public enum SeatState
{
    LoggedOut,
    Ready,
    NotReady,
    Ringing,
    OnCall,
    WrapUp,
}
