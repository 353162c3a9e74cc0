using Hotline.Telephony;
using Hotline.Telephony.Asterisk;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class TelephonyExtensions
{
    /// <summary>The switch chosen by <c>Hotline:Telephony:Mode</c>: the simulated one, or real Asterisk nodes over AMI.</summary>
    public static WebApplicationBuilder AddHotlineTelephony(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelephonyOptions>()
            .BindConfiguration(TelephonyOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The simulation cuts its day curve in the product's time zone unless told otherwise.
                if (configuration[$"{SimulationOptions.Section}:{nameof(SimulationOptions.TimeZone)}"] is null
                    && configuration[$"{Hotline.Core.HotlineOptions.Section}:{nameof(Hotline.Core.HotlineOptions.TimeZone)}"] is { } zone
                    && TimeZones.TryFind(zone, out _))
                {
                    options.Simulation.TimeZone = zone;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelephonyOptions>, TelephonyOptionsValidator>();

        // One registration only: a second one (e.g. a forwarding factory) would be disposed twice. The mode is read
        // from the bound options when the switch is first needed, not from builder.Configuration while registering:
        // configuration added later (a test host's settings) must be able to choose it too.
        services.AddSingleton<ITelephony>(provider =>
            string.Equals(provider.GetRequiredService<IOptions<TelephonyOptions>>().Value.Mode, TelephonyOptionsValidator.Asterisk, StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<AsteriskTelephony>(provider)
                : ActivatorUtilities.CreateInstance<SimulatedSwitch>(provider));

        return builder;
    }
}
