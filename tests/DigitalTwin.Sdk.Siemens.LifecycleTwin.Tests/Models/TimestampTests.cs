using System.Text.Json;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

/// <summary>How model timestamps are read (machine-independent) and written back (the service's own forms).</summary>
public class TimestampTests
{
    [Theory]
    [InlineData("2022-10-18T14:32:17.023Z", "2022-10-18T14:32:17.023Z")]
    [InlineData("2022-10-18T16:32:17.023+02:00", "2022-10-18T14:32:17.023Z")]
    [InlineData("2022-10-18T09:32:17.023-05:00", "2022-10-18T14:32:17.023Z")]
    [InlineData("2022-10-18T14:32:17.023", "2022-10-18T14:32:17.023Z")]
    [InlineData("2022-10-18T14:32:17", "2022-10-18T14:32:17Z")]
    [InlineData("2022-10-18", "2022-10-18T00:00:00Z")]
    [InlineData("2022-10-18T14:32:17.1234567Z", "2022-10-18T14:32:17.1234567Z")]
    public void UtcField_ReadsAnyIsoFormAndWritesZulu(string input, string written)
    {
        var asset = JsonSerializer.Deserialize($"{{\"CreatedOn\":\"{input}\",\"InstallationDate\":\"{input}\"}}", LifecycleTwinJsonContext.Default.Asset)!;

        Assert.Equal(DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture), asset.CreatedOn);
        Assert.Equal(
            $"{{\"InstallationDate\":\"{written}\",\"CreatedOn\":\"{written}\"}}",
            JsonSerializer.Serialize(asset, LifecycleTwinJsonContext.Default.Asset));
    }

    [Theory]
    [InlineData("2022-10-18T14:32:17.023+00:00", "2022-10-18T14:32:17.023+00:00", 0)]
    [InlineData("2022-10-18T16:32:17.023+02:00", "2022-10-18T16:32:17.023+02:00", 120)]
    [InlineData("2022-10-18T09:32:17-05:00", "2022-10-18T09:32:17-05:00", -300)]
    [InlineData("2022-10-18T14:32:17.023Z", "2022-10-18T14:32:17.023+00:00", 0)]
    [InlineData("2022-10-18T14:32:17.5", "2022-10-18T14:32:17.5+00:00", 0)]
    public void LocalField_KeepsOffsetAndWritesIt(string input, string written, int offsetMinutes)
    {
        var site = JsonSerializer.Deserialize($"{{\"CreatedOnLocal\":\"{input}\"}}", LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), site.CreatedOnLocal!.Value.Offset);
        Assert.Equal($"{{\"CreatedOnLocal\":\"{written}\"}}", JsonSerializer.Serialize(site, LifecycleTwinJsonContext.Default.Site));
    }

    [Fact]
    public void OffsetlessTimestamp_DoesNotDependOnTheMachineTimeZone()
    {
        var site = JsonSerializer.Deserialize("{\"ModifiedOnLocal\":\"2022-06-01T12:00:00\"}", LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal(new DateTimeOffset(2022, 6, 1, 12, 0, 0, TimeSpan.Zero), site.ModifiedOnLocal);
        Assert.Equal(TimeSpan.Zero, site.ModifiedOnLocal!.Value.Offset);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"18/10/2022\"")]
    [InlineData("\"2022-10-18T14:32:17z\"")]
    [InlineData("1666103537")]
    [InlineData("true")]
    public void InvalidTimestamp_ThrowsJsonException(string value)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($"{{\"CreatedOn\":{value}}}", LifecycleTwinJsonContext.Default.Document));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($"{{\"CreatedOnLocal\":{value}}}", LifecycleTwinJsonContext.Default.Site));
    }

    [Fact]
    public void NullTimestamp_IsNull()
    {
        var document = JsonSerializer.Deserialize("{\"CreatedOn\":null}", LifecycleTwinJsonContext.Default.Document)!;

        Assert.Null(document.CreatedOn);
        Assert.Equal(new Document(), document);
    }
}
