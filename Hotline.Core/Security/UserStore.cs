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
        ["user_name", "display_name", "role", "password_hash", "agent_id", "extension", "department_id", "disabled", "security_stamp"];

    private const string SelectUsers = """
        SELECT id AS Id, user_name AS UserName, display_name AS DisplayName, role AS Role, password_hash AS PasswordHash,
               agent_id AS AgentId, extension AS Extension, department_id AS DepartmentId, disabled AS Disabled,
               COALESCE(failed_sign_ins, 0) AS FailedSignIns, locked_until AS LockedUntilMs, security_stamp AS SecurityStamp
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
                security_stamp = user.SecurityStamp,
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

    public async Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            SelectUsers + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Inserts a new user; null when the user name is taken.</summary>
    public async Task<UserAccount?> CreateAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        if (await FindByUserNameAsync(user.UserName, cancellationToken) is not null)
        {
            return null;
        }

        // The fresh stamp tells our insert apart from one that won a race for the same name.
        var stamp = NewStamp();
        var stored = await EnsureAsync(user with { SecurityStamp = stamp }, cancellationToken);
        return stored.SecurityStamp == stamp ? stored : null;
    }

    /// <summary>Disables or re-enables a user (a new security stamp ends every session); false when there is no such user.</summary>
    public Task<bool> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
        => UpdateAsync("disabled = @disabled", new { disabled, userName, stamp = NewStamp() }, cancellationToken);

    /// <summary>Changes the role and department (a new security stamp ends every session).</summary>
    public Task<bool> SetRoleAsync(string userName, string role, string? departmentId, CancellationToken cancellationToken = default)
    {
        if (!Roles.UserRoles.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        return UpdateAsync("role = @role, department_id = @departmentId", new { role, departmentId, userName, stamp = NewStamp() }, cancellationToken);
    }

    /// <summary>Stores a new password hash, clears any lockout and ends every session.</summary>
    public Task<bool> SetPasswordHashAsync(string userName, string passwordHash, CancellationToken cancellationToken = default)
        => UpdateAsync("password_hash = @passwordHash, failed_sign_ins = 0, locked_until = NULL", new { passwordHash, userName, stamp = NewStamp() }, cancellationToken);

    /// <summary>
    /// Counts a failed sign-in; at <paramref name="maxFailures"/> the account locks until <paramref name="lockUntil"/> and the
    /// count starts again. Returns true when this failure locked the account.
    /// </summary>
    public async Task<bool> RecordFailedSignInAsync(long id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_sign_ins = COALESCE(failed_sign_ins, 0) + 1 WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(failed_sign_ins, 0) FROM users WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        var locked = failures >= maxFailures;
        if (locked)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET failed_sign_ins = 0, locked_until = @until WHERE id = @id",
                new { id, until = DbTime.ToDb(lockUntil) }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return locked;
    }

    /// <summary>After a successful sign-in: no failures counted, no lock.</summary>
    public async Task ClearFailedSignInsAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)",
            new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A random stamp: 128 bits, hex.</summary>
    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private async Task<bool> UpdateAsync(string set, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE users SET {set}, security_stamp = @stamp WHERE user_name = @userName", parameters, cancellationToken: cancellationToken));
        return changed > 0;
    }
}
