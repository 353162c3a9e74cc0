using Hotline.Web.Apis;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Http;

namespace Hotline.Tests.Web;

public sealed class DeviceTokenTests
{
    [Fact]
    public void A_configured_token_is_known()
        => Assert.True(DeviceTokenHandler.IsKnown("floor-2", ["floor-1", "floor-2"]));

    [Theory]
    [InlineData("floor-")]
    [InlineData("floor-22")]
    [InlineData("")]
    public void Any_other_token_is_unknown(string token)
        => Assert.False(DeviceTokenHandler.IsKnown(token, ["floor-1", "floor-2"]));

    [Fact]
    public void The_token_query_counts_only_on_the_wallboard_page()
    {
        Assert.Equal("t1", DeviceTokenHandler.TokenOf(Request("/wallboard", "?token=t1")));
        Assert.Null(DeviceTokenHandler.TokenOf(Request("/supervisor", "?token=t1")));
        Assert.Null(DeviceTokenHandler.TokenOf(Request("/api/live/snapshot", "?token=t1")));
    }

    [Fact]
    public void The_hub_accepts_the_token_as_access_token_query()
        => Assert.Equal("t1", DeviceTokenHandler.TokenOf(Request("/hubs/live", "?access_token=t1")));

    [Fact]
    public void A_bearer_header_carries_the_token_anywhere()
    {
        var request = Request("/api/live/snapshot", "");
        request.Headers.Authorization = "Bearer t1";
        Assert.Equal("t1", DeviceTokenHandler.TokenOf(request));
    }

    [Theory]
    [InlineData("/supervisor", "/supervisor")]
    [InlineData("/wallboard?x=1", "/wallboard?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void Sign_in_only_returns_to_local_paths(string? returnUrl, string expected)
        => Assert.Equal(expected, AccountApi.LocalOrRoot(returnUrl));

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }
}
