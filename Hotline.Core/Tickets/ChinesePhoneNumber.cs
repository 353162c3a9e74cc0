using System.Text.RegularExpressions;

namespace Hotline.Core.Tickets;

/// <summary>Mainland China phone number checks for the caller number field.</summary>
public static partial class ChinesePhoneNumber
{
    /// <summary>Removes spaces (people paste "138 0013 8000").</summary>
    public static string Normalize(string number) => number.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>
    /// Mobile (1[3-9] + 9 digits, optional +86/0086), landline with area code (010-12345678, 0571-8765432,
    /// optional extension), a local landline as caller ID shows it (7–8 digits), or a 400/800 service number.
    /// </summary>
    public static bool IsValid(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
            return false;
        var n = Normalize(number);
        return Mobile().IsMatch(n) || Landline().IsMatch(n) || LocalLandline().IsMatch(n) || ServiceNumber().IsMatch(n);
    }

    public static bool IsMobile(string? number) => number is not null && Mobile().IsMatch(Normalize(number));

    [GeneratedRegex(@"^(?:(?:\+86|0086|86)-?)?1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(?:0[1-9]\d{1,2}|(?:\+86|0086)-?[1-9]\d{1,2})-?\d{7,8}(?:-\d{1,6})?$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[2-9]\d{6,7}$")]
    private static partial Regex LocalLandline();

    [GeneratedRegex(@"^[48]00-?\d{3}-?\d{4}$")]
    private static partial Regex ServiceNumber();
}
