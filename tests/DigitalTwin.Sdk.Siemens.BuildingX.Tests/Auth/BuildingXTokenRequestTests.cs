using System.Text.Json;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Auth;

public sealed class BuildingXTokenRequestTests
{
    [Fact]
    public void Serialize_HasTheFourDocumentedParameters()
    {
        var request = new BuildingXTokenRequest("my-client", "s3cret!", "https://horizon.siemens.com");

        var json = JsonSerializer.Serialize(request, BuildingXAuthJsonContext.Default.BuildingXTokenRequest);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["client_id", "client_secret", "audience", "grant_type"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("my-client", root.GetProperty("client_id").GetString());
        Assert.Equal("s3cret!", root.GetProperty("client_secret").GetString());
        Assert.Equal("https://horizon.siemens.com", root.GetProperty("audience").GetString());
        Assert.Equal("client_credentials", root.GetProperty("grant_type").GetString());
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var request = new BuildingXTokenRequest("my-client", "s3cret!", "https://horizon.siemens.com");

        Assert.DoesNotContain("s3cret!", request.ToString(), StringComparison.Ordinal);
        Assert.Contains("my-client", request.ToString(), StringComparison.Ordinal);
    }
}
