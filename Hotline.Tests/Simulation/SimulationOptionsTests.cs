using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Microsoft.Extensions.Configuration;

namespace Hotline.Tests.Simulation;

public class SimulationOptionsTests
{
    [Fact]
    public void The_default_settings_are_valid() => Assert.Empty(new SimulationOptions().Validate());

    [Fact]
    public void The_default_day_curve_has_48_half_hours_and_about_5000_calls()
    {
        Assert.Equal(48, SimulationOptions.DefaultDayCurve.Count);
        Assert.InRange(SimulationOptions.DefaultDayCurve.Sum(), 4_900, 5_100);
    }

    [Theory]
    [InlineData("LoadFactor", "Hotline:Telephony:Simulation:LoadFactor must be > 0")]
    [InlineData("DayCurve", "Hotline:Telephony:Simulation:DayCurve must have 48 values (one per half hour), not 47")]
    [InlineData("TimeZone", "Hotline:Telephony:Simulation:TimeZone 'Mars/Olympus' is not a known time zone")]
    [InlineData("SelfServiceShare", "Hotline:Telephony:Simulation:SelfServiceShare must be between 0 and 1")]
    [InlineData("MeanHandleSeconds", "Hotline:Telephony:Simulation:MeanHandleSeconds must be > 0")]
    [InlineData("MeanPatienceSeconds", "Hotline:Telephony:Simulation:MeanPatienceSeconds must be >= 0")]
    [InlineData("Shifts", "Hotline:Telephony:Simulation:Shifts:0:Hours must be > 0 and <= 24")]
    public void A_bad_setting_is_reported_by_its_full_name(string setting, string message)
    {
        var options = new SimulationOptions();
        switch (setting)
        {
            case "LoadFactor": options.LoadFactor = 0; break;
            case "DayCurve": options.DayCurve = new double[47]; break;
            case "TimeZone": options.TimeZone = "Mars/Olympus"; break;
            case "SelfServiceShare": options.SelfServiceShare = 1.5; break;
            case "MeanHandleSeconds": options.MeanHandleSeconds = -3; break;
            case "MeanPatienceSeconds": options.MeanPatienceSeconds = -1; break;
            case "Shifts": options.Shifts = [new SimulationShift { Name = "早班", Start = TimeSpan.FromHours(7), Hours = 30, Staff = 5 }]; break;
        }

        var error = Assert.Single(options.Validate());
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void The_engine_refuses_invalid_settings_naming_them()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulationEngine(new SimulationOptions { LoadFactor = -1, RingSeconds = -1 }, DateTimeOffset.UnixEpoch));

        Assert.Contains("Hotline:Telephony:Simulation:LoadFactor must be > 0", error.Message);
        Assert.Contains("Hotline:Telephony:Simulation:RingSeconds must be >= 0", error.Message);
    }

    [Fact]
    public void The_settings_bind_from_the_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Simulation:Seed"] = "99",
            ["Hotline:Telephony:Simulation:LoadFactor"] = "3",
            ["Hotline:Telephony:Simulation:HandleDistribution"] = "Exponential",
            ["Hotline:Telephony:Simulation:MeanPatienceSeconds"] = "",
            ["Hotline:Telephony:Simulation:Shifts:0:Name"] = "全天",
            ["Hotline:Telephony:Simulation:Shifts:0:Start"] = "07:30",
            ["Hotline:Telephony:Simulation:Shifts:0:Hours"] = "12",
            ["Hotline:Telephony:Simulation:Shifts:0:Staff"] = "10",
        }).Build();

        var options = configuration.GetSection(TelephonyOptions.Section).Get<TelephonyOptions>()!.Simulation;

        Assert.Equal(99, options.Seed);
        Assert.Equal(3, options.LoadFactor);
        Assert.Equal(HandleTimeDistribution.Exponential, options.HandleDistribution);
        Assert.Null(options.MeanPatienceSeconds);
        var shift = Assert.Single(options.EffectiveShifts);
        Assert.Equal(new TimeSpan(7, 30, 0), shift.Start);
        Assert.Equal(10, shift.Staff);
        Assert.Same(SimulationOptions.DefaultDayCurve, options.EffectiveDayCurve);
        Assert.Empty(options.Validate());
    }
}
