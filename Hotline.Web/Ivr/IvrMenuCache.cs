using Hotline.Core.Ivr;
using Hotline.Telephony.Ivr;

namespace Hotline.Web.Ivr;

/// <summary>
/// The IVR menu the agent and supervisor screens name callers' keys by: read from the store at most once a minute
/// (every open page wants it, the menu changes rarely); the shipped menu while the store cannot be read.
/// </summary>
public sealed class IvrMenuCache(IvrMenuStore store, TimeProvider time, ILogger<IvrMenuCache> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private Entry? _current; // replaced whole, so a reader on another circuit never sees half of it

    public async Task<IvrMenu> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _current) is { } current && now - current.LoadedAt < MaxAge) return current.Menu;
        try
        {
            var menu = await store.LoadAsync(cancellationToken);
            Volatile.Write(ref _current, new Entry(menu, now));
            return menu;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the IVR menu failed: keys are named by the shipped menu");
            return Volatile.Read(ref _current)?.Menu ?? IvrMenu.Default();
        }
    }

    private sealed record Entry(IvrMenu Menu, DateTimeOffset LoadedAt);
}
