namespace Hotline.Core.Data;

/// <summary><c>Hotline:Database:Provider</c> and <c>ConnectionStrings:Hotline</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Hotline:Database";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Filled from <c>ConnectionStrings:Hotline</c>; default a SQLite file under <c>data/</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/hotline.db";
}
