using Hotline.Core;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:*</c> KPI settings at start; each message names the setting.</summary>
public sealed class HotlineOptionsValidator : IValidateOptions<HotlineOptions>
{
    public ValidateOptionsResult Validate(string? name, HotlineOptions options)
    {
        var failures = new List<string>();
        if (!TimeZones.TryFind(options.TimeZone, out _))
        {
            failures.Add($"Hotline:TimeZone must be an IANA time zone such as Asia/Shanghai (was '{options.TimeZone}')");
        }

        if (options.ServiceLevelSeconds <= 0)
        {
            failures.Add($"Hotline:ServiceLevelSeconds must be positive (was {options.ServiceLevelSeconds})");
        }

        if (options.ShortAbandonSeconds < 0)
        {
            failures.Add($"Hotline:ShortAbandonSeconds must not be negative (was {options.ShortAbandonSeconds})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
