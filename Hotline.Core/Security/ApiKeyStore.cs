using Hotline.Core.Data;

namespace Hotline.Core.Security;

/// <summary>
/// API keys (<c>api_keys</c>): clients send <c>Authorization: Bearer &lt;key&gt;</c>; only the SHA-256 hash of the key is
/// stored, so a leaked database does not leak usable keys.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly ConnectionFactory _connections;
    private readonly TimeProvider _time;

    public ApiKeyStore(ConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _time = time;
    }

    /// <summary>Creates a random key (prefix "hk_", 256 bits) bound to a role (and a department for Department keys).</summary>
    public Task<ApiKeyIssued> IssueAsync(string name, string role, string? departmentId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The key whose hash matches, revoked or not (callers refuse revoked ones); null when unknown.</summary>
    public Task<ApiKey?> FindAsync(string plaintext, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Every key, by id (for the Admin page; no secrets).</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Marks the key revoked; false when there is no such key.</summary>
    public Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Stores a known plaintext key (demo data) unless its hash is already stored; returns the stored key.</summary>
    public Task<ApiKey> EnsureDemoKeyAsync(string plaintext, string name, string role, string? departmentId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
