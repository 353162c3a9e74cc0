using Dapper;
using Hotline.Core.Audit;
using Hotline.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Audit;

/// <summary>The audit rows cannot be deleted, so each test writes under its own actor names.</summary>
public abstract class AuditLogTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    private AuditLog Log => new(database.Connections, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_written_row_is_found_by_its_actor_with_every_field_and_chinese_detail_intact()
    {
        var written = await Log.WriteAsync("audit-a", "BackOffice", "10.0.0.7", AuditActions.NumberRevealed, "YH20261127-0001", "查看完整号码", Ct);

        var (rows, total) = await Log.SearchAsync(new AuditQuery(Actor: "audit-a"), Ct);

        Assert.Equal(1, total);
        Assert.Equal(written, Assert.Single(rows));
        Assert.Equal(_time.GetUtcNow(), written.At);
    }

    [Fact]
    public async Task Search_filters_by_action_and_time_and_lists_newest_first()
    {
        await Log.WriteAsync("audit-b", "Admin", null, AuditActions.SettingChanged, cancellationToken: Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var middle = _time.GetUtcNow();
        await Log.WriteAsync("audit-b", "Admin", null, AuditActions.Export, "calls", cancellationToken: Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Log.WriteAsync("audit-b", "Admin", null, AuditActions.SettingChanged, cancellationToken: Ct);

        var (settings, _) = await Log.SearchAsync(new AuditQuery(Actor: "audit-b", Action: AuditActions.SettingChanged), Ct);
        var (since, _) = await Log.SearchAsync(new AuditQuery(Actor: "audit-b", From: middle), Ct);

        Assert.Equal(2, settings.Count);
        Assert.True(settings[0].At > settings[1].At);
        Assert.Equal([AuditActions.SettingChanged, AuditActions.Export], since.Select(r => r.Action));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_rows()
    {
        var row = await Log.WriteAsync("audit-c", "Agent", null, AuditActions.SignIn, cancellationToken: Ct);
        await using var connection = await database.Connections.OpenAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE audit_log SET actor = 'someone' WHERE id = @id", new { id = row.Id }));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("DELETE FROM audit_log WHERE id = @id", new { id = row.Id }));

        var (rows, _) = await Log.SearchAsync(new AuditQuery(Actor: "audit-c"), Ct);
        Assert.Equal(row, Assert.Single(rows));
    }

    [Fact]
    public async Task Reading_all_streams_every_matching_row_oldest_first()
    {
        for (var i = 0; i < 3; i++)
        {
            await Log.WriteAsync("audit-d", "Official", null, AuditActions.Export, $"month-{i}", cancellationToken: Ct);
        }

        var all = new List<AuditEntry>();
        await foreach (var row in Log.ReadAllAsync(new AuditQuery(Actor: "audit-d"), Ct)) all.Add(row);

        Assert.Equal(["month-0", "month-1", "month-2"], all.Select(r => r.Target));
    }
}

public sealed class SqliteAuditLogTests(SqliteTestDatabase database) : AuditLogTests<SqliteTestDatabase>(database);

public sealed class PostgresAuditLogTests(PostgresTestDatabase database) : AuditLogTests<PostgresTestDatabase>(database);
