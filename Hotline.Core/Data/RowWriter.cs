using System.Data;
using System.Data.Common;

namespace Hotline.Core.Data;

/// <summary>
/// Writes batches of rows of one table inside the caller's transaction, as fast as each provider allows
/// (Dapper stays for reads and small commands: for thousands of rows its per-parameter work costs
/// more than the database does):
/// <list type="bullet">
/// <item>PostgreSQL: one statement over <c>unnest</c> of one array parameter per column;</item>
/// <item>SQL Server: DbBatch round trips of single-row statements;</item>
/// <item>SQLite (in-process, no batching): one prepared single-row statement run per row.</item>
/// </list>
/// With key columns the rows are upserted (inserted, or their other columns updated); rows with the same
/// key in one batch end as the last of them.
/// </summary>
public sealed class RowWriter<T>
{
    /// <summary>Commands per DbBatch round trip (bounds one message to a few hundred kilobytes).</summary>
    public const int CommandsPerBatch = 500;

    private readonly IReadOnlyList<string> _columns;
    private readonly IReadOnlyList<DbType> _types;
    private readonly int _keyColumns;
    private readonly Action<T, object?[]> _fill;
    private readonly string _singleRowSql;
    private readonly string? _unnestSql;

    /// <param name="dialect">The provider's dialect.</param>
    /// <param name="table">Table name.</param>
    /// <param name="columns">Column names and types; the key columns come first.</param>
    /// <param name="keyColumns">0 for plain inserts; otherwise the number of leading key columns for an upsert.</param>
    /// <param name="fill">Writes one row's values, one slot per column, into the array.</param>
    public RowWriter(SqlDialect dialect, string table, IReadOnlyList<(string Name, DbType Type)> columns, int keyColumns, Action<T, object?[]> fill)
    {
        _columns = columns.Select(c => c.Name).ToList();
        _types = columns.Select(c => c.Type).ToList();
        _keyColumns = keyColumns;
        _fill = fill;
        _singleRowSql = keyColumns > 0 ? dialect.Upsert(table, _columns, keyColumns) : dialect.Insert(table, _columns);
        _unnestSql = dialect.Provider == DatabaseProvider.PostgreSql ? dialect.InsertFromArrays(table, _columns, keyColumns) : null;
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (_unnestSql is not null)
        {
            await WriteArraysAsync(connection, transaction, rows, cancellationToken);
        }
        else if (connection.CanCreateBatch)
        {
            await WriteBatchesAsync(connection, transaction, rows, cancellationToken);
        }
        else
        {
            await WriteOneByOneAsync(connection, transaction, rows, cancellationToken);
        }
    }

    private async Task WriteArraysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        // One statement may not upsert the same key twice: keep the last row of each key.
        var kept = _keyColumns > 0 ? LastOfEachKey(rows) : rows;
        var arrays = new Array[_columns.Count];
        for (var c = 0; c < arrays.Length; c++)
        {
            arrays[c] = _types[c] switch
            {
                DbType.Int64 => new long?[kept.Count],
                DbType.Int32 => new int?[kept.Count],
                DbType.Double => new double?[kept.Count],
                DbType.Boolean => new bool?[kept.Count],
                _ => new string?[kept.Count],
            };
        }

        var values = new object?[_columns.Count];
        for (var r = 0; r < kept.Count; r++)
        {
            _fill(kept[r], values);
            for (var c = 0; c < values.Length; c++)
            {
                arrays[c].SetValue(values[c], r);
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _unnestSql!;
        for (var c = 0; c < arrays.Length; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = _columns[c];
            parameter.Value = arrays[c];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteBatchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var values = new object?[_columns.Count];
        for (var start = 0; start < rows.Count; start += CommandsPerBatch)
        {
            var end = Math.Min(rows.Count, start + CommandsPerBatch);
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            for (var r = start; r < end; r++)
            {
                _fill(rows[r], values);
                var command = batch.CreateBatchCommand();
                command.CommandText = _singleRowSql;
                for (var c = 0; c < values.Length; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = _columns[c];
                    parameter.DbType = _types[c];
                    parameter.Value = values[c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task WriteOneByOneAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _singleRowSql;
        var parameters = new DbParameter[_columns.Count];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = _columns[c];
            parameters[c].DbType = _types[c];
            command.Parameters.Add(parameters[c]);
        }

        var values = new object?[_columns.Count];
        foreach (var row in rows)
        {
            _fill(row, values);
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private IReadOnlyList<T> LastOfEachKey(IReadOnlyList<T> rows)
    {
        var values = new object?[_columns.Count];
        var lastIndex = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var keys = new string[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            _fill(rows[r], values);
            keys[r] = _keyColumns == 1 ? Convert.ToString(values[0]) ?? "" : string.Join('\u001f', values.Take(_keyColumns));
            lastIndex[keys[r]] = r;
        }

        if (lastIndex.Count == rows.Count)
        {
            return rows;
        }

        var kept = new List<T>(lastIndex.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            if (lastIndex[keys[r]] == r)
            {
                kept.Add(rows[r]);
            }
        }

        return kept;
    }
}
