using System.Data;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>A <c>tickets</c> row: the column list, the values of a <see cref="Ticket"/> and back.</summary>
internal sealed class TicketRow
{
    private const char ListSeparator = ',';

    /// <summary>Every column but <c>id</c>, in the order <see cref="Fill"/> writes them.</summary>
    public static readonly (string Name, DbType Type)[] Columns =
    [
        ("number", DbType.String), ("channel", DbType.String), ("caller_number", DbType.String), ("caller_name", DbType.String),
        ("confidential", DbType.Boolean), ("address", DbType.String), ("street", DbType.String), ("community", DbType.String),
        ("request_type", DbType.String), ("category_id", DbType.Int64), ("category_path", DbType.String), ("content", DbType.String),
        ("urgency", DbType.String), ("linked_call_ids", DbType.String), ("proposed_department_id", DbType.String),
        ("lead_department_id", DbType.String), ("assisting_department_ids", DbType.String), ("deadline", DbType.Int64),
        ("sign_for_deadline", DbType.Int64), ("handling_deadline", DbType.Int64), ("follow_up_wanted", DbType.Boolean),
        ("status", DbType.String), ("version", DbType.Int32), ("created_at", DbType.Int64), ("updated_at", DbType.Int64),
        ("created_by", DbType.String), ("dispatched_at", DbType.Int64), ("signed_for_at", DbType.Int64), ("replied_at", DbType.Int64),
        ("closed_at", DbType.Int64), ("reply", DbType.String), ("follow_up_result", DbType.String), ("extension_count", DbType.Int32),
        ("redo_count", DbType.Int32), ("urge_count", DbType.Int32), ("last_urged_at", DbType.Int64), ("merged_into_number", DbType.String),
        ("is_major_emergency", DbType.Boolean), ("emergency_raised_at", DbType.Int64), ("emergency_acknowledged_at", DbType.Int64),
        ("emergency_acknowledged_by", DbType.String),
    ];

    /// <summary>The select list (table alias <c>t</c>) with aliases matching this class's properties.</summary>
    public static readonly string SelectList = "t.id AS Id, " + string.Join(", ", Columns.Select(c => $"t.{c.Name} AS {Pascal(c.Name)}"));

