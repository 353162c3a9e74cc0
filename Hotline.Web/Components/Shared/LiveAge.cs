namespace Hotline.Web.Components.Shared;

/// <summary>How old a snapshot is on screen; stale data must never look live.</summary>
public static class LiveAge
{
    public static int Seconds(DateTimeOffset generatedAt, DateTimeOffset now)
        => (int)Math.Max(0, Math.Floor((now - generatedAt).TotalSeconds));

    public static bool IsStale(DateTimeOffset generatedAt, DateTimeOffset now, double staleAfterSeconds)
        => (now - generatedAt).TotalSeconds > staleAfterSeconds;
}
