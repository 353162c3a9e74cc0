using Hotline.Core.Security;
using Hotline.Web.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Hotline.Web.Security;

/// <summary>
/// Authenticates a wallboard device by one of <c>Hotline:Wallboard:DeviceTokens</c>: <c>?token=</c> on
/// /wallboard, <c>Authorization: Bearer</c> on the API and hub, and <c>?access_token=</c> on the hub
/// (SignalR's WebSocket transport cannot send headers). It issues no cookie.
/// </summary>
public sealed class DeviceTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<WallboardOptions> wallboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "DeviceToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!IsKnown(token, wallboard.CurrentValue.DeviceTokens))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown device token"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "wallboard"), new Claim(ClaimTypes.Role, Roles.Wallboard)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>
    /// A wall screen with a wrong or revoked token gets a readable page (still 401) instead of a blank
    /// browser error; API and hub callers get a bare 401.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!Request.Path.StartsWithSegments("/wallboard"))
        {
            return;
        }

        Response.ContentType = "text/html; charset=utf-8";
        await Response.WriteAsync("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>大屏令牌无效</title></head>
            <body style="background:#0b1220;color:#e5e7eb;font-family:sans-serif;text-align:center;padding-top:20vh">
            <h1 data-part="token-refused">大屏令牌无效或已停用</h1>
            <p>请检查大屏地址中的 token 参数，或<a style="color:#60a5fa" href="/login?ReturnUrl=%2Fwallboard">登录</a>后打开大屏。</p>
            </body></html>
            """);
    }

    /// <summary>The token this request presents, if it presents one where a device may.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Path.StartsWithSegments("/wallboard") && request.Query.TryGetValue("token", out var pageToken))
        {
            return pageToken.ToString();
        }

        if (request.Path.StartsWithSegments(Hubs.LiveHub.Path) && request.Query.TryGetValue("access_token", out var hubToken))
        {
            return hubToken.ToString();
        }

        return null;
    }

    /// <summary>Compares against every configured token in constant time per token.</summary>
    public static bool IsKnown(string token, IEnumerable<string> known)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var found = false;
        foreach (var candidate in known)
        {
            // Hashing first makes lengths equal, so FixedTimeEquals does not leak the token length.
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
            found |= CryptographicOperations.FixedTimeEquals(presented, expected);
        }

        return found;
    }
}
