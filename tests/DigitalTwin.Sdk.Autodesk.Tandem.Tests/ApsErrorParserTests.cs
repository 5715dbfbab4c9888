using System.Net;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

public sealed class ApsErrorParserTests
{
    [Fact]
    public void Parse_AutodeskError_ReadsDeveloperMessageCodeAndAdsRequestId()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.TryAddWithoutValidation("x-ads-request-id", "ads-1");
        var info = TandemDefinition.Instance.ErrorParser.Parse(
            "Autodesk Tandem",
            response,
            Encoding.UTF8.GetBytes("""{"developerMessage":"The client_id is not allowed.","errorCode":"AUTH-001","moreInfo":"https://x"}"""),
            TimeProvider.System);

        Assert.Equal("AUTH-001", info.ErrorCode);
        Assert.Equal("The client_id is not allowed.", info.ErrorTitle);
        Assert.Equal("https://x", info.ErrorDetail);
        Assert.Equal("ads-1", info.RequestId);
    }
}
