using System.Text;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Core.Tests.Auth;

public sealed class JwtExpiryTests
{
    internal static string Jwt(string payloadJson)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + B64(payloadJson) + ".c2lnbmF0dXJl";
    }

    [Fact]
    public void TryRead_JwtWithExp_ReturnsExpiry()
    {
        Assert.True(JwtExpiry.TryRead(Jwt("{\"sub\":\"x\",\"nested\":{\"exp\":1},\"exp\":1893456000}"), out var exp));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893456000), exp);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("")]
    [InlineData("e30.!!!.sig")]
    public void TryRead_NotAJwt_ReturnsFalse(string token) => Assert.False(JwtExpiry.TryRead(token, out _));

    [Fact]
    public void TryRead_JwtWithoutExp_ReturnsFalse() => Assert.False(JwtExpiry.TryRead(Jwt("{\"sub\":\"x\"}"), out _));

    [Fact]
    public void TryRead_StringExp_ReturnsFalse() => Assert.False(JwtExpiry.TryRead(Jwt("{\"exp\":\"soon\"}"), out _));
}
