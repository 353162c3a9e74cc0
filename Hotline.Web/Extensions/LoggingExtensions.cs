using Serilog;
using Serilog.Settings.Configuration;

namespace Hotline.Web.Extensions;

public static class LoggingExtensions
{
    /// <summary>Serilog from the <c>Serilog</c> section: console and a daily rolling file under logs/.</summary>
    public static WebApplicationBuilder AddHotlineLogging(this WebApplicationBuilder builder)
    {
        // Name the sink assemblies: the test host's dependency context is not the app's.
        var readerOptions = new ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration, readerOptions)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With(new Hotline.Web.Security.SecretRedactor(builder.Configuration)));
        return builder;
    }
}
