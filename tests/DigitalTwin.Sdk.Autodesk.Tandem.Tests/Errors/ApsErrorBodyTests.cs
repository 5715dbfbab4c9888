using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Errors;

public sealed class ApsErrorBodyTests
{
    [Fact]
    public void Deserialize_DataApiForm_ExposesCodeAndMessage()
    {
        var body = JsonSerializer.Deserialize("""{"developerMessage":"No access.","errorCode":"FORBIDDEN","moreInfo":"https://aps.autodesk.com"}""", TandemJsonContext.Default.ApsErrorBody)!;

        Assert.Equal("FORBIDDEN", body.Code);
        Assert.Equal("No access.", body.Message);
        Assert.Equal("https://aps.autodesk.com", body.MoreInfo);
    }

    [Fact]
    public void Deserialize_OAuthForm_ExposesCodeAndMessage()
    {
        var body = JsonSerializer.Deserialize("""{"error":"invalid_grant","error_description":"Used."}""", TandemJsonContext.Default.ApsErrorBody)!;

        Assert.Equal("invalid_grant", body.Code);
        Assert.Equal("Used.", body.Message);
    }
}
