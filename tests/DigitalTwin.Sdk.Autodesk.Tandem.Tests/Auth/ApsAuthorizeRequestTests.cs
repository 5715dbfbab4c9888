using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Auth;

public sealed class ApsAuthorizeRequestTests
{
    [Fact]
    public void ToUri_AllParameters_ProducesEscapedAuthorizeUrl()
    {
        var request = new ApsAuthorizeRequest
        {
            ClientId = "my client",
            RedirectUri = new Uri("https://app.example.com/callback?x=1"),
            Scopes = [ApsScopes.DataRead, ApsScopes.DataWrite],
            Pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            State = "a&b",
            Nonce = "n1",
            Prompt = "login",
        };

        var uri = request.ToUri();

        Assert.Equal(
            "https://developer.api.autodesk.com/authentication/v2/authorize?response_type=code&client_id=my%20client"
            + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Fx%3D1&scope=data%3Aread%20data%3Awrite"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=a%26b&nonce=n1&prompt=login",
            uri.AbsoluteUri);
    }

    [Fact]
    public void ToUri_MinimalWithCustomEndpoint_OmitsOptionalParameters()
    {
        var request = new ApsAuthorizeRequest { ClientId = "id", RedirectUri = new Uri("http://127.0.0.1:8080/callback"), Scopes = ["data:read"] };

        var uri = request.ToUri(new Uri("http://127.0.0.1:5000/authentication/v2/authorize"));

        Assert.Equal("http://127.0.0.1:5000/authentication/v2/authorize?response_type=code&client_id=id&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&scope=data%3Aread", uri.AbsoluteUri);
    }

    [Fact]
    public void ToUri_NoScopes_Throws()
    {
        var request = new ApsAuthorizeRequest { ClientId = "id", RedirectUri = new Uri("http://127.0.0.1/cb"), Scopes = [] };

        Assert.Throws<ArgumentException>(() => request.ToUri());
    }

    [Fact]
    public void ToUri_ScopeWithSpace_Throws()
    {
        var request = new ApsAuthorizeRequest { ClientId = "id", RedirectUri = new Uri("http://127.0.0.1/cb"), Scopes = ["data:read data:write"] };

        Assert.Throws<ArgumentException>(() => request.ToUri());
    }

    [Fact]
    public void ToUri_RelativeRedirect_Throws()
    {
        var request = new ApsAuthorizeRequest { ClientId = "id", RedirectUri = new Uri("/cb", UriKind.Relative), Scopes = ["data:read"] };

        Assert.Throws<ArgumentException>(() => request.ToUri());
    }
}
