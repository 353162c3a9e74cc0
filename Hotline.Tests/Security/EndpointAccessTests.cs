using System.Net;
using System.Net.Http.Headers;
using Hotline.Core.Security;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Tests.Security;

/// <summary>
/// Every endpoint the app maps (pages, APIs, hubs, downloads) is refused to anonymous visitors and to every identity whose
/// role its authorization policy does not name. The expected roles come from each endpoint's own policy metadata, so a new
/// endpoint is covered the day it is mapped, and one mapped without a policy fails here.
/// </summary>
public sealed class EndpointAccessTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The only endpoints that may answer without a user, and why. Static assets are recognised by their metadata.</summary>
    private static readonly Dictionary<string, string> AnonymousAllowed = new()
    {
        ["/login"] = "the sign-in page",
        ["/access-denied"] = "tells a signed-in user their role may not open a page",
        ["/not-found"] = "the 404 page (says nothing about what does not exist)",
        ["/account/login"] = "the sign-in form post (rate limited)",
        ["/logout"] = "signing out needs no rights",
        ["/openapi/{documentName}.json"] = "the API description (no data)",
        ["/_blazor"] = "the Blazor circuit transport: pages authorise themselves; the wallboard's circuit has no cookie",
        ["/_blazor/negotiate"] = "the Blazor circuit transport",
        ["/_blazor/initializers"] = "the Blazor circuit transport",
        ["/_blazor/disconnect"] = "the Blazor circuit transport",
        ["/{**path:file}"] = "static files added while developing (MapStaticAssets' Development fallback; wwwroot only)",
        ["/_framework/opaque-redirect"] = "Blazor's redirect helper for enhanced navigation (its target is data-protected)",
    };

    /// <summary>Who can present an identity: the demo users by role, and the wallboard device token.</summary>
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        [Roles.Agent] = "agent01",
        [Roles.BackOffice] = "backoffice01",
        [Roles.Supervisor] = "supervisor01",
        [Roles.Department] = "department01",
        [Roles.Official] = "official01",
        [Roles.Admin] = "admin01",
    };

    private static readonly string[] AllIdentities = [.. Roles.UserRoles, Roles.Wallboard];

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_visitors_and_every_role_its_policy_does_not_name()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (role, user) in UserOfRole)
        {
            var browser = server.Browser();
            await Accounts.SignInAsync(browser, user);
            clients[role] = browser;
        }

        clients[Roles.Wallboard] = server.Api(HotlineAppFactory.DeviceToken);
        using var anonymous = server.Browser();
        var failures = new List<string>();
        var checkedEndpoints = 0;

        foreach (var endpoint in await ProtectedEndpointsAsync())
        {
            checkedEndpoints++;
            var (method, path, allowed, pattern) = endpoint;
            if (allowed is null)
            {
                failures.Add($"{method} {pattern}: no authorization policy (add RequireAuthorization / [Authorize(Policy = ...)])");
                continue;
            }

            if (allowed.Count == AllIdentities.Length)
            {
                failures.Add($"{method} {pattern}: its policy names no roles, so a wallboard device token would open it (use a role policy, e.g. HotlinePolicies.AnyUser)");
                continue;
            }

            var status = await SendAsync(anonymous, method, path);
            if (!Refused(status))
            {
                failures.Add($"{method} {pattern}: anonymous got {status.Describe()}");
            }

            foreach (var identity in AllIdentities)
            {
                var outcome = await SendAsync(clients[identity], method, path);
                if (!allowed.Contains(identity) && !Refused(outcome))
                {
                    failures.Add($"{method} {pattern}: {identity} is not in its policy but got {outcome.Describe()}");
                }
                else if (allowed.Contains(identity) && method == "GET" && Refused(outcome))
                {
                    failures.Add($"{method} {pattern}: {identity} is in its policy but was refused ({outcome.Describe()}): the metadata and the checks disagree");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(checkedEndpoints >= 15, $"only {checkedEndpoints} endpoints found: is the enumeration broken?");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_anonymous_allow_list_names_only_endpoints_that_exist()
    {
        var patterns = (await AllEndpointsAsync()).Select(e => e.RoutePattern.RawText ?? "").Select(Normalise).ToHashSet();

        var stale = AnonymousAllowed.Keys.Where(p => !patterns.Contains(p)).ToList();

        Assert.True(stale.Count == 0, "allow-listed but not mapped: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task No_endpoint_outside_the_allow_list_allows_anonymous_access()
    {
        var open = (await AllEndpointsAsync())
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e))
            .Select(e => Normalise(e.RoutePattern.RawText ?? ""))
            .Where(p => !AnonymousAllowed.ContainsKey(p))
            .Distinct()
            .ToList();

        Assert.True(open.Count == 0, "anonymous endpoints not on the allow-list: " + string.Join(", ", open));
    }

    [Fact]
    public void Every_hub_requires_a_policy_for_every_method()
    {
        var hubs = typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Hub).IsAssignableFrom(t)
            || t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Hub<>)).ToList();

        Assert.NotEmpty(hubs);
        foreach (var hub in hubs)
        {
            var onClass = hub.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>().ToList();
            Assert.True(onClass.Any(a => a.Policy is { Length: > 0 } || a.Roles is { Length: > 0 }), $"{hub.Name} has no [Authorize(Policy = ...)]");
            var open = hub.GetMethods().Where(m => m.DeclaringType == hub && m.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0);
            Assert.Empty(open);
        }
    }

    private async Task<IReadOnlyList<RouteEndpoint>> AllEndpointsAsync()
    {
        await Task.Yield();
        return server.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private async Task<List<(string Method, string Path, HashSet<string>? Allowed, string Pattern)>> ProtectedEndpointsAsync()
    {
        var provider = server.Service<IAuthorizationPolicyProvider>();
        var list = new List<(string, string, HashSet<string>?, string)>();
        foreach (var endpoint in await AllEndpointsAsync())
        {
            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            if (IsStaticAsset(endpoint) || AnonymousAllowed.ContainsKey(pattern))
            {
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var policy = await AuthorizationPolicy.CombineAsync(provider,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            list.Add((method, Path(endpoint.RoutePattern), policy is null ? null : AllowedIdentities(policy), $"{pattern} ({endpoint.DisplayName})"));
        }

        return list;
    }

    /// <summary>The identities that satisfy every role requirement of the policy (all, when it names none).</summary>
    private static HashSet<string> AllowedIdentities(AuthorizationPolicy policy)
    {
        var allowed = AllIdentities.ToHashSet();
        foreach (var roles in policy.Requirements.OfType<RolesAuthorizationRequirement>())
        {
            allowed.IntersectWith(roles.AllowedRoles);
        }

        return allowed;
    }

    private static bool IsStaticAsset(Endpoint endpoint)
        => endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static string Normalise(string pattern) => "/" + pattern.Trim('/');

    /// <summary>A concrete path for the pattern: sample values for parameters.</summary>
    private static string Path(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name.ToLowerInvariant() switch
            {
                "number" => "YH20261127-0001",
                "documentname" => "v1",
                _ => "1",
            },
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static async Task<Outcome> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        }

        using var response = await client.SendAsync(request, Ct);
        return new Outcome(response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>401, 403, or a redirect to the sign-in or access-denied page.</summary>
    private static bool Refused(Outcome outcome) => outcome.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || outcome.Status is HttpStatusCode.Redirect or HttpStatusCode.Found
            && outcome.Location is { } location && (location.Contains("/login", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal));

    private sealed record Outcome(HttpStatusCode Status, string? Location)
    {
        public string Describe() => Location is null ? $"{(int)Status}" : $"{(int)Status} → {Location}";
    }
}
