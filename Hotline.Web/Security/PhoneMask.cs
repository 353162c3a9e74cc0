namespace Hotline.Web.Security;

/// <summary>Masks citizen phone numbers for people who do not need them (138****1234).</summary>
public static class PhoneMask
{
    private const string Stars = "****";

    /// <summary>
    /// Keeps at most the first 3 and last 4 characters, and always hides at least 4; the hidden part is
    /// always shown as four stars so the mask does not leak the length.
    /// </summary>
    public static string? Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return number;
        }

        var visible = Math.Max(0, number.Length - Stars.Length);
        var prefix = Math.Min(3, visible / 2);
        var suffix = Math.Min(4, visible - prefix);
        return string.Concat(number.AsSpan(0, prefix), Stars, number.AsSpan(number.Length - suffix));
    }
}
