namespace Hotline.Core.Recordings;

/// <summary>A recording as the ingest writes it (one row of <c>recordings</c>, keyed by call and file).</summary>
public sealed record RecordingRecord(string CallId, string FileName, string Node, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, long? Bytes);
