namespace Hotline.Core.Security;

/// <summary>An API client's credential as stored (only a SHA-256 hash of the secret is kept).</summary>
/// <param name="Id">Generated id.</param>
/// <param name="Name">Who uses it, e.g. 市12345平台; acts as the actor's user name.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="DepartmentId">For <see cref="Roles.Department"/> keys: the department it acts for.</param>
/// <param name="CreatedAt">When issued.</param>
/// <param name="Revoked">A revoked key must be refused.</param>
public sealed record ApiKey(long Id, string Name, string Role, string? DepartmentId, DateTimeOffset CreatedAt, bool Revoked);
