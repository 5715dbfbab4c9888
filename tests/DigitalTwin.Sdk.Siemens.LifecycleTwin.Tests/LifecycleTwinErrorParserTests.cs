using System.Net;
using System.Text;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests;

public sealed class LifecycleTwinErrorParserTests
{
    [Fact]
    public void Parse_AspNetMessage_ReadsMessageAndDetail()
    {
        var info = Parse("""{"Message":"An error has occurred.","ExceptionMessage":"Invalid column name 'x'."}""");

        Assert.Equal("An error has occurred.", info.ErrorTitle);
        Assert.Equal("Invalid column name 'x'.", info.ErrorDetail);
    }

    [Fact]
    public void Parse_OAuthAnswerOfTheTokenEndpoint_FallsBackToTheStandardShape()
    {
        var info = Parse("""{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""");

        Assert.Equal("invalid_grant", info.ErrorCode);
        Assert.Equal("The user name or password is incorrect.", info.ErrorTitle);
    }

    private static ApiErrorInfo Parse(string body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        return LifecycleTwinDefinition.Instance.ErrorParser.Parse("Siemens Lifecycle Twin", response, Encoding.UTF8.GetBytes(body), TimeProvider.System);
    }
}
