using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Hotline.Web.Extensions;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The operator's appsettings.json lives at the repository root and is copied next to the binaries.
    /// When the app starts from another folder (e.g. <c>cd Hotline.Web; dotnet run</c>), the content root
    /// has no appsettings.json: fall back to the copy, with the lowest priority.
    /// </summary>
    public static WebApplicationBuilder AddHotlineConfiguration(this WebApplicationBuilder builder)
    {
        var inContentRoot = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(inContentRoot) && File.Exists(besideBinaries))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }

        return builder;
    }
}
