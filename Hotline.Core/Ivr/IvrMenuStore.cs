using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Hotline.Core.Data;
using Hotline.Telephony.Ivr;

namespace Hotline.Core.Ivr;

/// <summary>The IVR menu (<c>ivr_menus</c>): every save is a new version; the newest is the menu, and before any save
/// the shipped default (<see cref="IvrMenu.Default"/>).</summary>
public sealed class IvrMenuStore(ConnectionFactory connections, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<IvrMenu> LoadAsync(CancellationToken cancellationToken = default) =>
        (await LoadVersionAsync(cancellationToken)).Menu;

    /// <summary>The menu and its version (0 for the default never saved).</summary>
    public async Task<(IvrMenu Menu, long Version)> LoadVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<(long Id, string Json)>(new CommandDefinition(
            "SELECT id, menu_json FROM ivr_menus ORDER BY id DESC" + connections.Dialect.Page(0, 1), cancellationToken: cancellationToken));
        return row.Json is null ? (IvrMenu.Default(), 0) : (Deserialize(row.Json), row.Id);
    }

    /// <summary>Stores a new version (the menu must be valid); returns its version.</summary>
    public async Task<long> SaveAsync(IvrMenu menu, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var errors = IvrMenuValidator.Validate(menu);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(menu));
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId("ivr_menus", ["menu_json", "saved_at", "saved_by"]),
            new { menu_json = Serialize(menu), saved_at = DbTime.ToDb(time.GetUtcNow()), saved_by = userName },
            cancellationToken: cancellationToken));
    }

    public static string Serialize(IvrMenu menu) => JsonSerializer.Serialize(menu, Json);

    public static IvrMenu Deserialize(string json) => JsonSerializer.Deserialize<IvrMenu>(json, Json) ?? IvrMenu.Default();
}
