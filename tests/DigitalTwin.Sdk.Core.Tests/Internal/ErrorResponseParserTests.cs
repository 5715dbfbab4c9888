using System.Net;
using System.Text;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.Internal;

public sealed class ErrorResponseParserTests
{
    private static ApiErrorInfo Parse(HttpStatusCode status, string body, params (string, string)[] headers)
    {
        using var response = new HttpResponseMessage(status) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://x.test/a/b?secret=1") };
        foreach (var (n, v) in headers)
        {
            response.Headers.TryAddWithoutValidation(n, v);
        }

        return ErrorResponseParser.Parse("Vendor", response, Encoding.UTF8.GetBytes(body), TestTime.CreateClock());
    }

    [Fact]
    public void Parse_JsonApiErrors_KeepsEveryErrorObject()
    {
        var info = Parse(HttpStatusCode.BadRequest, """
            {"errors":[{"id":"e1","status":"400","code":"InvalidFilter","title":"Invalid filter","detail":"unknown field x","source":{"parameter":"filter[x]"}},
                       {"status":"400","code":"InvalidPage","title":"Bad page","source":{"pointer":"/data/attributes/a"}}]}
            """, ("X-Request-Id", "abc"));

        Assert.Equal(2, info.Errors.Count);
        Assert.Equal("InvalidFilter", info.ErrorCode);
        Assert.Equal("Invalid filter", info.ErrorTitle);
        Assert.Equal("unknown field x", info.ErrorDetail);
        Assert.Equal("e1", info.Errors[0].Id);
        Assert.Equal("filter[x]", info.Errors[0].SourceParameter);
        Assert.Equal("/data/attributes/a", info.Errors[1].SourcePointer);
        Assert.Equal("abc", info.RequestId);
        Assert.Equal("/a/b", info.Path);
    }

    [Fact]
    public void Parse_ITwinPlatformError_ReadsCodeMessageTarget()
    {
        var info = Parse(HttpStatusCode.NotFound, """{"error":{"code":"SensorNotFound","message":"Requested sensor is not available.","target":"sensorId"}}""");

        Assert.Equal("SensorNotFound", info.ErrorCode);
        Assert.Equal("Requested sensor is not available.", info.ErrorTitle);
        Assert.Equal("sensorId", info.Errors[0].Target);
    }

    [Fact]
    public void Parse_OAuthError_ReadsErrorAndDescription()
    {
        var info = Parse(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""");

        Assert.Equal("invalid_grant", info.ErrorCode);
        Assert.Equal("The user name or password is incorrect.", info.ErrorTitle);
    }

    [Fact]
    public void Parse_AspNetMessage_ReadsMessage()
    {
        var info = Parse(HttpStatusCode.Unauthorized, """{"Message":"Authorization has been denied for this request."}""");

        Assert.Equal("Authorization has been denied for this request.", info.ErrorTitle);
    }

    [Fact]
    public void Parse_AutodeskError_ReadsDeveloperMessage()
    {
        var info = Parse(HttpStatusCode.Forbidden, """{"developerMessage":"The client_id is not allowed.","errorCode":"AUTH-001","moreInfo":"https://x"}""");

        Assert.Equal("AUTH-001", info.ErrorCode);
        Assert.Equal("The client_id is not allowed.", info.ErrorTitle);
    }

    [Fact]
    public void Parse_NotJson_KeepsShortSummaryOnly()
    {
        var info = Parse(HttpStatusCode.BadGateway, "<html>" + new string('x', 5000) + "</html>");

        Assert.Null(info.ErrorCode);
        Assert.NotNull(info.BodySummary);
        Assert.True(info.BodySummary!.Length <= 301);
    }

    [Fact]
    public void Parse_BodyEchoingSecrets_MasksThemInSummary()
    {
        var info = Parse(HttpStatusCode.BadRequest, """{"error":"invalid_client","client_secret":"s3cr3t-value","access_token":"tok-value"}""");

        Assert.DoesNotContain("s3cr3t-value", info.BodySummary, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-value", info.BodySummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RetryAfterDate_IsRelativeToClock()
    {
        var time = TestTime.CreateClock();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", time.GetUtcNow().AddSeconds(30).ToString("r", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(30), ErrorResponseParser.ReadRetryAfter(response, time));
    }
}
