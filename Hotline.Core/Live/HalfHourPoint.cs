namespace Hotline.Core.Live;

/// <summary>Today's figures for the half hour starting at <see cref="Start"/> (local time of day cut in the configured zone).</summary>
public sealed record HalfHourPoint(DateTimeOffset Start, int Offered, int Answered, int SelfServed, int Abandoned, int AnsweredWithin15s);
