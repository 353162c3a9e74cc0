using Hotline.Telephony;

namespace Hotline.Web.Components.Shared;

/// <summary>Chinese names of seat states as agents and supervisors say them.</summary>
public static class SeatStateText
{
    public static string Label(SeatState state) => state switch
    {
        SeatState.LoggedOut => "签出",
        SeatState.Ready => "空闲",
        SeatState.NotReady => "示忙",
        SeatState.Ringing => "振铃",
        SeatState.OnCall => "通话",
        SeatState.WrapUp => "话后",
        _ => state.ToString(),
    };

    /// <summary>The order seats by state are listed in.</summary>
    public static IReadOnlyList<SeatState> Order { get; } =
        [SeatState.Ready, SeatState.Ringing, SeatState.OnCall, SeatState.WrapUp, SeatState.NotReady, SeatState.LoggedOut];

    /// <summary>The CSS modifier of a state (its colour on every screen).</summary>
    public static string Css(SeatState state) => state.ToString().ToLowerInvariant();

    /// <summary>Reasons an agent picks when going NotReady (示忙).</summary>
    public static IReadOnlyList<string> NotReadyReasons { get; } = ["小休", "用餐", "培训", "会议", "后台工作"];

    /// <summary>The reason recorded when a supervisor forces a seat NotReady.</summary>
    public const string ForcedBySupervisor = "班长强制";
}
