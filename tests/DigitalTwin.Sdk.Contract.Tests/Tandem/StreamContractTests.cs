using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static DigitalTwin.Sdk.Contract.Tests.Tandem.TwinContractSupport;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>The timeseries API: last values, a stream's readings, ingest through the generic webhook. Every call names the stream by its FULL key.</summary>
[Trait("Category", "Contract")]
public sealed class StreamContractTests
{
    // A stream id of aps.autodesk.com tandem-data-generic-POST: the full key (logical prefix AQAAAA = 0x01000000).
    private const string FullKey = "AQAAAB9jtMqU8UQYm_QTmtmTYmAAAAAA";

    // The answer example of the APS blog "Tandem Data API – Reading Stream Data" (aps.autodesk.com/node/3387), trimmed to three points.
    private const string Readings = """{"z:Dg":{"1716540287627":21.15,"1716543887627":20.69,"1716547487627":21.98}}""";

    private static readonly string ModelPath = "/tandem/v1/timeseries/models/" + DefaultModelId;

    /// <summary>The short key of <see cref="FullKey"/>: what a scan row's <c>k</c> holds.</summary>
    private static ElementKey ShortKey => ElementKey.Parse(FullKey).ToShort();

    // Source: autodesk-tandem/tutorial-rest common/tandemClient.js getStreamLastReading (POST {basePath}/timeseries/models/{urn}/streams,
    // body { keys }) and streams/list-stream-last-reading.js (the answer is keyed by Encoding.toFullKey(k, true), the full key).
    [Fact]
    public async Task GetLastValues_ShortKeyFromAScan_IsSentAsTheFullKey()
    {
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath(ModelPath + "/streams").UsingPost().WithHeader("Authorization", Bearer)
                .WithBody(new JsonMatcher("{\"keys\":[\"" + FullKey + "\"]}")))
            .WithTitle("POST timeseries/models/{modelID}/streams")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"" + FullKey + "\":{\"z:Dg\":{\"1716572687627\":22.04}}}"));
        using var client = CreateClient(server);

        var last = await client.Streams.GetLastValuesAsync(ModelUrn.Parse(DefaultModelId), [ShortKey]);

        var reading = Assert.Single(last[ElementKey.Parse(FullKey)].Get("z:Dg"));
        Assert.Equal(22.04, reading.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1716572687627), reading.Timestamp);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: adsk-duszykf/Adsk.Platform.Toolkit.dotNet Autodesk.Tandem/GeneratedCode/Tandem/V1/Timeseries/ModelsRequests/Item/Streams/Item/
    // WithElementItemRequestBuilder.cs (GET .../timeseries/models/{modelID}/streams/{elementID}{?from*,limit*,sort*,to*}, epoch ms);
    // tutorial-rest getStreamData ("streamKey - full key of the stream"); answer from the APS blog (aps.autodesk.com/node/3387).
    [Fact]
    public async Task GetReadings_FullKeyInThePath_AndOnlyThePublishedParameters()
    {
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath(ModelPath + "/streams/" + FullKey).UsingGet().WithHeader("Authorization", Bearer)
                .WithParam("from", "1716540287627").WithParam("to", "1716572687627").WithParam("limit", "3").WithParam("sort", "asc"))
            .WithTitle("GET timeseries/models/{modelID}/streams/{elementID}")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Readings));
        using var client = CreateClient(server);

        var readings = await client.Streams.GetReadingsAsync(ModelUrn.Parse(DefaultModelId), ShortKey, new StreamReadingsQuery
        {
            From = DateTimeOffset.FromUnixTimeMilliseconds(1716540287627),
            To = DateTimeOffset.FromUnixTimeMilliseconds(1716572687627),
            Limit = 3,
            Sort = StreamSortOrder.Ascending,
        });

        Assert.Equal([21.15, 20.69, 21.98], readings.Get("z:Dg").Select(r => r.Value));
        Assert.EndsWith("?from=1716540287627&to=1716572687627&limit=3&sort=asc", UrlOf(server, ModelPath + "/streams/"), StringComparison.Ordinal);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: aps.autodesk.com reference tandem-data-generic-POST (POST timeseries/models/{modelID}/webhooks/generic): an array of
    // events, the stream in "id" at the root, the reading time in "timestamp" as an RFC 3339 string, e.g.
    // {"id": "AQAAAOe3EZ58DEBbh5mZyFfbkRoAAAAA", "hum": 98, "timestamp": "2025-05-26T10:02:35.368Z"}; scope data:write.
    [Fact]
    public async Task SendReadings_GenericWebhookBody_IdTimestampAndValues()
    {
        const string id = "AQAAAOe3EZ58DEBbh5mZyFfbkRoAAAAA";
        using var server = new ContractServer();
        StubClientCredentials(server, "data:read data:write");
        server.Server
            .Given(Request.Create().WithPath(ModelPath + "/webhooks/generic").UsingPost().WithHeader("Authorization", Bearer)
                .WithHeader("Content-Type", "application/json*")
                .WithBody(new JsonMatcher("[{\"id\":\"" + id + "\",\"hum\":98,\"timestamp\":\"2025-05-26T10:02:35.368Z\"},{\"id\":\"" + FullKey + "\",\"temp\":42.1}]")))
            .WithTitle("POST timeseries/models/{modelID}/webhooks/generic")
            .RespondWith(Response.Create().WithStatusCode(200));
        using var client = CreateClient(server, "data:read data:write");

        await client.Streams.SendReadingsAsync(ModelUrn.Parse(DefaultModelId),
        [
            new StreamIngestItem(ElementKey.Parse(id), new Dictionary<string, double> { ["hum"] = 98 }, new DateTimeOffset(2025, 5, 26, 10, 2, 35, 368, TimeSpan.Zero)),
            new StreamIngestItem(ShortKey, new Dictionary<string, double> { ["temp"] = 42.1 }),
        ]);

        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
