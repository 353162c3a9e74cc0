using Hotline.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Web.Security;

/// <summary>Authorization policies, one per kind of page or endpoint.</summary>
public static class HotlinePolicies
{
    /// <summary>Pages for every signed-in user (the home page); not wallboard devices, whose token opens the wallboard only.</summary>
    public const string AnyUser = "AnyUser";

    /// <summary>/wallboard: a wallboard device, or a supervisor, official or admin.</summary>
    public const string Wallboard = "Wallboard";

    /// <summary>/supervisor.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>/agent: agents only (their own seat).</summary>
    public const string Agent = "Agent";

    /// <summary>The snapshot API and the live hub: every role but Department, or a wallboard device.</summary>
    public const string LiveData = "LiveData";

    /// <summary>/tickets: the hotline's back office, supervisors and admins; officials read only.</summary>
    public const string Tickets = "Tickets";

    /// <summary>/department: department users (their own tickets only).</summary>
    public const string Department = "Department";

    /// <summary>The tickets API: any user role (the workflow decides per action); not wallboard devices.</summary>
    public const string TicketsApi = "TicketsApi";

    /// <summary>/callbacks: the queue-overflow callback worklist; back office and supervisors.</summary>
    public const string Callbacks = "Callbacks";

    /// <summary>/admin/*: API keys and the work calendar; admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>/api/recordings: supervisors, back office, admins; agents (their own calls, checked per recording).</summary>
    public const string Recordings = "Recordings";

    /// <summary>/reports/assessment, the workbook and the raw exports: officials, admins and supervisors read.</summary>
    public const string AssessmentRead = "AssessmentRead";

    /// <summary>Confirming (freezing) a month's assessment: officials only.</summary>
    public const string AssessmentConfirm = "AssessmentConfirm";

    /// <summary>/quality: sampling, scoring, disputes and the complaints register; supervisors and admins.</summary>
    public const string Quality = "Quality";

    /// <summary>Roles that may reveal a citizen's full number (the hotline's own staff), each reveal audited.</summary>
    public const string RevealNumbers = "RevealNumbers";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Recordings, p => p.RequireRole(Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(RevealNumbers, p => p.RequireRole(Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(AnyUser, p => p.RequireRole(Roles.UserRoles));
        options.AddPolicy(AssessmentRead, p => p.RequireRole(Roles.Official, Roles.Admin, Roles.Supervisor));
        options.AddPolicy(AssessmentConfirm, p => p.RequireRole(Roles.Official));
        options.AddPolicy(Quality, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Callbacks, p => p.RequireRole(Roles.BackOffice, Roles.Supervisor));
        options.AddPolicy(Tickets, p => p.RequireRole(Roles.BackOffice, Roles.Supervisor, Roles.Admin, Roles.Official));
        options.AddPolicy(Department, p => p.RequireRole(Roles.Department));
        options.AddPolicy(TicketsApi, p => p.RequireRole(Roles.UserRoles));
        options.AddPolicy(Wallboard, p => p.RequireRole(Roles.Wallboard, Roles.Supervisor, Roles.Official, Roles.Admin));
        options.AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Agent, p => p.RequireRole(Roles.Agent));
        options.AddPolicy(LiveData, p => p.RequireRole(
            Roles.Wallboard, Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Official, Roles.Admin));
    }
}
