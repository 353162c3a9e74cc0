using Dapper;
using Hotline.Core.Data;
using Microsoft.Data.SqlClient;

namespace Hotline.Tests.Data;

/// <summary>
/// Databases of their own on the SQL Server named by <c>HOTLINE_TEST_SQLSERVER</c>, dropped afterwards. The
/// test classes that use it are compiled only when that variable is set (see Hotline.Tests.csproj): without a
/// server there are no SQL Server tests, rather than skipped ones.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private readonly List<string> _databases = [];

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    private static string Server => Environment.GetEnvironmentVariable("HOTLINE_TEST_SQLSERVER") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("HOTLINE_TEST_SQLSERVER is not set: it must hold a SQL Server connection string.");

    public override async Task<ConnectionFactory> CreateEmptyAsync()
    {
        var name = "hotline_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new SqlConnection(Server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE [{name}]");
        }

        _databases.Add(name);
        var connectionString = new SqlConnectionStringBuilder(Server) { InitialCatalog = name }.ConnectionString;
        return new ConnectionFactory(new DatabaseOptions { Provider = "SqlServer", ConnectionString = connectionString });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var admin = new SqlConnection(Server);
        foreach (var name in _databases)
        {
            await admin.ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        }
    }
}
