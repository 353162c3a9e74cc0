namespace Hotline.Web.Ivr;

/// <summary>Saving a menu: the validation errors (nothing stored), or the changes stored as <see cref="Version"/>
/// (no errors and no changes: nothing to store).</summary>
public sealed record IvrSaveResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Changes, long Version)
{
    public bool Saved => Errors.Count == 0 && Changes.Count > 0;
}
