using System.Security.Claims;
using Hotline.Core.Audit;
using Hotline.Core.Recordings;
using Hotline.Web.Recordings;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace Hotline.Web.Apis;

/// <summary>
/// Call recordings: <c>GET /api/recordings/{id}</c> streams one with HTTP range requests (206, Accept-Ranges,
/// Content-Range), <c>?download=true</c> as an attachment; <c>GET /api/recordings/by-call/{callId}</c> lists a call's
/// recordings. Supervisors, the back office and admins may play any recording, an agent only the calls he answered
/// (anything else is 404, so nobody learns which recordings exist); other roles get 403. Each playback is audited
/// once: a player fetches a file as a burst of range requests, so only requests from byte 0 (or without a range) count.
/// </summary>
public static class RecordingsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapRecordingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recordings").RequireAuthorization(HotlinePolicies.Recordings).WithTags("Recordings");
        api.MapGet("/{id:long}", PlayAsync)
            .WithSummary("播放或下载通话录音（支持 Range 分段请求）")
            .WithDescription("206 with Content-Range for a Range request; 404 when the recording does not exist or is not the agent's own call; "
                + "410 when the retention job deleted it or its file is gone; 503 when the node's ARI cannot be reached.");
        api.MapGet("/by-call/{callId}", ByCallAsync)
            .WithSummary("一次通话的录音列表");
        return app;
    }

    private static async Task<IResult> PlayAsync(
        long id, bool? download, HttpContext context, ClaimsPrincipal user, RecordingStore store, RecordingFiles files, AuditTrail audit,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var recording = await store.FindAsync(id, cancellationToken);
        if (recording is null || !RecordingAccess.MayPlay(user, recording))
        {
            return TypedResults.Problem("录音不存在，或您无权收听。", statusCode: StatusCodes.Status404NotFound, title: "录音不存在");
        }

        if (recording.DeletedAt is { } deletedAt)
        {
            return TypedResults.Problem($"该录音已于 {deletedAt:yyyy-MM-dd} 按保存期限删除。", statusCode: StatusCodes.Status410Gone, title: "录音已删除");
        }

        var contentType = ContentTypes.TryGetContentType(recording.FileName, out var type) ? type : "application/octet-stream";
        var downloadName = download == true ? $"{recording.TicketNumber ?? recording.CallId}-{recording.FileName}" : null;
        IResult result;
        if (files.LocalPath(recording.Node, recording.FileName) is { } path)
        {
            if (!File.Exists(path)) return FileMissing();
            result = TypedResults.PhysicalFile(path, contentType, downloadName, enableRangeProcessing: true);
        }
        else if (files.Ari(recording.Node) is { } ari)
        {
            byte[]? bytes;
            try
            {
                bytes = await ari.GetStoredRecordingAsync(recording.FileName, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                loggers.CreateLogger(typeof(RecordingsApi)).LogWarning(ex, "ARI of node {Node} did not serve recording {Id}", recording.Node, recording.Id);
                return TypedResults.Problem($"无法从交换机节点 {recording.Node} 的 ARI 取得录音文件，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable, title: "录音暂不可用");
            }

            if (bytes is null) return FileMissing();
            // ARI sends whole files: ranges are cut here from the copy in memory (recordings are about 1 MB a minute).
            result = TypedResults.File(bytes, contentType, downloadName, enableRangeProcessing: true);
        }
        else
        {
            return TypedResults.Problem($"交换机节点 {recording.Node} 未配置录音目录（RecordingsPath）也未配置 ARI，无法播放录音。", statusCode: StatusCodes.Status404NotFound, title: "录音无法读取");
        }

        if (StartsPlayback(context.Request))
        {
            // Once a minute per user and recording: a player fetches the start again (prerendered, then live element; seeks).
            await audit.WriteOnceAsync(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role),
                download == true ? AuditActions.RecordingDownloaded : AuditActions.RecordingPlayed,
                target: Target(recording.Id), detail: $"call {recording.CallId}" + (recording.TicketNumber is { } n ? $", ticket {n}" : ""),
                cancellationToken: CancellationToken.None); // players drop their first request once they have the headers: the playback still counts
        }

        return result;
    }

    private static async Task<Ok<RecordingView[]>> ByCallAsync(
        string callId, ClaimsPrincipal user, RecordingStore store, CancellationToken cancellationToken)
    {
        var recordings = await store.ForCallsAsync([callId], cancellationToken: cancellationToken);
        return TypedResults.Ok(recordings.Where(r => RecordingAccess.MayPlay(user, r)).Select(RecordingView.From).ToArray());
    }

    /// <summary>The audit target of a recording (searchable: <c>recording:42</c>).</summary>
    public static string Target(long id) => $"recording:{id}";

    /// <summary>A request without a range, or one from byte 0, starts a playback; the rest of the burst continues it.</summary>
    private static bool StartsPlayback(HttpRequest request)
    {
        var range = request.GetTypedHeaders().Range;
        return range is null || range.Ranges.Count == 0 || range.Ranges.Any(r => r.From == 0);
    }

    private static ProblemHttpResult FileMissing() =>
        TypedResults.Problem("录音文件已不存在（可能已被删除或移动），请联系系统管理员。", statusCode: StatusCodes.Status410Gone, title: "录音文件缺失");
}