    public long Id { get; set; }
    public string Number { get; set; } = "";
    public string Channel { get; set; } = "";
    public string CallerNumber { get; set; } = "";
    public string? CallerName { get; set; }
    public bool Confidential { get; set; }
    public string? Address { get; set; }
    public string? Street { get; set; }
    public string? Community { get; set; }
    public string RequestType { get; set; } = "";
    public long? CategoryId { get; set; }
    public string? CategoryPath { get; set; }
    public string Content { get; set; } = "";
    public string Urgency { get; set; } = "";
    public string LinkedCallIds { get; set; } = "";
    public string? ProposedDepartmentId { get; set; }
    public string? LeadDepartmentId { get; set; }
    public string AssistingDepartmentIds { get; set; } = "";
    public long? Deadline { get; set; }
    public long? SignForDeadline { get; set; }
    public long? HandlingDeadline { get; set; }
    public bool FollowUpWanted { get; set; }
    public string Status { get; set; } = "";
    public int Version { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public long? DispatchedAt { get; set; }
    public long? SignedForAt { get; set; }
    public long? RepliedAt { get; set; }
    public long? ClosedAt { get; set; }
    public string? Reply { get; set; }
    public string? FollowUpResult { get; set; }
    public int ExtensionCount { get; set; }
    public int RedoCount { get; set; }
    public int UrgeCount { get; set; }
    public long? LastUrgedAt { get; set; }
    public string? MergedIntoNumber { get; set; }
    public bool IsMajorEmergency { get; set; }
    public long? EmergencyRaisedAt { get; set; }
    public long? EmergencyAcknowledgedAt { get; set; }
    public string? EmergencyAcknowledgedBy { get; set; }

    /// <summary>Writes the ticket's column values in <see cref="Columns"/> order (enums by name, times as Unix ms).</summary>
    public static void Fill(Ticket t, object?[] v)
    {
        v[0] = t.Number;
        v[1] = t.Channel.ToString();
        v[2] = t.CallerNumber;
        v[3] = t.CallerName;
        v[4] = t.Confidential;
        v[5] = t.Address;
        v[6] = t.Street;
        v[7] = t.Community;
        v[8] = t.RequestType.ToString();
        v[9] = t.CategoryId;
        v[10] = t.CategoryPath;
        v[11] = t.Content;
        v[12] = t.Urgency.ToString();
        v[13] = string.Join(ListSeparator, t.LinkedCallIds);
        v[14] = t.ProposedDepartmentId;
        v[15] = t.LeadDepartmentId;
        v[16] = string.Join(ListSeparator, t.AssistingDepartmentIds);
        v[17] = DbTime.ToDb(t.Deadline);
        v[18] = DbTime.ToDb(t.SignForDeadline);
        v[19] = DbTime.ToDb(t.HandlingDeadline);
        v[20] = t.FollowUpWanted;
        v[21] = t.Status.ToString();
        v[22] = t.Version;
        v[23] = DbTime.ToDb(t.CreatedAt);
        v[24] = DbTime.ToDb(t.UpdatedAt);
        v[25] = t.CreatedBy;
        v[26] = DbTime.ToDb(t.DispatchedAt);
        v[27] = DbTime.ToDb(t.SignedForAt);
        v[28] = DbTime.ToDb(t.RepliedAt);
        v[29] = DbTime.ToDb(t.ClosedAt);
        v[30] = t.Reply;
        v[31] = t.FollowUpResult?.ToString();
        v[32] = t.ExtensionCount;
        v[33] = t.RedoCount;
        v[34] = t.UrgeCount;
        v[35] = DbTime.ToDb(t.LastUrgedAt);
        v[36] = t.MergedIntoNumber;
        v[37] = t.IsMajorEmergency;
        v[38] = DbTime.ToDb(t.EmergencyRaisedAt);
        v[39] = DbTime.ToDb(t.EmergencyAcknowledgedAt);
        v[40] = t.EmergencyAcknowledgedBy;
    }

    public Ticket ToTicket() => new()
    {
        Number = Number,
        Channel = Enum.Parse<TicketChannel>(Channel),
        CallerNumber = CallerNumber,
        CallerName = CallerName,
        Confidential = Confidential,
        Address = Address,
        Street = Street,
        Community = Community,
        RequestType = Enum.Parse<RequestType>(RequestType),
        CategoryId = CategoryId,
        CategoryPath = CategoryPath,
        Content = Content,
        Urgency = Enum.Parse<Urgency>(Urgency),
        LinkedCallIds = SplitList(LinkedCallIds),
        ProposedDepartmentId = ProposedDepartmentId,
        LeadDepartmentId = LeadDepartmentId,
        AssistingDepartmentIds = SplitList(AssistingDepartmentIds),
        Deadline = DbTime.FromDb(Deadline),
        SignForDeadline = DbTime.FromDb(SignForDeadline),
        HandlingDeadline = DbTime.FromDb(HandlingDeadline),
        FollowUpWanted = FollowUpWanted,
        Status = Enum.Parse<TicketStatus>(Status),
        Version = Version,
        CreatedAt = DbTime.FromDb(CreatedAt),
        UpdatedAt = DbTime.FromDb(UpdatedAt),
        CreatedBy = CreatedBy,
        DispatchedAt = DbTime.FromDb(DispatchedAt),
        SignedForAt = DbTime.FromDb(SignedForAt),
        RepliedAt = DbTime.FromDb(RepliedAt),
        ClosedAt = DbTime.FromDb(ClosedAt),
        Reply = Reply,
        FollowUpResult = FollowUpResult is null ? null : Enum.Parse<FollowUpResult>(FollowUpResult),
        ExtensionCount = ExtensionCount,
        RedoCount = RedoCount,
        UrgeCount = UrgeCount,
        LastUrgedAt = DbTime.FromDb(LastUrgedAt),
        MergedIntoNumber = MergedIntoNumber,
        IsMajorEmergency = IsMajorEmergency,
        EmergencyRaisedAt = DbTime.FromDb(EmergencyRaisedAt),
        EmergencyAcknowledgedAt = DbTime.FromDb(EmergencyAcknowledgedAt),
        EmergencyAcknowledgedBy = EmergencyAcknowledgedBy,
    };

    private static string[] SplitList(string text) =>
        text.Length == 0 ? [] : text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
