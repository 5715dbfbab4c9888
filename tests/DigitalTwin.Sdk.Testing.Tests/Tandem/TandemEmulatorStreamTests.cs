using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.Testing.Tests.Tandem.TandemTestHelpers;

namespace DigitalTwin.Sdk.Testing.Tests.Tandem;

public sealed class TandemEmulatorStreamTests
{
    [Fact]
    public async Task LastValues_ReturnsNewestReadingPerProperty()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var key = emu.StreamFullKeys[0];

        var result = await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams", token,
            new JsonObject { ["keys"] = new JsonArray(key, "unknown-key") }));

        var newest = emu.GetReadings(key, "z:Dg")[^1];
        var value = Assert.Single(result[key]!["z:Dg"]!.AsObject());
        Assert.Equal(newest.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), value.Key);
        Assert.Equal(newest.Value, (double)value.Value!);
        Assert.Null(result["unknown-key"]);
    }

    [Fact]
    public async Task Readings_FromToLimitSort_AreAppliedPerProperty()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var key = emu.StreamFullKeys[1];
        var all = emu.GetReadings(key, "z:Dg");

        var result = await JsonAsync(await SendAsync(http, HttpMethod.Get,
            $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{key}?from={all[2].Key}&to={all[6].Key}&limit=3&sort=desc", token));

        Assert.Equal(["z:Dg", "z:Hm"], result.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var values = result["z:Dg"]!.AsObject();
        Assert.Equal([all[6].Key, all[5].Key, all[4].Key], values.Select(v => long.Parse(v.Key, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Readings_BadSortOrUnknownStream_AreRejected()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var badSort = await SendAsync(http, HttpMethod.Get, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{emu.StreamFullKeys[0]}?sort=up", token);
        using var unknown = await SendAsync(http, HttpMethod.Get, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/nope", token);

        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Ingest_StoresReadingsByNameOrId_AndLimitsToOneRequestPerSecond()
    {
        var clock = TestTime.CreateClock();
        await using var emu = await TandemEmulator.StartAsync(new TandemEmulatorOptions { TimeProvider = clock });
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var key = emu.StreamFullKeys[2];
        var path = $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic";
        var ts = new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

        using var first = await SendAsync(http, HttpMethod.Post, path, token, new JsonArray(new JsonObject { ["id"] = key, ["timestamp"] = ts.ToString("o"), ["Temperature"] = 23.5 }));
        using var limited = await SendAsync(http, HttpMethod.Post, path, token, new JsonObject { ["id"] = key, ["z:Hm"] = 40.0 });
        clock.Advance(TimeSpan.FromSeconds(1));
        using var second = await SendAsync(http, HttpMethod.Post, path, token, new JsonObject { ["id"] = key, ["z:Hm"] = 41.0 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(emu.GetReadings(key, "z:Dg"), r => r.Key == ts.ToUnixTimeMilliseconds() && r.Value == 23.5);
        Assert.Contains(emu.GetReadings(key, "z:Hm"), r => r.Key == clock.GetUtcNow().ToUnixTimeMilliseconds() && r.Value == 41.0);
        Assert.DoesNotContain(emu.GetReadings(key, "z:Hm"), r => r.Value == 40.0);
    }

    [Fact]
    public async Task ReadRoutes_ShortKeyAsTheVendorSamplesSendIt_AnswerKeyedByTheFullKey()
    {
        // tutorial-rest / tutorial-rest-python list-stream-data and list-stream-last-reading pass the scan's short k to the
        // read routes and match the last values by full key: the service takes either form there.
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var shortKey = emu.StreamKeys[0];
        var physicalFullKey = "AAAAA" + emu.StreamFullKeys[2][5..];

        var last = await JsonAsync(await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams", token,
            new JsonObject { ["keys"] = new JsonArray(shortKey, emu.StreamFullKeys[1], physicalFullKey, "not-a-key") }));
        var byShort = await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{shortKey}", token));
        var byFull = await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{emu.StreamFullKeys[0]}", token));
        using var physical = await SendAsync(http, HttpMethod.Get, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/streams/{physicalFullKey}", token);

        Assert.Equal(new[] { emu.StreamFullKeys[0], emu.StreamFullKeys[1] }.Order(StringComparer.Ordinal), last.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(byFull, byShort));
        Assert.NotEmpty(byShort.AsObject());
        Assert.Equal(HttpStatusCode.NotFound, physical.StatusCode);
        Assert.StartsWith("AQAAA", emu.StreamFullKeys[0], StringComparison.Ordinal);
        Assert.Equal(32, emu.StreamFullKeys[0].Length);
    }

    [Fact]
    public async Task Ingest_ShortKeyId_IsRefused()
    {
        // Ingest routes each event by the stream's full key (tutorial-rest ingest-data-multiple-streams: ids "AQAAAJ…").
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var ingest = await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic", token,
            new JsonObject { ["id"] = emu.StreamKeys[0], ["Temperature"] = 20.0 });

        Assert.Equal(HttpStatusCode.BadRequest, ingest.StatusCode);
        Assert.DoesNotContain(emu.GetReadings(emu.StreamFullKeys[0], "z:Dg"), r => r.Value == 20.0);
    }

    [Theory]
    [InlineData("timestamp", "\"2026-02-01T12:00:00.250Z\"", 1769947200250L)]
    [InlineData("timestamp", "1769947200", 1769947200000L)]
    [InlineData("time", "1769947200250", 1769947200250L)]
    [InlineData("epoch", "\"2026-02-01T13:00:00+01:00\"", 1769947200000L)]
    public async Task Ingest_ReadingTimeFields_AreKept(string field, string json, long expectedMs)
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var key = emu.StreamFullKeys[0];
        var body = new JsonObject { ["id"] = key, ["Temperature"] = 30.5, [field] = JsonNode.Parse(json) };

        using var response = await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic", token, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emu.GetReadings(key, "z:Dg"), r => r.Key == expectedMs && r.Value == 30.5);
    }

    [Fact]
    public async Task Ingest_UnknownTimeField_IsStampedWithTheReceiveTime()
    {
        var clock = TestTime.CreateClock();
        await using var emu = await TandemEmulator.StartAsync(new TandemEmulatorOptions { TimeProvider = clock });
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var key = emu.StreamFullKeys[0];

        using var response = await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic", token,
            new JsonObject { ["id"] = key, ["_ts"] = "2026-02-01T12:00:00Z", ["Temperature"] = 31.5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emu.GetReadings(key, "z:Dg"), r => r.Key == clock.GetUtcNow().ToUnixTimeMilliseconds() && r.Value == 31.5);
    }

    [Fact]
    public async Task Ingest_BodyOverTenMegabytes_Returns413()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var padding = new string('x', (10 * 1024 * 1024) + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic")
        {
            Content = new StringContent("{\"id\":\"" + emu.StreamFullKeys[0] + "\",\"note\":\"" + padding + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ingest_ReadOnlyToken_Returns403()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http, "data:read"))["access_token"]!;

        using var response = await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic", token,
            new JsonObject { ["id"] = emu.StreamFullKeys[0], ["Temperature"] = 20.0 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Ingest_UnknownStreamKey_Returns400AndStoresNothing()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var before = emu.GetReadings(emu.StreamFullKeys[0], "z:Dg").Count;

        using var response = await SendAsync(http, HttpMethod.Post, $"tandem/v1/timeseries/models/{emu.DefaultModelId}/webhooks/generic", token,
            new JsonArray(new JsonObject { ["id"] = emu.StreamFullKeys[0], ["Temperature"] = 20.0 }, new JsonObject { ["id"] = "nope", ["Temperature"] = 1.0 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, emu.GetReadings(emu.StreamFullKeys[0], "z:Dg").Count);
    }
}
