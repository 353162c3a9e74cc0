namespace Hotline.Core.Data;

/// <summary>
/// Times are stored as Unix milliseconds (UTC) in a 64-bit integer on every provider: the same SQL,
/// exact round trips to the millisecond, and integer comparisons that sort and index the same way on
/// SQLite (which has no date type), PostgreSQL and SQL Server. Read them in SQL with
/// <c>to_timestamp(x / 1000.0)</c>, <c>datetime(x / 1000, 'unixepoch')</c> or <c>DATEADD(s, x / 1000, '1970-01-01')</c>.
/// </summary>
public static class DbTime
{
    /// <summary>Milliseconds since 1970-01-01 UTC; sub-millisecond ticks are dropped.</summary>
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    /// <summary>The stored instant with offset zero (UTC).</summary>
    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromDb(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
