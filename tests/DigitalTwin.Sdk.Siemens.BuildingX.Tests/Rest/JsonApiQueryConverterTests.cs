using DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Rest;

public sealed class JsonApiQueryConverterTests
{
    [Fact]
    public void ToEncodedParameters_BracketsCommasSpacesAndUnicode_AreEncodedAsTheQueryString()
    {
        var query = new JsonApiQuery()
            .Filter("name", "Zürich Süd, 2.OG")
            .Filter("timestamp", "from", "2026-01-01T00:00:00Z")
            .PageLimit(5)
            .Include("hasFeatures.DeviceInfo", "hasLocation")
            .Fields("Building", "label", "description")
            .Field("Point", "pointValue");

        var encoded = JsonApiQueryConverter.ToEncodedParameters(query.Parameters);

        // Names keep their brackets; list values keep their commas; a comma, a space and "ü" inside a value are encoded.
        Assert.Equal(
            [
                new("filter[name]", "Z%C3%BCrich%20S%C3%BCd%2C%202.OG"),
                new("filter[timestamp][from]", "2026-01-01T00%3A00%3A00Z"),
                new("page[limit]", "5"),
                new("include", "hasFeatures.DeviceInfo,hasLocation"),
                new("fields[Building]", "label,description"),
                new KeyValuePair<string, string>("field[Point]", "pointValue"),
            ],
            encoded);
        Assert.Equal(query.ToQueryString(), Join(encoded));
    }

    [Fact]
    public void ToEncodedParameters_EmptyFilterValue_IsSentAsAnEmptyValue()
    {
        var encoded = JsonApiQueryConverter.ToEncodedParameters(new JsonApiQuery().Filter("description", "").Parameters);

        Assert.Equal([new KeyValuePair<string, string>("filter[description]", "")], encoded);
        Assert.Equal("?filter[description]=", Join(encoded));
    }

    [Fact]
    public void ToEncodedParameters_NoParameters_IsEmpty()
    {
        Assert.Empty(JsonApiQueryConverter.ToEncodedParameters(new JsonApiQuery().Parameters));
        Assert.Empty(JsonApiQueryConverter.Empty);
    }

    [Fact]
    public void ToEncodedParameters_RepeatedName_KeepsEveryPairInItsOrder()
    {
        var query = new JsonApiQuery().Filter("type", "Room").Filter("label", "A&B").Filter("type", "Floor");

        var encoded = JsonApiQueryConverter.ToEncodedParameters(query.Parameters);

        Assert.Equal("?filter[type]=Room&filter[label]=A%26B&filter[type]=Floor", Join(encoded));
        Assert.Equal(query.ToQueryString(), Join(encoded));
    }

    [Fact]
    public async Task DeclaredEndpoint_SendsTheQueryBytesUnchanged()
    {
        // The generated Refit client must not re-encode the pairs: the server sees exactly ToQueryString().
        await using var context = await BuildingXTestContext.StartAsync();
        var query = new JsonApiQuery()
            .Filter("serialNumber", "Zürich 1,2 [x]")
            .Filter("name", "")
            .Include("hasFeatures.DeviceInfo", "hasLocation")
            .Fields("Device", "name", "serialNumber");

        await context.Client.Devices.GetDevicesAsync(context.Partition, query).ToListAsync();

        var sent = Assert.Single(context.Emulator.Requests.Snapshot(), r => r.Path.EndsWith("/devices", StringComparison.Ordinal));
        Assert.Equal(
            "?filter[serialNumber]=Z%C3%BCrich%201%2C2%20%5Bx%5D&filter[name]=&include=hasFeatures.DeviceInfo,hasLocation&fields[Device]=name,serialNumber",
            sent.QueryString);
        Assert.Equal(query.ToQueryString(), sent.QueryString);
    }

    private static string Join(IDictionary<string, string> encoded) =>
        string.Concat(encoded.Select((pair, i) => (i == 0 ? "?" : "&") + pair.Key + "=" + pair.Value));
}
