using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>Shared pieces of the Tandem auth, twin, view, document and stream contract tests.</summary>
internal static class TwinContractSupport
{
    internal const string ClientId = "GCi5oTYLE36CTUlcL7wWbhq9mC5DzG9w";
    internal const string ClientSecret = "contract-secret";

    /// <summary>The twin of the vendor doc example (shared/vendor-docs/autodesk-tandem-get-twin.txt, "Example").</summary>
    internal const string TwinId = "urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw";

    /// <summary>The response example of the vendor doc (shared/vendor-docs/autodesk-tandem-get-twin.txt, "Example", Response), verbatim.</summary>
    internal const string DocTwinJson = """
{
"links": [
{
"disciplines": null,
"label": "R21 Mill Building - Elec.rvt",
"main": false,
"modelId": "urn:adsk.dtm:fTIXhuewSxuROOMTHC5yUQ",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "R21 Mill Building - Mech.rvt",
"main": false,
"modelId": "urn:adsk.dtm:mNn_ajmuR96t-hIQLa47eQ",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "R21 Mill Building - Arch.rvt",
"main": true,
"modelId": "urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "",
"main": false,
"modelId": "urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw",
"on": true,
"accessLevel": "Owner"
}
],
"docs": [
{
"id": "urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/e2e63534-4263-4e91-a2b8-6f6418c2c6ef/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w/content?lastupdated=1654016445",
"name": "schlage_warranty.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:Rog3z9MoRmuf80HmcKXWoA",
"accVersion": "urn:adsk.wipprod:fs.file:vf.Rog3z9MoRmuf80HmcKXWoA?version=1"
},
{
"id": "urn:adsk.dtd:HlsYAql5TmSnIzLD4t_3Og",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/1e5b1802-a979-4e64-a723-32c3e2dff73a/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:HlsYAql5TmSnIzLD4t_3Og/content?lastupdated=1654016445",
"name": "301-1070D_KS_8013D-1160.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:BZjAcVQHQKCnAXWWRLXfYQ",
"accVersion": "urn:adsk.wipprod:fs.file:vf.BZjAcVQHQKCnAXWWRLXfYQ?version=1"
},
{
"id": "urn:adsk.dtd:RmcWEt7FTaSCYGkmw8qR2g",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/46671612-dec5-4da4-8260-6926c3ca91da/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:RmcWEt7FTaSCYGkmw8qR2g/content?lastupdated=1654016445",
"name": "300-1.3_KS-SKS_Catalog.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:VQKP5jA0QLaCVWhfZj3GVw",
"accVersion": "urn:adsk.wipprod:fs.file:vf.VQKP5jA0QLaCVWhfZj3GVw?version=1"
},
{
"id": "urn:adsk.dtd:oTu7dvOTT36Qj968fpe20Q",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/a13bbb76-f393-4f7e-908f-debc7e97b6d1/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:oTu7dvOTT36Qj968fpe20Q/content?lastupdated=1654016445",
"name": "Brochure - Fleet&Network.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:ZW_t7DbQR-O1w-KTOYeSEw",
"accVersion": "urn:adsk.wipprod:fs.file:vf.ZW_t7DbQR-O1w-KTOYeSEw?version=1"
}
],
"props": {
"Identity Data": {
"Address": "1 Market St #500, San Francisco, CA 94105",
"Building Name": "Mill",
"Owner": "Mr. X",
"Project Name": "Autodesk Samples"
},
"Other": {
"Project Number": ""
}
},
"dateCreated": "2022-05-24T23:45:09Z",
"boundByUpperFloor": false,
"skipRoomBounders": false,
"template": {
"uuid": "yxAF6Ja-St-Hz85F0A4pGA",
"name": "Uniclass - ExternalIDs",
"description": "Used to test Maximo and other integrations",
"classificationId": "uniclass",
"psetIds": [
"yxAF6Ja-St-Hz85F0A4pGA"
]
},
"accessLevel": "Owner",
"accountGroup": "urn:adsk.dtg:ysqziKwTSCejQaUVfqj32Q",
"accountType": "free",
"dateModified": "2023-07-26T07:46:43Z",
"etag": "1690357603997"
}
""";

    /// <summary>Its default model (tutorial-rest common/utils.js getDefaultModel: the twin id with the model prefix).</summary>
    internal const string DefaultModelId = "urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw";

    /// <summary>
    /// The access token of the APS example answer (aps-sdk-openapi authentication/authentication.yaml, fetch-token,
    /// client-credentials-grant), shortened: the shape, not the JWT, is what the contract fixes.
    /// </summary>
    internal const string AccessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6IlU3c0dGRldUTzlBekNhSzBqZURRM2dQZXBURVdWN2VhIn0.contract";

    /// <summary>The confidential app's HTTP Basic credentials (authentication.yaml: "Traditional Web Apps and Server-to-Server Apps should use the Authorization header with Basic Authentication").</summary>
    internal static string BasicCredentials => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    /// <summary>Builds a two-legged client against the contract server.</summary>
    internal static TandemClient CreateClient(ContractServer server, string scope = "data:read", Action<TandemOptions>? configure = null)
    {
        var options = new TandemOptions
        {
            BaseUrl = server.At("tandem/v1/"),
            TokenUrl = server.At("authentication/v2/token"),
            AuthorizeUrl = server.At("authentication/v2/authorize"),
            RevokeUrl = server.At("authentication/v2/revoke"),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Scope = scope,
            Retry = { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return new TandemClient(options);
    }

    /// <summary>
    /// Stubs <c>POST authentication/v2/token</c> for the client-credentials grant exactly as authentication.yaml describes it:
    /// form body <c>grant_type</c> and <c>scope</c>, client authenticated with HTTP Basic; answers the example token.
    /// </summary>
    internal static void StubClientCredentials(ContractServer server, string scope = "data:read") =>
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/token").UsingPost()
                .WithHeader("Authorization", BasicCredentials)
                .WithHeader("Content-Type", "application/x-www-form-urlencoded*", MatchBehaviour.AcceptOnMatch)
                .WithBody(new FormUrlEncodedMatcher(["grant_type=client_credentials", "scope=" + scope], false, MatchOperator.And)))
            .WithTitle("APS client-credentials token")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 3599 }.ToJsonString()));

    /// <summary>Returns the form fields of the request logged at <paramref name="path"/>, decoded, to prove no field was added.</summary>
    internal static IReadOnlyDictionary<string, string> FormOf(ContractServer server, string path)
    {
        var body = server.Server.LogEntries.Single(e => e.RequestMessage?.Path == path).RequestMessage!.Body ?? string.Empty;
        return body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty), StringComparer.Ordinal);
    }

    /// <summary>Returns the request line target (path and query) of the logged request whose path starts with <paramref name="pathPrefix"/>, as WireMock saw it.</summary>
    internal static string UrlOf(ContractServer server, string pathPrefix) =>
        server.Server.LogEntries.Single(e => e.RequestMessage?.Path?.StartsWith(pathPrefix, StringComparison.Ordinal) == true).RequestMessage!.Url;

    /// <summary>The bearer the data requests must carry.</summary>
    internal static string Bearer => "Bearer " + AccessToken;

    /// <summary>Creates an in-memory token store holding a refresh token.</summary>
    internal static async Task<ITandemTokenStore> StoreWithAsync(string refreshToken)
    {
        var store = new InMemoryTandemTokenStore();
        await store.SaveRefreshTokenAsync(refreshToken);
        return store;
    }
}
