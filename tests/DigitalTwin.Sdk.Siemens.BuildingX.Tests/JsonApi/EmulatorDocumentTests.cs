using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.JsonApi;

/// <summary>What the emulator sends parses into the models, and what the query builder sends the emulator understands.</summary>
public sealed class EmulatorDocumentTests
{
    [Fact]
    public async Task DevicesWithIncludedFeatures_FromEmulator_ResolveDeviceInfo()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = await AuthenticatedAsync(emulator);
        var query = new JsonApiQuery().Include("hasFeatures.DeviceInfo", "hasLocation").PageLimit(3);

        var json = await http.GetStringAsync(new Uri($"{emulator.ApiBaseUri}/partitions/{emulator.DocumentedPartitionId}/devices{query}"));
        var document = JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.DeviceListDocument)!;
        var devices = JsonApiIncluded.Attach(document.Data!, document.Included);

        Assert.Equal(3, devices.Count);
        Assert.All(devices, d =>
        {
            Assert.Equal("Siemens", d.GetDeviceInfo()!.Attributes!.Manufacturer);
            Assert.Equal(d.LocationId, Assert.Single(d.GetRelated("hasLocation")).Id);
        });
        Assert.NotNull(document.Links!.Next);
    }

    [Fact]
    public async Task LocationsQuery_FromBuilder_IsUnderstoodByEmulator()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = await AuthenticatedAsync(emulator);
        var query = new JsonApiQuery().Filter("type", "Building").Fields("Building", "label");

        var json = await http.GetStringAsync(new Uri($"{emulator.ApiBaseUri}/partitions/{emulator.DocumentedPartitionId}/locations{query}"));
        var buildings = JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.LocationListDocument)!.Data!;

        Assert.Equal(2, buildings.Count);
        Assert.All(buildings, b => Assert.Null(b.Attributes!.Description));
        Assert.All(buildings, b => Assert.NotNull(b.Attributes!.Label));
    }

    private static async Task<HttpClient> AuthenticatedAsync(BuildingXEmulator emulator)
    {
        var http = new HttpClient();
        var body = $$"""{"client_id":"{{emulator.ClientId}}","client_secret":"{{emulator.ClientSecret}}","audience":"{{emulator.Audience}}","grant_type":"client_credentials"}""";
        using var response = await http.PostAsync(emulator.TokenUri, new StringContent(body, Encoding.UTF8, "application/json"));
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.api+json");
        return http;
    }
}
