using Hotline.Core.Live;

namespace Hotline.Web.Hubs;

/// <summary>What <see cref="LiveHub"/> sends to its clients.</summary>
public interface ILiveClient
{
    /// <summary>A coalesced snapshot (at most 4 per second, at least one per second).</summary>
    Task ReceiveSnapshot(LiveSnapshot snapshot);
}
