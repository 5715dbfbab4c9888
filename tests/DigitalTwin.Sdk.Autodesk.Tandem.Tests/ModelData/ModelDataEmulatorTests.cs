using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.ModelData;

/// <summary>Scan, history and schema against the emulator over loopback, including what punishes a wrong client.</summary>
public sealed class ModelDataEmulatorTests
{
    [Fact]
    public async Task ScanAsync_Default_SendsSkipArraysAndReadsPlainValues()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[1]);

        var result = await client.ModelData.ScanAsync(model, new ScanRequest { Families = ["n"] });

        Assert.Contains("\"skipArrays\":true", emu.Requests.ForPath("/tandem/v1/modeldata").Single().Body, StringComparison.Ordinal);
        Assert.Equal(["Element 1", "Element 2", "Element 3", "Element 4"], result.Rows.Select(r => r.GetString("n:n")));
        Assert.All(result.Rows, r => Assert.Equal(ElementFlags.SimpleElement, r.Flags));
    }

    [Fact]
    public async Task ScanAsync_WithoutSkipArrays_EmulatorWrapsAndClientUnwraps()
    {
        var (emu, http) = await StartRawAsync();
        await using var _ = emu;
        using var __ = http;
        using var client = TandemClientFixture.Create(emu);
        var model = emu.ModelIds[1];

        using var raw = await http.PostAsync($"tandem/v1/modeldata/{model}/scan", new StringContent("""{"qualifiedColumns":["n:n"]}""", Encoding.UTF8, "application/json"));
        using var wire = JsonDocument.Parse(await raw.Content.ReadAsStringAsync());
        var rows = await client.ModelData.ScanAsync(ModelUrn.Parse(model), new ScanRequest { QualifiedColumns = ["n:n"], SkipArrays = false });

        Assert.Equal(JsonValueKind.Array, wire.RootElement[1].GetProperty("n:n").ValueKind);
        Assert.Equal("Element 1", rows.Rows[0].GetString("n:n"));
    }

    [Fact]
    public async Task ScanRowsAsync_DefaultModel_StreamsRowsWithStreamFlagsAndLogicalFullKeys()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = TwinUrn.Parse(emu.TwinId).DefaultModel;

        var rows = new List<ElementRow>();
        await foreach (var row in client.ModelData.ScanRowsAsync(model, new ScanRequest { Families = ["n"] }))
        {
            rows.Add(row);
        }

        Assert.Equal(emu.StreamKeys, rows.Select(r => r.Key.ToString()));
        Assert.All(rows, r => Assert.Equal(ElementFlags.Stream, r.Flags));
        Assert.All(rows, r => Assert.Equal(ElementKeyKind.Logical, r.GetFullKey().Kind));
        Assert.Equal(rows[0].Key, rows[0].GetFullKey().ToShort());
    }

    [Fact]
    public async Task ScanAsync_AnswerLargerThanMaxResponseBytes_IsReadAsAStream()
    {
        var (emu, http) = await StartRawAsync(new TandemEmulatorOptions { AdditionalElements = 20 });
        await using var _ = emu;
        using var __ = http;
        using var client = TandemClientFixture.Create(emu, o => o.MaxResponseBytes = 1024);
        var model = emu.ModelIds[0];
        using var raw = await http.PostAsync($"tandem/v1/modeldata/{model}/scan", new StringContent("""{"includeHistory":true,"skipArrays":true}""", Encoding.UTF8, "application/json"));
        var size = (await raw.Content.ReadAsByteArrayAsync()).Length;

        var result = await client.ModelData.ScanAsync(ModelUrn.Parse(model), new ScanRequest { IncludeHistory = true });

        Assert.True(size > 1024, $"the answer is {size} bytes");
        Assert.Equal(emu.GetElementKeys(model), result.Rows.Select(r => r.Key.ToString()));
    }

    [Fact]
    public async Task ScanRowsAsync_UnknownModel_ThrowsNotFoundWhenEnumerated()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var rows = client.ModelData.ScanRowsAsync(ModelUrn.Parse("urn:adsk.dtm:NoSuchModel000000000000"));

        Assert.Empty(emu.Requests.ForPath("/tandem/v1/modeldata"));
        await Assert.ThrowsAsync<DigitalTwin.Sdk.Core.DigitalTwinNotFoundException>(async () =>
        {
            await foreach (var _ in rows)
            {
            }
        });
    }

    [Fact]
    public async Task ScanAsync_IncludeHistory_ReadsValueFirstPairsNewestFirst()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[0]);

        var row = (await client.ModelData.ScanAsync(model, new ScanRequest { QualifiedColumns = ["z:5A"], IncludeHistory = true })).Rows[0];
        var history = row.GetHistory("z:5A");

        Assert.Equal(["TAG-001-B", "TAG-001"], history.Select(v => v.Value.GetString()));
        Assert.True(history[0].Timestamp > history[1].Timestamp);
        Assert.Equal("TAG-001-B", row.GetString("z:5A"));
    }

    [Fact]
    public async Task GetHistoryAsync_UseFullKeys_AnswersFullKeysOfTheChangedElements()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[0]);

        var shortKeys = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { IncludeChanges = true });
        var fullKeys = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { IncludeChanges = true, UseFullKeys = true });

        Assert.Contains("\"useFullKeys\":true", emu.Requests.ForPath("/tandem/v1/modeldata").Last().Body, StringComparison.Ordinal);
        Assert.All(shortKeys[0].Keys!, k => Assert.False(k.IsFull));
        Assert.All(fullKeys[0].Keys!, k => Assert.Equal(ElementKeyKind.Physical, k.Kind));
        Assert.Equal(shortKeys[0].Keys!, fullKeys[0].Keys!.Select(k => k.ToShort()));
        Assert.Equal(emu.GetElementKeys(model.Value), shortKeys[0].Keys!.Select(k => k.ToString()));
    }

    [Fact]
    public async Task GetHistoryAsync_LimitAndTypeFilter_AreApplied()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[0]);

        var first = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { Limit = 1 });
        var mutations = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { TypeFilter = "mutate" });

        Assert.Equal("bulk_import", Assert.Single(first).Operation);
        Assert.Equal("mutate", Assert.Single(mutations).Operation);
        Assert.Null(mutations[0].Keys);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ModelData.GetHistoryAsync(model, new HistoryRequest { Limit = 0 }));
    }

    [Fact]
    public async Task History_UndocumentedUseFullTimestamps_IsRefusedByTheEmulator()
    {
        var (emu, http) = await StartRawAsync();
        await using var _ = emu;
        using var __ = http;

        using var response = await http.PostAsync($"tandem/v1/modeldata/{emu.ModelIds[0]}/history",
            new StringContent("""{"includeChanges":true,"useFullTimestamps":true}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetSchemaAsync_ReadsVersionAndAttributes()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var schema = await client.ModelData.GetSchemaAsync(ModelUrn.Parse(emu.ModelIds[0]));

        Assert.Equal("1", schema.Version);
        Assert.Equal("Element Flags", schema.FindById("n:a")!.Name);
        Assert.DoesNotContain("hash", schema.AdditionalProperties.Keys);
    }

    private static async Task<(TandemEmulator Emu, HttpClient Http)> StartRawAsync(TandemEmulatorOptions? options = null)
    {
        var emu = await TandemEmulator.StartAsync(options);
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
}
