namespace Hotline.Telephony;

public enum HangupParty
{
    Caller,
    Agent,
    System,
}
