using Hotline.Core.Recordings;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:Recordings</c> at start; each message names the setting.</summary>
public sealed class RecordingOptionsValidator : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
    {
        var failures = new List<string>();
        if (options.RetentionDays < RecordingOptions.MinimumRetentionDays)
        {
            failures.Add($"{RecordingOptions.Section}:RetentionDays must be at least {RecordingOptions.MinimumRetentionDays} (recordings are kept at least 3 months; was {options.RetentionDays})");
        }

        if (string.IsNullOrWhiteSpace(options.SimulatedPath))
        {
            failures.Add($"{RecordingOptions.Section}:SimulatedPath must name a directory (was empty)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
