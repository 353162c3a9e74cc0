namespace Hotline.Core.Data;

/// <summary>Applies the schema migrations at start (one source for every provider). STUB.</summary>
public sealed class Migrator
{
    public Migrator(ConnectionFactory connections)
    {
        _ = connections;
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
