using Hotline.Core.Departments;

namespace Hotline.Web.Tickets;

/// <summary>Departments, categories and streets for the forms' pickers, cached briefly (they change rarely).</summary>
public sealed class TicketLookups(DepartmentStore departments, CategoryStore categories, StreetStore streets, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyList<Department> Departments,
        IReadOnlyList<Category> Categories,
        IReadOnlyList<Street> Streets,
        DateTimeOffset LoadedAt)
    {
        public string DepartmentName(string? id)
            => id is null ? "" : Departments.FirstOrDefault(d => d.Id == id)?.Name ?? id;
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } cached && now - cached.LoadedAt < CacheFor && now >= cached.LoadedAt)
        {
            return cached;
        }

        var loaded = new Snapshot(
            await departments.ListAsync(includeInactive: true, cancellationToken),
            await categories.ListAsync(cancellationToken),
            await streets.ListAsync(cancellationToken),
            now);
        _snapshot = loaded;
        return loaded;
    }
}
