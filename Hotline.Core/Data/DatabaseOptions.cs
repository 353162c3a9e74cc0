using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Core.Data;

/// <summary><c>Hotline:Database:Provider</c> and <c>ConnectionStrings:Hotline</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Hotline:Database";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Filled from <c>ConnectionStrings:Hotline</c>; default a SQLite file under <c>data/</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/hotline.db";

    /// <summary>The parsed <see cref="Provider"/> (case-insensitive); throws if <see cref="Validate"/> would fail on it.</summary>
    public DatabaseProvider ProviderKind =>
        TryParseProvider(Provider, out var kind)
            ? kind
            : throw new InvalidOperationException(ProviderError());

    /// <summary>Problems with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!TryParseProvider(Provider, out var kind))
        {
            return [ProviderError()];
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ["ConnectionStrings:Hotline must not be empty"];
        }

        try
        {
            // The builders reject unknown keywords and malformed values, so a typo stops the start
            // with a message instead of failing at the first query.
            _ = kind switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(ConnectionString).Host,
                _ => new SqlConnectionStringBuilder(ConnectionString).DataSource,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"ConnectionStrings:Hotline is not a valid {kind} connection string: {e.Message}"];
        }

        return [];
    }

    private string ProviderError() =>
        $"{Section}:Provider must be Sqlite, PostgreSql or SqlServer (was '{Provider}')";

    private static bool TryParseProvider(string? value, out DatabaseProvider kind)
    {
        // Enum.TryParse would also accept numbers ("1"); only the names are valid settings.
        foreach (var candidate in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(value?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
