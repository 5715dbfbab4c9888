using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

/// <summary>The emulator's answers parse into the SDK models (both sides are written from the same docs, independently).</summary>
public sealed class EmulatorWireShapeTests
{
    private static async Task<(TandemEmulator Emu, HttpClient Http)> StartAsync()
    {
        var emu = await TandemEmulator.StartAsync();
        var http = new HttpClient { BaseAddress = emu.BaseUri };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "authentication/v2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "data:read")]),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emu.ClientId + ":" + emu.ClientSecret)));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return (emu, http);
    }

    [Fact]
    public async Task GroupsViewsAndTwinsByUrn_ParseIntoModels()
    {
        var (emu, http) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        var groups = JsonSerializer.Deserialize(await http.GetStringAsync("tandem/v1/groups"), TandemJsonContext.Default.IReadOnlyListTandemGroup)!;
        var views = JsonSerializer.Deserialize(await http.GetStringAsync($"tandem/v1/twins/{emu.TwinId}/views"), TandemJsonContext.Default.IReadOnlyListTwinView)!;
        var twins = JsonSerializer.Deserialize(await http.GetStringAsync("tandem/v1/users/@me/twins"), TandemJsonContext.Default.DictionaryStringTandemTwin)!;

        Assert.True(Assert.Single(groups).AccessLevel!.Value.IsOwner);
        Assert.Contains(views, v => v.ViewName == "Home" && v.Version == 2 && v.CreateTime is not null && v.AdditionalProperties.ContainsKey("camera"));
        Assert.Equal(4, twins[emu.TwinId].Links.Count);
    }

    [Fact]
    public async Task ScanSchemaHistoryAndReadings_ParseIntoModels()
    {
        var (emu, http) = await StartAsync();
        await using var _ = emu;
        using var __ = http;
        var model = emu.ModelIds[0];

        using var scanResponse = await http.PostAsync($"tandem/v1/modeldata/{model}/scan",
            new StringContent(JsonSerializer.Serialize(new ScanRequest { IncludeHistory = true }, TandemJsonContext.Default.ScanRequest), Encoding.UTF8, "application/json"));
        using var scanDoc = JsonDocument.Parse(await scanResponse.Content.ReadAsStringAsync());
        var scan = ScanResult.Parse(scanDoc.RootElement, includeHistory: true);
        var schema = JsonSerializer.Deserialize(await http.GetStringAsync($"tandem/v1/modeldata/{model}/schema"), TandemJsonContext.Default.ModelSchema)!;
        using var historyResponse = await http.PostAsync($"tandem/v1/modeldata/{model}/history",
            new ByteArrayContent(HistoryRequestSerializer.Serialize(new HistoryRequest { IncludeChanges = true })) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        var history = JsonSerializer.Deserialize(await historyResponse.Content.ReadAsStringAsync(), TandemJsonContext.Default.IReadOnlyListHistoryEntry)!;
        var wire = JsonSerializer.Deserialize(
            await http.GetStringAsync($"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{emu.StreamFullKeys[0]}" + new StreamReadingsQuery { Limit = 2 }.ToQueryString()),
            TandemJsonContext.Default.DictionaryStringDictionaryStringJsonElement)!;

        Assert.Equal(emu.GetElementKeys(model), scan.Rows.Select(r => r.Key.ToString()));
        Assert.Equal(2, scan.Rows[0].GetHistory("z:5A").Count);
        Assert.NotNull(schema.FindByName("Temperature"));
        Assert.All(history, h => Assert.NotEmpty(h.Keys!));
        Assert.Equal(2, StreamReadings.FromWire(wire).Get("z:Dg").Count);
    }
}
