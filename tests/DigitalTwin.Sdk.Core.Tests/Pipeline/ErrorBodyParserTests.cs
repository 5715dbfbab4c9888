using System.Net;
using System.Text;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.Pipeline;

public sealed class ErrorBodyParserTests
{
    private static ApiErrorInfo Parse(HttpStatusCode status, string body, params (string, string)[] headers) =>
        Parse(ErrorBodyParser.Standard, status, body, headers);

    private static ApiErrorInfo Parse(ErrorBodyParser parser, HttpStatusCode status, string body, params (string, string)[] headers)
    {
        using var response = new HttpResponseMessage(status) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://x.test/a/b?secret=1") };
        foreach (var (n, v) in headers)
        {
            response.Headers.TryAddWithoutValidation(n, v);
        }

        return parser.Parse("Vendor", response, Encoding.UTF8.GetBytes(body), TestTime.CreateClock());
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
    public void Parse_ProblemDetails_ReadsTypeTitleDetail()
    {
        var info = Parse(HttpStatusCode.Conflict, """{"type":"https://x.test/conflict","title":"Already exists","status":409,"detail":"Asset a1 exists."}""");

        Assert.Equal("https://x.test/conflict", info.ErrorCode);
        Assert.Equal("Already exists", info.ErrorTitle);
        Assert.Equal("Asset a1 exists.", info.ErrorDetail);
        Assert.Equal("409", Assert.Single(info.Errors).Status);
    }

    [Fact]
    public void Parse_PlainCodeMessage_ReadsBoth()
    {
        var info = Parse(HttpStatusCode.BadRequest, """{"code":"invalid_request","message":"port must be 1-4"}""");

        Assert.Equal("invalid_request", info.ErrorCode);
        Assert.Equal("port must be 1-4", info.ErrorTitle);
    }

    [Fact]
    public void Parse_VendorShape_IsNotGuessedByTheStandardParser()
    {
        // Vendor shapes belong to the vendor packages' parsers; the core reads none of them.
        var info = Parse(HttpStatusCode.Forbidden, """{"developerMessage":"The client_id is not allowed.","errorCode":"AUTH-001"}""");

        Assert.Null(info.ErrorTitle);
        Assert.Empty(info.Errors);
        Assert.NotNull(info.BodySummary);
    }

    [Fact]
    public void ReadRequestId_UsesTheVendorsHeadersInOrder()
    {
        var parser = new ErrorBodyParser(["x-vendor-id", "X-Request-Id"]);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-Request-Id", "generic");
        response.Headers.TryAddWithoutValidation("x-vendor-id", "vendor-" + new string('7', 300));

        Assert.Equal(200, parser.ReadRequestId(response)!.Length);
        Assert.StartsWith("vendor-", parser.ReadRequestId(response), StringComparison.Ordinal);
        Assert.Null(ErrorBodyParser.Standard.ReadRequestId(new HttpResponseMessage(HttpStatusCode.OK)));
        Assert.Throws<ArgumentException>(() => new ErrorBodyParser([]));
        Assert.Throws<ArgumentException>(() => new ErrorBodyParser([" "]));
    }

    [Fact]
    public void Parse_DerivedParser_ReadsItsShapeAndFallsBackToTheStandardOnes()
    {
        var parser = new FaultCodeParser();

        Assert.Equal("F-9", Parse(parser, HttpStatusCode.BadRequest, """{"fault":{"id":"F-9"}}""").ErrorCode);
        Assert.Equal("invalid_grant", Parse(parser, HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""").ErrorCode);
    }

    [Fact]
    public void Parse_OAuthError_ReadsErrorAndDescription()
    {
        var info = Parse(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""");

        Assert.Equal("invalid_grant", info.ErrorCode);
        Assert.Equal("The user name or password is incorrect.", info.ErrorTitle);
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

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Read(response, time));
    }

    private sealed class FaultCodeParser : ErrorBodyParser
    {
        protected override ApiErrorInfo ReadBody(ApiErrorInfo info, System.Text.Json.JsonElement root) =>
            root.TryGetProperty("fault", out var fault)
                ? WithErrors(info, [new ApiError(null, ReadString(fault, "id"), null, null)])
                : base.ReadBody(info, root);
    }
}
