using Hotline.Web.Components;
using MudBlazor.Services;

namespace Hotline.Web.Extensions;

public static class UiExtensions
{
    /// <summary>Blazor Server components with MudBlazor.</summary>
    public static WebApplicationBuilder AddHotlineUi(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's _content) are found through the build manifest in every environment,
        // not only in Development, so `dotnet run` works as it is; after publish the call does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapHotlineUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
