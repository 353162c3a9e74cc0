using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class TelephonyExtensions
{
    /// <summary>The switch chosen by <c>Hotline:Telephony:Mode</c> (only the simulated one exists so far).</summary>
    public static WebApplicationBuilder AddHotlineTelephony(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelephonyOptions>().BindConfiguration(TelephonyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelephonyOptions>, TelephonyOptionsValidator>();
        services.AddSingleton<SimulatedSwitch>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SimulatedSwitch>());
        return builder;
    }
}
