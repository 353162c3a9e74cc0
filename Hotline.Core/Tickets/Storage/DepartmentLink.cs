using System.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// A <c>ticket_departments</c> row: the department is the ticket's lead or an assisting one (for visibility and filters).
/// Carries copies of the ticket's status and street so that a department's list filtered by them is read from one index.
/// </summary>
internal sealed record DepartmentLink(long TicketId, string DepartmentId, long CreatedAt, string Status, string? Street)
{
    public static readonly (string Name, DbType Type)[] Columns =
        [("ticket_id", DbType.Int64), ("department_id", DbType.String), ("created_at", DbType.Int64), ("status", DbType.String), ("street", DbType.String)];

    public static void Fill(DepartmentLink link, object?[] v)
    {
        v[0] = link.TicketId;
        v[1] = link.DepartmentId;
        v[2] = link.CreatedAt;
        v[3] = link.Status;
        v[4] = link.Street;
    }
}
