using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary><c>GET modeldata/{modelID}/schema</c> against a stub built from the APS blog example and the official OpenAPI.</summary>
[Trait("Category", "Contract")]
public sealed class SchemaContractTests
{
    // Request: getModelSchema of autodesk-tandem/tutorial-rest common/tandemClient.js. Answer: attributes with the
    // attribute of the APS blog "Tandem Data API – Reading Stream Data" (verbatim) and version, the two fields of the
    // official OpenAPI (Toolkit GeneratedCode SchemaGetResponse; no "hash").
    [Fact]
    public async Task GetSchemaAsync_BlogAttribute_ReadsEveryField()
    {
        using var server = new ContractServer();
        using var client = ModelDataContract.CreateClient(server);
        server.Server
            .Given(Request.Create().WithPath($"/tandem/v1/modeldata/{ModelDataContract.ModelUrn}/schema").UsingGet()
                .WithHeader("Authorization", "Bearer " + ModelDataContract.AccessToken))
            .RespondWith(ModelDataContract.Json("""
{
    "attributes": [
        {
            "id": "z:Dg",
            "fam": "z",
            "col": "Dg",
            "name": "Temperature",
            "category": "Higher Education",
            "dataType": 3,
            "flags": 20,
            "forgeUnit": "celsius",
            "forgeSymbol": "degreeC",
            "forgeSpec": "piping.temperature",
            "context": "e"
        }
    ],
    "version": "2"
}
"""));

        var schema = await client.ModelData.GetSchemaAsync(ModelUrn.Parse(ModelDataContract.ModelUrn));

        var attribute = Assert.Single(schema.Attributes);
        Assert.Equal("2", schema.Version);
        Assert.Equal(("z:Dg", "z", "Dg", "Temperature", "Higher Education"), (attribute.Id, attribute.Family, attribute.Column, attribute.Name, attribute.Category));
        Assert.Equal((3, 20), (attribute.DataType!.Value, attribute.Flags!.Value));
        Assert.Equal(("celsius", "degreeC", "piping.temperature", "e"), (attribute.ForgeUnit, attribute.ForgeSymbol, attribute.ForgeSpec, attribute.Context));
        Assert.Empty(schema.AdditionalProperties);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
