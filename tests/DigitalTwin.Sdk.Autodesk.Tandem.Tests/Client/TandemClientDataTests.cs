using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

public sealed class TandemClientDataTests
{
    [Fact]
    public async Task ScanAsync_KeysAndColumnsWithHistory_ReturnsTypedRows()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[0]);
        var key = emu.GetElementKeys(model.Value)[0];

        var result = await client.ModelData.ScanAsync(model, new ScanRequest { Keys = [ElementKey.Parse(key)], QualifiedColumns = ["z:5A"], IncludeHistory = true });

        var row = Assert.Single(result.Rows);
        Assert.Equal(key, row.Key.ToString());
        Assert.Equal(["TAG-001-B", "TAG-001"], row.GetHistory("z:5A").Select(v => v.Value.GetString()));
        Assert.Contains("\"includeHistory\":true", emu.Requests.ForPath("/tandem/v1/modeldata").Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_ServerErrorOnce_IsRetriedBecauseItIsARead()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        emu.Faults.Add(Fault.Status(500), pathPrefix: "/tandem/v1/modeldata");

        var result = await client.ModelData.ScanAsync(ModelUrn.Parse(emu.ModelIds[1]));

        Assert.Equal(4, result.Rows.Count);
        Assert.Equal(2, emu.Requests.ForPath("/tandem/v1/modeldata").Count);
    }

    [Fact]
    public async Task SchemaAndHistory_AreTyped()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.ModelIds[0]);

        var schema = await client.ModelData.GetSchemaAsync(model);
        var all = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { IncludeChanges = true });
        var recent = await client.ModelData.GetHistoryAsync(model, new HistoryRequest { Min = all[1].Timestamp });

        Assert.Equal("z:Dg", schema.FindByName("Temperature")!.Id);
        Assert.Equal(2, all.Count);
        Assert.NotEmpty(all[0].Keys!);
        Assert.Equal(all[1].Timestamp, Assert.Single(recent).Timestamp);
    }

    [Fact]
    public async Task Streams_LastValuesAndReadingsOfTheDefaultModel()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = TwinUrn.Parse(emu.TwinId).DefaultModel;
        var key = ElementKey.Parse(emu.StreamKeys[0]); // The scan's short k: the SDK sends the full key the timeseries API takes.
        var seeded = emu.GetReadings(emu.StreamKeys[0], "z:Dg");

        var last = await client.Streams.GetLastValuesAsync(model, [key]);
        var window = await client.Streams.GetReadingsAsync(model, key, new StreamReadingsQuery
        {
            From = DateTimeOffset.FromUnixTimeMilliseconds(seeded[1].Key),
            To = DateTimeOffset.FromUnixTimeMilliseconds(seeded[4].Key),
            Sort = StreamSortOrder.Descending,
        });

        Assert.Equal(emu.DefaultModelId, model.Value);
        Assert.Equal(seeded[^1].Value, Assert.Single(last[key.ToFull(ElementKeyKind.Logical)].Get("z:Dg")).Value);
        Assert.Contains($"/streams/{emu.StreamFullKeys[0]}?", string.Join(" ", emu.RawRequestTargets), StringComparison.Ordinal);
        Assert.Equal(seeded.Skip(1).Take(4).Reverse().Select(r => r.Value), window.Get("z:Dg").Select(r => r.Value));
        Assert.Equal(4, window.Get("z:Hm").Count);
    }

    [Fact]
    public async Task SendReadingsAsync_TwoBatches_AreSpacedOneSecondApartAndBothAccepted()
    {
        // Client and emulator share one fake clock: the emulator refuses a second ingest within a second with 429.
        var time = new TrackingFakeTimeProvider();
        await using var emu = await TandemEmulator.StartAsync(new TandemEmulatorOptions { TimeProvider = time });
        using var client = TandemClientFixture.Create(emu, time: time);
        var model = ModelUrn.Parse(emu.DefaultModelId);
        var key = ElementKey.Parse(emu.StreamFullKeys[1]);
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var ingestPath = "/tandem/v1/timeseries/models/" + emu.DefaultModelId + "/webhooks/generic";

        await client.Streams.SendReadingsAsync(model, [new StreamIngestItem(key, new Dictionary<string, double> { ["Temperature"] = 24.25 }, at)]).WaitAsync(TimeSpan.FromSeconds(30));
        var paceUntil = time.GetUtcNow() + TimeSpan.FromSeconds(1);
        var second = client.Streams.SendReadingsAsync(model, [new StreamIngestItem(key, new Dictionary<string, double> { ["z:Dg"] = 24.5 }, at.AddMinutes(1))]);

        // The second batch waits on a timer of the fake clock due one second after the first ingest; it cannot reach
        // the service before the clock gets there.
        await WaitUntilAsync("the second ingest waits for the pacing interval", () => time.HasPendingTimerDueAt(paceUntil));
        Assert.Single(emu.Requests.ForPath(ingestPath));
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        var ingests = emu.Requests.ForPath(ingestPath);
        Assert.Equal(2, ingests.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), ingests[1].ReceivedAt - ingests[0].ReceivedAt);
        Assert.Contains(emu.GetReadings(key.ToString(), "z:Dg"), r => r.Key == at.ToUnixTimeMilliseconds() && r.Value == 24.25);
        Assert.Contains(emu.GetReadings(key.ToString(), "z:Dg"), r => r.Key == at.AddMinutes(1).ToUnixTimeMilliseconds() && r.Value == 24.5);
    }

    [Fact]
    public async Task SendReadingsAsync_ADayOfBackfillInOneRequest_KeepsEveryReadingTime()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var model = ModelUrn.Parse(emu.DefaultModelId);
        var key = ElementKey.Parse(emu.StreamKeys[0]);
        var from = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var day = Enumerable.Range(0, 24).Select(h => new StreamIngestItem(key, new Dictionary<string, double> { ["Temperature"] = 20 + (h / 10.0) }, from.AddHours(h))).ToList();

        await client.Streams.SendReadingsAsync(model, day);
        var back = await client.Streams.GetReadingsAsync(model, key, new StreamReadingsQuery { From = from, To = from.AddDays(1), Sort = StreamSortOrder.Ascending });

        Assert.Single(emu.Requests.ForPath("/tandem/v1/timeseries/models/" + emu.DefaultModelId + "/webhooks/generic"));
        Assert.Equal(Enumerable.Range(0, 24).Select(h => from.AddHours(h)), back.Get("z:Dg").Select(r => r.Timestamp));
        Assert.Equal(day.Select(d => d.Values["Temperature"]), back.Get("z:Dg").Select(r => r.Value));
    }

    [Fact]
    public async Task SendReadingsAsync_BodyOverTenMegabytes_FailsBeforeSending()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var huge = new StreamIngestItem(ElementKey.Parse(emu.StreamFullKeys[0]), new Dictionary<string, double> { [new string('a', 10 * 1024 * 1024)] = 1 });

        var ex = Assert.Throws<ArgumentException>(() => { _ = client.Streams.SendReadingsAsync(ModelUrn.Parse(emu.DefaultModelId), [huge]); });

        Assert.Equal("items", ex.ParamName);
        Assert.Contains("10 MB", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emu.Requests.ForPath("/tandem"));
        Assert.Empty(emu.Requests.ForPath("/authentication"));
    }

    [Fact]
    public async Task SendReadingsAsync_ServerError_IsNotRetried()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        emu.Faults.Add(Fault.Status(500), pathPrefix: "/tandem/v1/timeseries");

        await Assert.ThrowsAsync<DigitalTwinApiException>(() => client.Streams.SendReadingsAsync(
            ModelUrn.Parse(emu.DefaultModelId), [new StreamIngestItem(ElementKey.Parse(emu.StreamFullKeys[0]), new Dictionary<string, double> { ["Temperature"] = 1 })]));

        Assert.Single(emu.Requests.ForPath("/tandem/v1/timeseries"));
    }

    [Fact]
    public async Task SendReadingsAsync_RefusedWith429_IsSentAgainAndStoredOnce()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        emu.Faults.Add(Fault.Status(429, "{\"developerMessage\":\"slow down\"}").WithRetryAfter(TimeSpan.FromSeconds(1)), pathPrefix: "/tandem/v1/timeseries");
        var at = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

        await client.Streams.SendReadingsAsync(ModelUrn.Parse(emu.DefaultModelId), [new StreamIngestItem(ElementKey.Parse(emu.StreamKeys[2]), new Dictionary<string, double> { ["Humidity"] = 44 }, at)]);

        Assert.Equal(2, emu.Requests.ForPath("/tandem/v1/timeseries").Count);
        Assert.Single(emu.GetReadings(emu.StreamFullKeys[2], "z:Hm"), r => r.Key == at.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task DownloadDocumentAsync_SignedLinkOnAnAllowListedOrigin_SendsTheBearerAndGetsTheContent()
    {
        // Like tandem.autodesk.com, the emulator's document origin refuses a download without the bearer token.
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));
        using var content = new MemoryStream();

        await client.Twins.DownloadDocumentAsync(twin.Docs[1], content);

        Assert.Equal(emu.DocumentOrigin.GetLeftPart(UriPartial.Authority), twin.Docs[1].SignedLink!.GetLeftPart(UriPartial.Authority));
        Assert.NotEqual(emu.BaseUri.Port, emu.DocumentOrigin.Port);
        Assert.Contains("301-1070D_KS_8013D-1160.pdf", System.Text.Encoding.UTF8.GetString(content.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", emu.DocumentRequests.Snapshot().Single().Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadDocumentAsync_SignedLinkOnAnOriginOffTheAllowList_NeverSendsTheBearer()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu, o => o.CredentialOrigins = null); // Default: https://tandem.autodesk.com only.
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));
        using var content = new MemoryStream();

        await Assert.ThrowsAnyAsync<DigitalTwinException>(() => client.Twins.DownloadDocumentAsync(twin.Docs[1], content));

        Assert.Null(emu.DocumentRequests.Snapshot().Single().Header("Authorization"));
        Assert.NotNull(emu.Requests.ForPath("/tandem/v1/twins").Single().Header("Authorization"));
    }

    [Fact]
    public async Task DownloadDocumentAsync_AllowListedLinkRedirectingElsewhere_DropsTheBearerOnTheRedirect()
    {
        await using var storage = await TandemEmulator.StartAsync();
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));
        var document = twin.Docs[0];
        var elsewhere = new Uri(storage.BaseUri, "bucket/schlage_warranty.pdf");
        emu.Faults.Add(Fault.Status(302).WithHeader("Location", elsewhere.AbsoluteUri), pathPrefix: "/api/v1/twins");
        storage.Faults.Add(Fault.Status(200, "stored schlage_warranty.pdf"), pathPrefix: "/bucket");
        var sameOrigin = new Uri(emu.BaseUri, document.SignedLink!.PathAndQuery);
        using var content = new MemoryStream();

        await client.Twins.DownloadDocumentAsync(document with { SignedLink = sameOrigin }, content);

        Assert.Contains("schlage_warranty.pdf", System.Text.Encoding.UTF8.GetString(content.ToArray()), StringComparison.Ordinal);
        Assert.NotNull(emu.Requests.ForPath("/api/v1/twins").Single().Header("Authorization"));
        Assert.Null(storage.Requests.ForPath("/bucket").Single().Header("Authorization"));
    }

    [Fact]
    public async Task DownloadDocumentAsync_PlainHttpLinkOffLoopback_IsRefused()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var document = new TwinDocument { SignedLink = new Uri("http://tandem.example.com/doc") };

        Assert.Throws<ArgumentException>(() => { _ = client.Twins.DownloadDocumentAsync(document, Stream.Null); });
        Assert.Throws<ArgumentException>(() => { _ = client.Twins.DownloadDocumentAsync(new TwinDocument(), Stream.Null); });
    }
}
