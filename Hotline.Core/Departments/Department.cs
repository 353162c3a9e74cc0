namespace Hotline.Core.Departments;

/// <summary>A handling unit (承办单位) tickets are dispatched to.</summary>
/// <param name="Id">Short code, e.g. D01.</param>
/// <param name="Name">Chinese name, e.g. 区住建局.</param>
/// <param name="Active">Inactive departments stay on old tickets but are not offered for dispatch.</param>
public sealed record Department(string Id, string Name, bool Active = true);
