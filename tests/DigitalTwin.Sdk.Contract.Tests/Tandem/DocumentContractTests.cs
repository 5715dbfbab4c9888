using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Core;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static DigitalTwin.Sdk.Contract.Tests.Tandem.TwinContractSupport;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>
/// Document download through a <c>signedLink</c>. The doc example's links are on https://tandem.autodesk.com, another origin
/// than the API; a second contract server plays that origin (its address replaces https://tandem.autodesk.com in the links).
/// </summary>
[Trait("Category", "Contract")]
public sealed class DocumentContractTests
{
    private const string DocPath = "/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w/content";

    // Source: autodesk-tandem/tutorial-rest documents/download-documents.js and common/tandemClient.js saveDocumentContent:
    // GET doc.signedLink with 'Authorization: Bearer <token>'; links from shared/vendor-docs/autodesk-tandem-get-twin.txt.
    [Fact]
    public async Task Download_LinkOnAnAllowListedOrigin_CarriesTheBearer()
    {
        using var api = new ContractServer();
        using var app = new ContractServer();
        StubClientCredentials(api);
        StubTwin(api, app);
        app.Server
            .Given(Request.Create().WithPath(DocPath).UsingGet().WithParam("lastupdated", "1654016445").WithHeader("Authorization", Bearer))
            .WithTitle("GET signedLink (tandem.autodesk.com)")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody("%PDF-1.4 schlage_warranty"));
        using var client = CreateClient(api, configure: o => o.CredentialOrigins = [app.BaseUri]);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(TwinId));
        using var content = new MemoryStream();

        await client.Twins.DownloadDocumentAsync(twin.Docs[0], content);

        Assert.Equal("%PDF-1.4 schlage_warranty", System.Text.Encoding.UTF8.GetString(content.ToArray()));
        api.AssertNoUnmatchedRequests();
        api.AssertAllStubsHit();
        app.AssertNoUnmatchedRequests();
        app.AssertAllStubsHit();
    }

    // Source: as above; the rule of issue 14 point 6: the bearer goes only to the API origin and the allow-list. With the
    // default list (https://tandem.autodesk.com) a link on any other origin is requested without credentials.
    [Fact]
    public async Task Download_LinkOffTheAllowList_IsRequestedWithoutCredentials()
    {
        using var api = new ContractServer();
        using var elsewhere = new ContractServer();
        StubClientCredentials(api);
        StubTwin(api, elsewhere);
        elsewhere.Server
            .Given(Request.Create().WithPath(DocPath).UsingGet().WithParam("lastupdated", "1654016445").WithHeader("Authorization", "*", MatchBehaviour.RejectOnMatch))
            .WithTitle("GET signedLink without credentials")
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("{\"developerMessage\":\"Unauthorized\"}"));
        using var client = CreateClient(api);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(TwinId));
        using var content = new MemoryStream();

        await Assert.ThrowsAnyAsync<DigitalTwinException>(() => client.Twins.DownloadDocumentAsync(twin.Docs[0], content));

        Assert.DoesNotContain(elsewhere.Server.LogEntries, e => e.RequestMessage!.Headers!.ContainsKey("Authorization"));
        api.AssertNoUnmatchedRequests();
        api.AssertAllStubsHit();
        elsewhere.AssertNoUnmatchedRequests();
        elsewhere.AssertAllStubsHit();
    }

    private static void StubTwin(ContractServer api, ContractServer documentOrigin) =>
        api.Server
            .Given(Request.Create().WithPath("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw").UsingGet().WithHeader("Authorization", Bearer))
            .WithTitle("GET twins/{twinID}")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(DocTwinJson.Replace("https://tandem.autodesk.com/", documentOrigin.BaseUri.AbsoluteUri, StringComparison.Ordinal)));
}
