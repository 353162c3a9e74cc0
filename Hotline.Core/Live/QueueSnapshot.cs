namespace Hotline.Core.Live;

public sealed record QueueSnapshot(string Name, int Waiting, double LongestWaitSeconds);
