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
        if (string.Equals(options.Mode, Asterisk, StringComparison.OrdinalIgnoreCase))
        {
            // The AMI/ARI bridge is issue 4; refusing to start beats silently running without a switch.
            return ValidateOptionsResult.Fail(
                "Hotline:Telephony:Mode is 'Asterisk', but the Asterisk bridge is not available yet: set Hotline:Telephony:Mode to Simulated");
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
