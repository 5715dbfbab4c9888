using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Auth;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Auth;

public sealed class ApsTokenTests
{
    [Fact]
    public void Deserialize_ThreeLeggedResponse_ReadsSnakeCaseFields()
    {
        const string json = """{"access_token":"AT-secret","token_type":"Bearer","expires_in":3599,"refresh_token":"RT-secret","id_token":"IT"}""";

        var token = JsonSerializer.Deserialize(json, TandemJsonContext.Default.ApsToken)!;

        Assert.Equal("AT-secret", token.AccessToken);
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3599, token.ExpiresIn);
        Assert.Equal("RT-secret", token.RefreshToken);
        Assert.Equal("IT", token.IdToken);
    }

    [Fact]
    public void ToString_HidesBothTokens()
    {
        var token = new ApsToken { AccessToken = "AT-secret", RefreshToken = "RT-secret", TokenType = "Bearer", ExpiresIn = 3600 };

        var text = token.ToString();

        Assert.DoesNotContain("AT-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RT-secret", text, StringComparison.Ordinal);
        Assert.Contains("ExpiresIn = 3600", text, StringComparison.Ordinal);
    }
}
