using System.Net;
using System.Text;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests;

public sealed class BentleyErrorParserTests
{
    [Fact]
    public void Parse_ITwinPlatformError_ReadsCodeMessageTargetAndDetails()
    {
        var info = Parse("""{"error":{"code":"InvalidRequest","message":"Bad body.","target":"body","details":[{"code":"MissingRequiredProperty","message":"name is required","target":"name"}]}}""");

        Assert.Equal("InvalidRequest", info.ErrorCode);
        Assert.Equal("Bad body.", info.ErrorTitle);
        Assert.Equal(2, info.Errors.Count);
        Assert.Equal("name", info.Errors[1].Target);
    }

    [Fact]
    public void Parse_SensorDataServiceErrors_ReadMessageAndPath()
    {
        var info = Parse("""{"errors":[{"message":"value is not a number","path":"observations[3]"}]}""");

        Assert.Equal("value is not a number", info.ErrorDetail);
        Assert.Equal("observations[3]", Assert.Single(info.Errors).Target);
    }

    [Fact]
    public void ReadRequestId_PrefersTheCorrelationId()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-Request-Id", "generic");
        response.Headers.TryAddWithoutValidation("X-Correlation-Id", "corr-1");

        Assert.Equal("corr-1", ITwinIoTDefinition.Instance.ErrorParser.ReadRequestId(response));
    }

    private static ApiErrorInfo Parse(string body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        return ITwinIoTDefinition.Instance.ErrorParser.Parse("Bentley iTwin IoT", response, Encoding.UTF8.GetBytes(body), TimeProvider.System);
    }
}
