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

        // One registration only: a second one (e.g. a forwarding factory) would be disposed twice.
        var mode = builder.Configuration[$"{TelephonyOptions.Section}:{nameof(TelephonyOptions.Mode)}"];
        if (string.Equals(mode, TelephonyOptionsValidator.Asterisk, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ITelephony, AsteriskTelephony>();
        }
        else
        {
            services.AddSingleton<ITelephony, SimulatedSwitch>();
        }

        return builder;
    }
}
