using System.Security.Cryptography;

namespace Hotline.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows scripts from this site only (plus a per-request nonce for the
/// inline import map); styles may be inline because Blazor and MudBlazor set style attributes and theme variables.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "hotline:csp-nonce";

    /// <summary>This request's CSP nonce (for the import map's script element).</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: Razor writes "+" as &#x2B; in the attribute, so the page text would differ from the header.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseHotlineSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(NonceOf(context));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
