using Hotline.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;

namespace Hotline.Web.Security;

/// <summary>
/// Authenticates other systems on the tickets API by <c>Authorization: Bearer &lt;key&gt;</c>: the key's role
/// (and department, for Department keys) become claims, like a signed-in user's. It issues no cookie.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string KeyIdClaim = "hotline:api_key_id";

    /// <summary>API keys are accepted on the tickets and reports APIs only; other bearer tokens are wallboard devices.</summary>
    public static bool Applies(HttpRequest request)
        => (request.Path.StartsWithSegments("/api/tickets") || request.Path.StartsWithSegments("/api/reports"))
            && DeviceTokenHandler.TokenOf(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = DeviceTokenHandler.TokenOf(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(presented, Context.RequestAborted);
        if (key is null || key.Revoked)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, "apikey:" + key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
            new(HotlineClaims.DisplayName, key.Name),
            new(ClaimTypes.Role, key.Role),
            new(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
        ];
        if (key.DepartmentId is { Length: > 0 } department)
        {
            claims.Add(new Claim(HotlineClaims.DepartmentId, department));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
