using Hotline.Core.Data;

namespace Hotline.Core.Security;

/// <summary>Users table access. STUB.</summary>
public sealed class UserStore
{
    public UserStore(ConnectionFactory connections)
    {
        _ = connections;
    }

    public Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default) => Task.FromResult<UserAccount?>(null);

    /// <summary>Inserts the user unless one with the same user name exists; returns the stored one.</summary>
    public Task<UserAccount> EnsureAsync(UserAccount user, CancellationToken cancellationToken = default) => Task.FromResult(user);

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UserAccount>>([]);
}
