using System.Text.Json;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Streams;

public sealed class StreamTests
{
    // Stream ids of the aps.autodesk.com tandem-data-generic-POST examples: full keys (logical prefix 0x01000000).
    private static readonly ElementKey Key1 = ElementKey.Parse("AQAAAB9jtMqU8UQYm_QTmtmTYmAAAAAA");

    // The short key (a scan's k) of the second example id: the SDK sends it as the full key.
    private static readonly ElementKey Key2 = ElementKey.Parse("57cRnnwMQFuHmZnIV9uRGgAAAAA");

    [Fact]
    public void FromWire_BlogExample_ReadsEpochMillisecondKeyedValues()
    {
        var wire = JsonSerializer.Deserialize(DocExamples.StreamReadings, TandemJsonContext.Default.DictionaryStringDictionaryStringJsonElement)!;

        var readings = StreamReadings.FromWire(wire);

        var temperature = readings.Get("z:Dg");
        Assert.Equal(10, temperature.Count);
        Assert.Equal(new StreamReading(DateTimeOffset.FromUnixTimeMilliseconds(1716540287627), 21.15), temperature[0]);
        Assert.Equal(22.04, temperature[^1].Value);
        Assert.Empty(readings.Get("z:Hm"));
    }

    [Fact]
    public void FromWire_NonNumericValue_Throws()
    {
        var wire = JsonSerializer.Deserialize("""{"z:Dg":{"1716540287627":"warm"}}""", TandemJsonContext.Default.DictionaryStringDictionaryStringJsonElement)!;

        Assert.Throws<JsonException>(() => StreamReadings.FromWire(wire));
    }

    [Fact]
    public void ToQueryString_AllParameters_ProducesDocumentedNames()
    {
        var query = new StreamReadingsQuery
        {
            From = DateTimeOffset.FromUnixTimeMilliseconds(1716540287627),
            To = DateTimeOffset.FromUnixTimeMilliseconds(1716572687627),
            Limit = 5,
            Sort = StreamSortOrder.Descending,
        };

        Assert.Equal("?from=1716540287627&to=1716572687627&limit=5&sort=desc", query.ToQueryString());
        Assert.Equal(string.Empty, new StreamReadingsQuery().ToQueryString());
        Assert.Equal("?sort=asc", new StreamReadingsQuery { Sort = StreamSortOrder.Ascending }.ToQueryString());
    }

    [Fact]
    public void ToQueryString_InvalidLimitOrRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamReadingsQuery { Limit = 0 }.ToQueryString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamReadingsQuery { From = DateTimeOffset.UnixEpoch.AddDays(1), To = DateTimeOffset.UnixEpoch }.ToQueryString());
    }

    [Fact]
    public void Serialize_IngestItems_WritesIdTimestampAndValues()
    {
        var items = new[]
        {
            new StreamIngestItem(Key1, new Dictionary<string, double> { ["Temperature"] = 21.5 }, new DateTimeOffset(2026, 2, 1, 12, 0, 0, 250, TimeSpan.FromHours(1))),
            new StreamIngestItem(Key2, new Dictionary<string, double> { ["z:Hm"] = 40 }),
        };

        var json = Encoding.UTF8.GetString(StreamIngestSerializer.Serialize(items));

        Assert.Equal("""[{"id":"AQAAAB9jtMqU8UQYm_QTmtmTYmAAAAAA","timestamp":"2026-02-01T11:00:00.250Z","Temperature":21.5},{"id":"AQAAAOe3EZ58DEBbh5mZyFfbkRoAAAAA","z:Hm":40}]""", json);
    }

    [Fact]
    public void IngestItem_ReservedOrMissingValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(Key1, new Dictionary<string, double>()));
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(Key1, new Dictionary<string, double> { ["id"] = 1 }));
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(Key1, new Dictionary<string, double> { ["timestamp"] = 1 }));
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(Key1, new Dictionary<string, double> { ["time"] = 1 }));
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(Key1, new Dictionary<string, double> { ["epoch"] = 1 }));
        Assert.Throws<ArgumentException>(() => new StreamIngestItem(default, new Dictionary<string, double> { ["a"] = 1 }));
    }

    [Fact]
    public void Serialize_LastValuesRequest_SendsKeys()
    {
        Assert.Equal("""{"keys":["A","B"]}""", JsonSerializer.Serialize(new StreamLastValuesRequest(["A", "B"]), TandemJsonContext.Default.StreamLastValuesRequest));
    }

    [Fact]
    public void Deserialize_LastValues_KeyedByStreamThenProperty()
    {
        var wire = JsonSerializer.Deserialize("""{"KEY1":{"z:Dg":{"1716572687627":22.04}}}""", TandemJsonContext.Default.DictionaryStringDictionaryStringDictionaryStringJsonElement)!;

        var last = StreamReadings.FromWire(wire["KEY1"]).Get("z:Dg");

        Assert.Equal(22.04, Assert.Single(last).Value);
    }
}
