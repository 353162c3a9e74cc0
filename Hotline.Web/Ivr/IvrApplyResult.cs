namespace Hotline.Web.Ivr;

/// <summary>Applying the menu to the switch: overall success and one Chinese line per node.</summary>
public sealed record IvrApplyResult(bool Succeeded, IReadOnlyList<string> Messages);
