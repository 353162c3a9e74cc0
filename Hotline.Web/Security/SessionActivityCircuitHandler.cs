using Hotline.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Security;

/// <summary>
/// Clicks and input on an open page do not reach the cookie handler; this records them on the sign-in's session row
/// (at most once per <see cref="SessionValidation.TouchInterval"/>) so the idle check sees a working user as active.
/// </summary>
public sealed class SessionActivityCircuitHandler(
    AuthenticationStateProvider authentication, SessionStore sessions, IOptions<SecurityOptions> options,
    ILogger<SessionActivityCircuitHandler> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next)
        => async context =>
        {
            await RecordActivityAsync(CancellationToken.None);
            await next(context);
        };

    /// <summary>Records activity of the circuit's user; failures are logged, never break the page.</summary>
    public async Task RecordActivityAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = await authentication.GetAuthenticationStateAsync();
            await SessionValidation.TouchAsync(sessions, state.User, options.Value, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record page activity on the session");
        }
    }
}
