using Hotline.Core.Recordings;

namespace Hotline.Web.Recordings;

/// <summary>A recording as the API lists it; <see cref="Url"/> plays it.</summary>
public sealed record RecordingView(long Id, string CallId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, long? Bytes, bool Deleted, string Url)
{
    public static RecordingView From(Recording r) => new(r.Id, r.CallId, r.StartedAt, r.EndedAt, r.Bytes, r.DeletedAt is not null, $"/api/recordings/{r.Id}");
}
