using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Security;

/// <summary>
/// The <c>users</c> table. Only password hashes are stored: callers hash (the web uses ASP.NET's
/// PasswordHasher) before <see cref="EnsureAsync"/>. User names match exactly (case-sensitive on
/// SQLite and PostgreSQL), so callers should normalise them before storing and looking up.
/// </summary>
public sealed class UserStore
{
    private static readonly string[] InsertColumns =
        ["user_name", "display_name", "role", "password_hash", "agent_id", "extension", "department_id", "disabled"];

    private const string SelectUsers = """
        SELECT id AS Id, user_name AS UserName, display_name AS DisplayName, role AS Role, password_hash AS PasswordHash,
               agent_id AS AgentId, extension AS Extension, department_id AS DepartmentId, disabled AS Disabled
        FROM users
        """;

    private readonly ConnectionFactory _connections;
    private readonly string _insertIfAbsent;

    public UserStore(ConnectionFactory connections)
    {
        _connections = connections;
        _insertIfAbsent = connections.Dialect.InsertIfAbsent("users", InsertColumns, "user_name");
    }

    public async Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            SelectUsers + " WHERE user_name = @userName", new { userName }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inserts the user unless one with the same user name exists; returns the stored one (with its id).
    /// An existing user is left as it is: demo data can run at every start without undoing changes.
    /// </summary>
    public async Task<UserAccount> EnsureAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _insertIfAbsent,
            new
            {
                user_name = user.UserName,
                display_name = user.DisplayName,
                role = user.Role,
                password_hash = user.PasswordHash,
                agent_id = user.AgentId,
                extension = user.Extension,
                department_id = user.DepartmentId,
                disabled = user.Disabled,
            },
            transaction, cancellationToken: cancellationToken));
        var stored = await connection.QuerySingleAsync<UserAccount>(new CommandDefinition(
            SelectUsers + " WHERE user_name = @userName", new { userName = user.UserName }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Every user, by id.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<UserAccount>(new CommandDefinition(
            SelectUsers + " ORDER BY id", cancellationToken: cancellationToken));
        return users.ToList();
    }

    /// <summary>Disables or re-enables a user; false when there is no such user.</summary>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET disabled = @disabled WHERE user_name = @userName",
            new { disabled, userName }, cancellationToken: cancellationToken));
        return changed > 0;
    }
}
