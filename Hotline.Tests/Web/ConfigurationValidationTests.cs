namespace Hotline.Tests.Web;

/// <summary>Bad settings stop the start with a message that names the setting.</summary>
public sealed class ConfigurationValidationTests
{
    private static Exception StartWith(string key, string value)
    {
        using var factory = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?> { [key] = value });
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    [Fact]
    public void An_unknown_telephony_mode_stops_the_start_naming_the_setting()
    {
        var error = StartWith("Hotline:Telephony:Mode", "Carrier-Pigeon");

        Assert.Contains("Hotline:Telephony:Mode must be Simulated or Asterisk (was 'Carrier-Pigeon')", error.Message);
    }

    [Fact]
    public void Asterisk_mode_without_nodes_stops_the_start_naming_the_nodes_setting()
    {
        var error = StartWith("Hotline:Telephony:Mode", "Asterisk");

        Assert.Contains("Hotline:Telephony:Asterisk:Nodes must list at least one Asterisk node", error.Message);
    }

    [Fact]
    public void A_malformed_time_zone_stops_the_start_naming_the_setting()
    {
        var error = StartWith("Hotline:TimeZone", "Asia/Atlantis");

        Assert.Contains("Hotline:TimeZone", error.Message);
        Assert.Contains("Asia/Atlantis", error.Message);
    }

    [Fact]
    public void An_unknown_database_provider_stops_the_start_naming_the_setting()
    {
        var error = StartWith("Hotline:Database:Provider", "Oracle");

        Assert.Contains("Hotline:Database:Provider must be Sqlite, PostgreSql or SqlServer (was 'Oracle')", error.Message);
    }

    [Fact]
    public void Wallboard_thresholds_in_the_wrong_order_stop_the_start_naming_the_setting()
    {
        var error = StartWith("Hotline:Wallboard:LongestWaitAmberSeconds", "60");

        Assert.Contains("Hotline:Wallboard:LongestWaitAmberSeconds", error.Message);
    }
}
