using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// Demo data for a district: departments (D01 区住建局 …), the category tree, streets and communities, the work
/// calendar, the demo API keys and about 200 tickets of the last 30 days driven through the real workflow
/// (so their histories are real). Idempotent: each part is only added when its table is empty.
/// </summary>
public static class DemoTicketData
{
    /// <summary>The department of the demo user <c>department01</c> and of the key <see cref="DepartmentApiKey"/>.</summary>
    public const string DemoDepartmentId = "D01";

    public const string BackOfficeApiKey = "demo-api-backoffice";
    public const string DepartmentApiKey = "demo-api-department";
    public const string OfficialApiKey = "demo-api-official";

    /// <summary>The demo departments (id, Chinese name).</summary>
    public static IReadOnlyList<Department> Departments { get; } = [];

    /// <summary>Seeds what is missing; <paramref name="ticketCount"/> tickets spread over the 30 days before now.</summary>
    public static Task SeedAsync(
        ConnectionFactory connections, TicketService tickets, TimeProvider time, int ticketCount = 200, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
