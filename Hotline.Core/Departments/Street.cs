namespace Hotline.Core.Departments;

/// <summary>A street (街道) or town of the district and its communities (社区), for the ticket form's pickers.</summary>
public sealed record Street(string Name, IReadOnlyList<string> Communities);
