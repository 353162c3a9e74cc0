using Hotline.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Security;

/// <summary>
/// An open page (a Blazor circuit) keeps the user it started with; this re-checks the session every
/// <see cref="SecurityOptions.RevalidateSeconds"/>, so a disabled user or a changed role is signed out of open pages too.
/// </summary>
public sealed class HotlineAuthenticationStateProvider(ILoggerFactory loggers, SessionStore sessions, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.RevalidateSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
        => SessionValidation.IsValidAsync(sessions, authenticationState.User, cancellationToken);
}
