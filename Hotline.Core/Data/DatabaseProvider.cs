namespace Hotline.Core.Data;

/// <summary>The database engines the storage code speaks to (<c>Hotline:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
