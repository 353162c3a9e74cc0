using Hotline.Tests.Calls;
using Hotline.Tests.Data;
using Hotline.Tests.TicketStorage;

namespace Hotline.Tests.SqlServer;

// The same storage cases as on SQLite and PostgreSQL, on the SQL Server of HOTLINE_TEST_SQLSERVER.
// Compiled only when that variable is set at build time (Hotline.Tests.csproj).

public sealed class SqlServerMigratorTests(SqlServerTestDatabase database) : MigratorTests<SqlServerTestDatabase>(database);

public sealed class SqlServerUserStoreTests(SqlServerTestDatabase database) : UserStoreTests<SqlServerTestDatabase>(database);

public sealed class SqlServerSqlDialectTests(SqlServerTestDatabase database) : SqlDialectTests<SqlServerTestDatabase>(database);

public sealed class SqlServerCallStoreTests(SqlServerTestDatabase database) : CallStoreTests<SqlServerTestDatabase>(database);

public sealed class SqlServerTicketStorageTests(SqlServerTestDatabase database) : TicketStorageTests<SqlServerTestDatabase>(database);

public sealed class SqlServerStorageSupportTests(SqlServerTestDatabase database) : StorageSupportTests<SqlServerTestDatabase>(database);

public sealed class SqlServerAuditLogTests(SqlServerTestDatabase database) : Hotline.Tests.Audit.AuditLogTests<SqlServerTestDatabase>(database);

public sealed class SqlServerAssessmentStorageTests(SqlServerTestDatabase database) : Hotline.Tests.Assessment.AssessmentStorageTests<SqlServerTestDatabase>(database);
