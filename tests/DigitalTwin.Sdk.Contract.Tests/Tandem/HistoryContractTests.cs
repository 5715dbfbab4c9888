using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary><c>POST modeldata/{modelID}/history</c> against stubs built from the vendor's samples and the official OpenAPI.</summary>
[Trait("Category", "Contract")]
public sealed class HistoryContractTests
{
    private const string KeyA = "H_pwafaOSk2EClLjcqgo1ABb2Dg";

    // Request: get_model_history of autodesk-tandem/tutorial-rest-python common/tandemClient.py as
    // history/list-asset-history.py calls it (min=1, max=now in ms, include_changes=True, use_full_keys default False).
    // Answer: entries with the HC fields of tutorial-rest common/constants.js (t, n, d, k, o, c, i).
    [Fact]
    public async Task GetHistoryAsync_BetweenDatesWithChanges_SendsUseFullKeysAndReadsHcFields()
    {
        using var server = new ContractServer();
        using var client = ModelDataContract.CreateClient(server);
        server.Server
            .Given(ModelDataContract.Post("history", """{"min":1,"max":1767225600000,"includeChanges":true,"useFullKeys":false}"""))
            .RespondWith(ModelDataContract.Json($$"""[{"t":1767052800000,"n":"Jan Novak","d":"Element properties change","o":"mutate","c":"YOUR_CLIENT_ID","i":"3f9c","k":["{{KeyA}}"]}]"""));

        var history = await client.ModelData.GetHistoryAsync(ModelUrn.Parse(ModelDataContract.ModelUrn), new HistoryRequest
        {
            Min = DateTimeOffset.FromUnixTimeMilliseconds(1),
            Max = DateTimeOffset.FromUnixTimeMilliseconds(1767225600000),
            IncludeChanges = true,
        });

        var entry = Assert.Single(history);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767052800000), entry.Timestamp);
        Assert.Equal("Jan Novak", entry.UserName);
        Assert.Equal("Element properties change", entry.Description);
        Assert.Equal("mutate", entry.Operation);
        Assert.Equal("YOUR_CLIENT_ID", entry.ClientId);
        Assert.Equal("3f9c", entry.CorrelationId);
        Assert.Equal([ElementKey.Parse(KeyA)], entry.Keys!);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Request: getModelHistory of tutorial-rest common/tandemClient.js (timestamps, includeChanges, useFullKeys).
    [Fact]
    public async Task GetHistoryAsync_Timestamps_SendsTutorialBody()
    {
        using var server = new ContractServer();
        using var client = ModelDataContract.CreateClient(server);
        server.Server
            .Given(ModelDataContract.Post("history", """{"timestamps":[1767052800000],"includeChanges":false,"useFullKeys":false}"""))
            .RespondWith(ModelDataContract.Json("""[{"t":1767052800000,"n":"Jan Novak","d":"Element properties change"}]"""));

        var history = await client.ModelData.GetHistoryAsync(ModelUrn.Parse(ModelDataContract.ModelUrn), new HistoryRequest
        {
            Timestamps = [DateTimeOffset.FromUnixTimeMilliseconds(1767052800000)],
        });

        Assert.Null(Assert.Single(history).Keys);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Request: limit and typeFilter of the official OpenAPI (Toolkit GeneratedCode HistoryPostRequestBody) with
    // useFullKeys true (getModelHistoryBetweenDates default in tutorial-rest); the keys come back full (24 bytes,
    // logical prefix 0x01000000 for a stream).
    [Fact]
    public async Task GetHistoryAsync_LimitTypeFilterFullKeys_ReadsFullKeys()
    {
        using var server = new ContractServer();
        using var client = ModelDataContract.CreateClient(server);
        server.Server
            .Given(ModelDataContract.Post("history", """{"limit":10,"typeFilter":"mutate","includeChanges":true,"useFullKeys":true}"""))
            .RespondWith(ModelDataContract.Json("""[{"t":1767052800000,"n":"Jan Novak","d":"Stream created","o":"mutate","k":["AQAAAB_6cGn2jkpNhApS43KoKNQAW9g4"]}]"""));

        var history = await client.ModelData.GetHistoryAsync(ModelUrn.Parse(ModelDataContract.ModelUrn), new HistoryRequest
        {
            Limit = 10,
            TypeFilter = "mutate",
            IncludeChanges = true,
            UseFullKeys = true,
        });

        var key = Assert.Single(Assert.Single(history).Keys!);
        Assert.Equal(ElementKeyKind.Logical, key.Kind);
        Assert.Equal(ElementKey.Parse(KeyA), key.ToShort());
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
