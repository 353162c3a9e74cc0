namespace Hotline.Core.Live;

/// <summary>A queue's waiting calls, oldest first.</summary>
internal sealed class LiveQueue(string name)
{
    public string Name { get; } = name;
    public int Waiting { get; private set; }
    public LiveCall? Oldest { get; private set; }
    private LiveCall? _newest;

    /// <summary>Adds a call; events come in time order, so the walk back from the newest is almost always zero steps.</summary>
    public void Add(LiveCall call, long queuedTicks)
    {
        call.Queue = this;
        call.QueuedTicks = queuedTicks;
        var after = _newest;
        while (after is not null && after.QueuedTicks > queuedTicks)
        {
            after = after.Previous;
        }

        call.Previous = after;
        call.Next = after is null ? Oldest : after.Next;
        if (call.Next is null) _newest = call; else call.Next.Previous = call;
        if (after is null) Oldest = call; else after.Next = call;
        Waiting++;
    }

    public void Remove(LiveCall call)
    {
        if (call.Previous is null) Oldest = call.Next; else call.Previous.Next = call.Next;
        if (call.Next is null) _newest = call.Previous; else call.Next.Previous = call.Previous;
        call.Previous = call.Next = null;
        call.Queue = null;
        Waiting--;
    }
}
