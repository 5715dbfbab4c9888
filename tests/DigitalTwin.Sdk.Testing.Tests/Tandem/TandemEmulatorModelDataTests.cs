using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Tandem;
using static DigitalTwin.Sdk.Testing.Tests.Tandem.TandemTestHelpers;

namespace DigitalTwin.Sdk.Testing.Tests.Tandem;

public sealed class TandemEmulatorModelDataTests
{
    private static async Task<(TandemEmulator Emu, HttpClient Http, string Token)> StartAsync()
    {
        var emu = await TandemEmulator.StartAsync();
        var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        return (emu, http, token);
    }

    [Fact]
    public async Task Scan_JsonBodyLabelledTextPlain_AsTheVendorSampleSendsIt_IsAnswered()
    {
        // autodesk-tandem/tutorial-rest TandemClient._post sends JSON.stringify(...) through fetch with no Content-Type of its
        // own, so the body goes out as text/plain; the service reads it as JSON.
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"tandem/v1/modeldata/{emu.DefaultModelId}/scan")
        {
            Content = new StringContent("{\"includeHistory\":false,\"skipArrays\":true,\"families\":[\"n\"]}", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);
        var rows = (await JsonAsync(response)).AsArray();

        Assert.True(rows.Count > 1);
        Assert.All(rows.Skip(1), r => Assert.NotNull(r!["k"]));
    }

    [Fact]
    public async Task Scan_AllElements_FirstRowIsVersionThenOneRowPerElement()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;
        var model = emu.ModelIds[2];

        var rows = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{model}/scan", token, new JsonObject { ["skipArrays"] = true }))).AsArray();

        Assert.NotNull(rows[0]!["v"]);
        Assert.Null(rows[0]!["k"]);
        Assert.Equal(emu.GetElementKeys(model), rows.Skip(1).Select(r => (string)r!["k"]!));
        Assert.Equal("Element 1", (string?)rows[1]!["n:n"]);
        Assert.Equal("TAG-001-B", (string?)rows[1]!["z:5A"]);
        Assert.Equal(0, (int)rows[1]!["n:a"]!);
    }

    [Fact]
    public async Task Scan_WithoutSkipArrays_WrapsEveryValueInAOneElementArray()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        var rows = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{emu.DefaultModelId}/scan", token, new JsonObject()))).AsArray();

        var name = rows[1]!["n:n"]!.AsArray();
        Assert.Equal("Room 101 Sensor", (string?)Assert.Single(name));
        Assert.Equal(0x01000003, (int)rows[1]!["n:a"]!.AsArray()[0]!);
    }

    [Fact]
    public async Task Scan_KeysAndQualifiedColumns_RestrictRowsAndColumns()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;
        var model = emu.ModelIds[2];
        var key = emu.GetElementKeys(model)[1];

        var rows = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{model}/scan", token,
            new JsonObject { ["keys"] = new JsonArray(key), ["qualifiedColumns"] = new JsonArray("z:5A") }))).AsArray();

        var row = Assert.Single(rows.Skip(1))!.AsObject();
        Assert.Equal(["k", "z:5A"], row.Select(p => p.Key));
    }

    [Fact]
    public async Task Scan_FamiliesWithHistory_ReturnsValueTimestampPairsNewestFirst()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;
        var model = emu.ModelIds[0];

        var rows = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{model}/scan", token,
            new JsonObject { ["families"] = new JsonArray("z"), ["includeHistory"] = true }))).AsArray();

        var history = rows[1]!["z:5A"]!.AsArray();
        Assert.Equal(4, history.Count);
        Assert.Equal("TAG-001-B", (string?)history[0]);
        Assert.True((long)history[1]! > (long)history[3]!);
        Assert.Equal("TAG-001", (string?)history[2]);
        Assert.Null(rows[1]!["n:n"]);
    }

    [Fact]
    public async Task Scan_BadBody_Returns400()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        using var response = await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{emu.ModelIds[0]}/scan", token, new JsonObject { ["keys"] = "not-an-array" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Scan_UnknownModel_Returns404()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        using var response = await SendAsync(http, HttpMethod.Post, "tandem/v1/modeldata/urn:adsk.dtm:none/scan", token, new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Schema_ListsAttributesWithQualifiedIds()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        var schema = await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/modeldata/{emu.DefaultModelId}/schema", token));

        var temperature = schema["attributes"]!.AsArray().Single(a => (string?)a!["id"] == "z:Dg")!;
        Assert.Equal("Temperature", (string?)temperature["name"]);
        Assert.Equal("z", (string?)temperature["fam"]);
        Assert.Equal("Dg", (string?)temperature["col"]);
    }

    [Fact]
    public async Task History_MinMaxAndIncludeChanges_FilterEntries()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;
        var model = emu.ModelIds[0];

        var all = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{model}/history", token,
            new JsonObject { ["includeChanges"] = true }))).AsArray();
        var latest = (long)all[1]!["t"]!;
        var filtered = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{model}/history", token,
            new JsonObject { ["min"] = latest }))).AsArray();

        Assert.Equal(2, all.Count);
        Assert.Equal(JsonValueKind.Array, all[0]!["k"]!.GetValueKind());
        var entry = Assert.Single(filtered)!;
        Assert.Equal(latest, (long)entry["t"]!);
        Assert.Null(entry["k"]);
    }

    [Fact]
    public async Task History_UseFullKeys_AnswersFullKeysAndUnknownFieldsAre400()
    {
        var (emu, http, token) = await StartAsync();
        await using var _ = emu;
        using var __ = http;

        var full = (await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{emu.DefaultModelId}/history", token,
            new JsonObject { ["includeChanges"] = true, ["useFullKeys"] = true }))).AsArray();
        using var refused = await SendAsync(http, HttpMethod.Post, $"tandem/v1/modeldata/{emu.DefaultModelId}/history", token,
            new JsonObject { ["includeChanges"] = true, ["useFullTimestamps"] = true });

        var key = (string)full[0]!["k"]![0]!;
        Assert.Equal(32, key.Length);
        Assert.StartsWith("AQAAA", key, StringComparison.Ordinal);
        Assert.Equal(Decode(emu.StreamKeys[0]), Decode(key)[4..]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static byte[] Decode(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }
}
