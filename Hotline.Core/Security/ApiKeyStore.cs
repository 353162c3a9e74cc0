using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Security;

/// <summary>
/// API keys (<c>api_keys</c>): clients send <c>Authorization: Bearer &lt;key&gt;</c>; only the SHA-256 hash of the key is
/// stored, so a leaked database does not leak usable keys. (A plain hash is enough: the keys are 256 random bits,
/// not guessable passwords.)
/// </summary>
public sealed class ApiKeyStore
{
    private const string Select = """
        SELECT id AS Id, name AS Name, role AS Role, department_id AS DepartmentId, created_at AS CreatedAt, revoked AS Revoked
        FROM api_keys
        """;

    private static readonly string[] Columns = ["key_hash", "name", "role", "department_id", "created_at", "revoked"];

    private readonly ConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly string _insert;
    private readonly string _insertIfAbsent;

    public ApiKeyStore(ConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _time = time;
        _insert = connections.Dialect.InsertReturningId("api_keys", Columns);
        _insertIfAbsent = connections.Dialect.InsertIfAbsent("api_keys", Columns, "key_hash");
    }

    /// <summary>Creates a random key (prefix "hk_", 256 bits) bound to a role (and a department for Department keys).</summary>
    public async Task<ApiKeyIssued> IssueAsync(string name, string role, string? departmentId, CancellationToken cancellationToken = default)
    {
        Check(name, role, departmentId);
        var plaintext = "hk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var createdAt = _time.GetUtcNow();
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _insert, Parameters(plaintext, name, role, departmentId, createdAt), cancellationToken: cancellationToken));
        return new ApiKeyIssued(new ApiKey(id, name.Trim(), role, departmentId, DbTime.FromDb(DbTime.ToDb(createdAt)), false), plaintext);
    }

    /// <summary>The key whose hash matches, revoked or not (callers refuse revoked ones); null when unknown.</summary>
    public async Task<ApiKey?> FindAsync(string plaintext, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(plaintext))
        {
            return null;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE key_hash = @hash", new { hash = Hash(plaintext) }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    /// <summary>Every key, by id (for the Admin page; no secrets).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    /// <summary>Marks the key revoked; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked = @revoked WHERE id = @id", new { id, revoked = true }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Stores a known plaintext key (demo data) unless its hash is already stored; returns the stored key.</summary>
    public async Task<ApiKey> EnsureDemoKeyAsync(string plaintext, string name, string role, string? departmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(plaintext);
        Check(name, role, departmentId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _insertIfAbsent, Parameters(plaintext, name, role, departmentId, _time.GetUtcNow()), cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            Select + " WHERE key_hash = @hash", new { hash = Hash(plaintext) }, cancellationToken: cancellationToken));
        return row.ToKey();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 key.</summary>
    internal static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));

    private static object Parameters(string plaintext, string name, string role, string? departmentId, DateTimeOffset createdAt) => new
    {
        key_hash = Hash(plaintext),
        name = name.Trim(),
        role,
        department_id = departmentId,
        created_at = DbTime.ToDb(createdAt),
        revoked = false,
    };

    private static void Check(string name, string role, string? departmentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Roles.UserRoles.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        if (role == Roles.Department && string.IsNullOrWhiteSpace(departmentId))
        {
            throw new ArgumentException("A Department key needs a department.", nameof(departmentId));
        }
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? DepartmentId { get; set; }
        public long CreatedAt { get; set; }
        public bool Revoked { get; set; }

        public ApiKey ToKey() => new(Id, Name, Role, DepartmentId, DbTime.FromDb(CreatedAt), Revoked);
    }
}
