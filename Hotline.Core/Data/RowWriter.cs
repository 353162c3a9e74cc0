using System.Data;
using System.Data.Common;

namespace Hotline.Core.Data;

/// <summary>
/// Writes many rows with one single-row statement (parameters named after the columns) inside the caller's
/// transaction, as fast as each provider allows: PostgreSQL and SQL Server get the rows as DbBatch
/// round trips of many commands; SQLite (in-process, no batching) re-runs one prepared statement.
/// Dapper is kept for reads and small commands; for a batch of thousands its per-parameter lookups cost
/// more than the database does.
/// </summary>
public static class RowWriter
{
    /// <summary>Commands per DbBatch round trip (bounds one message to a few hundred kilobytes).</summary>
    public const int CommandsPerBatch = 500;

    /// <summary>Fills <paramref name="values"/> (one slot per column) for one row.</summary>
    public delegate void RowValues<in T>(T row, object?[] values);

    public static async Task WriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string singleRowSql,
        IReadOnlyList<string> columns,
        IReadOnlyList<DbType> columnTypes,
        IReadOnlyList<T> rows,
        RowValues<T> fill,
        CancellationToken cancellationToken)
    {
        var values = new object?[columnTypes.Count];
        if (connection.CanCreateBatch)
        {
            for (var start = 0; start < rows.Count; start += CommandsPerBatch)
            {
                var end = Math.Min(rows.Count, start + CommandsPerBatch);
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                for (var r = start; r < end; r++)
                {
                    fill(rows[r], values);
                    var command = batch.CreateBatchCommand();
                    command.CommandText = singleRowSql;
                    for (var c = 0; c < values.Length; c++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = columns[c];
                        parameter.DbType = columnTypes[c];
                        parameter.Value = values[c] ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = singleRowSql;
        var parameters = new DbParameter[columnTypes.Count];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = single.CreateParameter();
            parameters[c].ParameterName = columns[c];
            parameters[c].DbType = columnTypes[c];
            single.Parameters.Add(parameters[c]);
        }

        foreach (var row in rows)
        {
            fill(row, values);
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }

            await single.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
