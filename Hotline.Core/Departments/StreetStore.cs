using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The district's streets and communities (<c>streets</c>: one row per community).</summary>
public sealed class StreetStore
{
    private readonly ConnectionFactory _connections;

    public StreetStore(ConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <summary>Streets with their communities, in the order they were added.</summary>
    public Task<IReadOnlyList<Street>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds the street's communities that are not stored yet.</summary>
    public Task SaveAsync(Street street, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
