using Hotline.Core.Live;
using Hotline.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Tests.Web;

/// <summary>A hub context that records what was sent to which groups.</summary>
internal sealed class RecordingHubContext : IHubContext<LiveHub, ILiveClient>, IHubClients<ILiveClient>
{
    private readonly List<(string Target, LiveSnapshot Snapshot)> _sent = [];

    public IReadOnlyList<(string Target, LiveSnapshot Snapshot)> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public IHubClients<ILiveClient> Clients => this;

    public IGroupManager Groups => throw new NotSupportedException();

    public ILiveClient All => To("all");

    public ILiveClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

    public ILiveClient Client(string connectionId) => throw new NotSupportedException();

    ILiveClient IHubClients<ILiveClient>.Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

    public ILiveClient Group(string groupName) => To(groupName);

    public ILiveClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

    ILiveClient IHubClients<ILiveClient>.Groups(IReadOnlyList<string> groupNames) => To(string.Join(",", groupNames));

    public ILiveClient User(string userId) => throw new NotSupportedException();

    public ILiveClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

    private Recorder To(string target) => new(this, target);

    private sealed class Recorder(RecordingHubContext owner, string target) : ILiveClient
    {
        public Task ReceiveSnapshot(LiveSnapshot snapshot)
        {
            lock (owner._sent)
            {
                owner._sent.Add((target, snapshot));
            }

            return Task.CompletedTask;
        }
    }
}
