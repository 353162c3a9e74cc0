using System.Data;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>A <c>ticket_history</c> row.</summary>
internal sealed class HistoryRow
{
    public static readonly (string Name, DbType Type)[] Columns =
    [
        ("ticket_number", DbType.String), ("at", DbType.Int64), ("action", DbType.String), ("from_status", DbType.String),
        ("to_status", DbType.String), ("actor_user_name", DbType.String), ("actor_display_name", DbType.String),
        ("actor_role", DbType.String), ("actor_department_id", DbType.String), ("note", DbType.String), ("detail", DbType.String),
        ("version", DbType.Int32),
    ];

    public const string SelectList = """
        ticket_number AS TicketNumber, at AS At, action AS Action, from_status AS FromStatus, to_status AS ToStatus,
        actor_user_name AS ActorUserName, actor_display_name AS ActorDisplayName, actor_role AS ActorRole,
        actor_department_id AS ActorDepartmentId, note AS Note, detail AS Detail, version AS Version
        """;

    public string TicketNumber { get; set; } = "";
    public long At { get; set; }
    public string Action { get; set; } = "";
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string ActorUserName { get; set; } = "";
    public string? ActorDisplayName { get; set; }
    public string ActorRole { get; set; } = "";
    public string? ActorDepartmentId { get; set; }
    public string? Note { get; set; }
    public string? Detail { get; set; }
    public int Version { get; set; }

    public static void Fill(TicketHistoryEntry h, object?[] v)
    {
        v[0] = h.TicketNumber;
        v[1] = DbTime.ToDb(h.At);
        v[2] = h.Action.ToString();
        v[3] = h.FromStatus?.ToString();
        v[4] = h.ToStatus.ToString();
        v[5] = h.ActorUserName;
        v[6] = h.ActorDisplayName;
        v[7] = h.ActorRole;
        v[8] = h.ActorDepartmentId;
        v[9] = h.Note;
        v[10] = h.Detail;
        v[11] = h.Version;
    }

    public TicketHistoryEntry ToEntry() => new()
    {
        TicketNumber = TicketNumber,
        At = DbTime.FromDb(At),
        Action = Enum.Parse<TicketAction>(Action),
        FromStatus = FromStatus is null ? null : Enum.Parse<TicketStatus>(FromStatus),
        ToStatus = Enum.Parse<TicketStatus>(ToStatus),
        ActorUserName = ActorUserName,
        ActorDisplayName = ActorDisplayName,
        ActorRole = ActorRole,
        ActorDepartmentId = ActorDepartmentId,
        Note = Note,
        Detail = Detail,
        Version = Version,
    };
}
