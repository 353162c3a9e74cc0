using System.Data.Common;

namespace Hotline.Core.Data;

/// <summary>Opens a short-lived connection per operation for the configured provider. STUB.</summary>
public sealed class ConnectionFactory
{
    public ConnectionFactory(DatabaseOptions options)
    {
        Options = options;
    }

    public DatabaseOptions Options { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
