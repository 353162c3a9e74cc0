using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:Wallboard</c> at start.</summary>
public sealed class WallboardOptionsValidator : IValidateOptions<WallboardOptions>
{
    public ValidateOptionsResult Validate(string? name, WallboardOptions options)
    {
        var failures = new List<string>();
        if (options.DeviceTokens.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Hotline:Wallboard:DeviceTokens must not contain empty tokens");
        }

        if (options.WaitingCallsAmber < 0 || options.WaitingCallsRed < options.WaitingCallsAmber)
        {
            failures.Add("Hotline:Wallboard:WaitingCallsAmber must be at least 0 and at most Hotline:Wallboard:WaitingCallsRed");
        }

        if (options.LongestWaitAmberSeconds < 0 || options.LongestWaitRedSeconds < options.LongestWaitAmberSeconds)
        {
            failures.Add("Hotline:Wallboard:LongestWaitAmberSeconds must be at least 0 and at most Hotline:Wallboard:LongestWaitRedSeconds");
        }

        if (options.StaleAfterSeconds <= 0)
        {
            failures.Add($"Hotline:Wallboard:StaleAfterSeconds must be positive (was {options.StaleAfterSeconds})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
