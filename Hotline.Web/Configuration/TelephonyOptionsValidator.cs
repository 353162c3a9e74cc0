using Hotline.Telephony;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Configuration;

/// <summary>Checks <c>Hotline:Telephony</c> at start; each message names the setting.</summary>
public sealed class TelephonyOptionsValidator : IValidateOptions<TelephonyOptions>
{
    public const string Simulated = "Simulated";
    public const string Asterisk = "Asterisk";

    public ValidateOptionsResult Validate(string? name, TelephonyOptions options)
    {
        if (options.Callbacks.Validate() is { Count: > 0 } callbacks)
        {
            return ValidateOptionsResult.Fail(callbacks);
        }

        if (string.Equals(options.Mode, Asterisk, StringComparison.OrdinalIgnoreCase))
        {
            var asterisk = options.Asterisk.Validate();
            return asterisk.Count > 0 ? ValidateOptionsResult.Fail(asterisk) : ValidateOptionsResult.Success;
        }

        if (!string.Equals(options.Mode, Simulated, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Hotline:Telephony:Mode must be Simulated or Asterisk (was '{options.Mode}')");
        }

        var simulation = options.Simulation.Validate();
        if (simulation.Count > 0)
        {
            return ValidateOptionsResult.Fail(simulation);
        }

        return ValidateOptionsResult.Success;
    }
}
