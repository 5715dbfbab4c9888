using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.ModelData;

public sealed class ScanTests
{
    private const string KeyA = "H_pwafaOSk2EClLjcqgo1ABb2Dg";
    private const string KeyB = "H_pwafaOSk2EClLjcqgo1ABb16o";

    [Fact]
    public void Serialize_ScanRequest_UsesDocumentedNamesAndSkipArraysByDefault()
    {
        var request = new ScanRequest { Families = ["n", "z"], QualifiedColumns = ["c:v", "z:1Bw"], Keys = [ElementKey.Parse(KeyA)], IncludeHistory = true };

        var json = JsonSerializer.Serialize(request, TandemJsonContext.Default.ScanRequest);
        var minimal = JsonSerializer.Serialize(new ScanRequest(), TandemJsonContext.Default.ScanRequest);

        Assert.Equal("""{"families":["n","z"],"qualifiedColumns":["c:v","z:1Bw"],"keys":["H_pwafaOSk2EClLjcqgo1ABb2Dg"],"includeHistory":true,"skipArrays":true}""", json);
        Assert.Equal("""{"includeHistory":false,"skipArrays":true}""", minimal);
    }

    [Fact]
    public void Parse_FirstEntryIsVersionRow_RestAreElements()
    {
        using var doc = JsonDocument.Parse($$"""[{"v":1},{"k":"{{KeyA}}","n:n":"Door","n:c":-2000023,"n:a":16777219},{"k":"{{KeyB}}","z:5A":null}]""");

        var result = ScanResult.Parse(doc.RootElement);

        Assert.Equal(1, result.Version.GetProperty("v").GetInt32());
        Assert.Equal([KeyA, KeyB], result.Rows.Select(r => r.Key.ToString()));
        Assert.Equal("Door", result.Rows[0].GetString("n:n"));
        Assert.Equal("-2000023", result.Rows[0].GetString("n:c"));
        Assert.Equal(ElementFlags.Stream, result.Rows[0].Flags);
        Assert.Equal("AQAAAB_6cGn2jkpNhApS43KoKNQAW9g4", result.Rows[0].GetFullKey().ToString());
        Assert.Null(result.Rows[1].Flags);
        Assert.Throws<InvalidOperationException>(() => result.Rows[1].GetFullKey());
        Assert.Null(result.Rows[1].GetString("z:5A"));
        Assert.Null(result.Rows[1].GetString("n:n"));
        Assert.DoesNotContain("k", result.Rows[0].Columns.Keys);
    }

    [Fact]
    public void Parse_WrappedValuesWithoutSkipArrays_AreUnwrapped()
    {
        using var doc = JsonDocument.Parse($$"""[{"v":1},{"k":"{{KeyA}}","n:n":["Door"],"n:c":[-2000023],"n:a":[0]}]""");

        var row = ScanResult.Parse(doc.RootElement).Rows[0];

        Assert.Equal("Door", row.GetString("n:n"));
        Assert.Equal("-2000023", row.GetString("n:c"));
        Assert.Equal(ElementFlags.SimpleElement, row.Flags);
    }

    [Fact]
    public void Parse_HistoryColumns_AreValueFirstPairs()
    {
        using var doc = JsonDocument.Parse($$"""[{"v":1},{"k":"{{KeyA}}","z:5A":["TAG-B",1767052800000,"TAG-A",1764547200000]}]""");

        var row = ScanResult.Parse(doc.RootElement, includeHistory: true).Rows[0];
        var history = row.GetHistory("z:5A");

        Assert.Equal(2, history.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767052800000), history[0].Timestamp);
        Assert.Equal("TAG-B", history[0].Value.GetString());
        Assert.Equal("TAG-A", history[1].Value.GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764547200000), history[1].Timestamp);
        Assert.Equal("TAG-B", row.GetString("z:5A"));
        Assert.Empty(row.GetHistory("n:n"));
    }

    [Fact]
    public void GetString_HistoryOldestFirst_ReturnsNewestValue()
    {
        using var doc = JsonDocument.Parse($$"""[{"v":1},{"k":"{{KeyA}}","z:5A":["TAG-A",1764547200000,"TAG-B",1767052800000]}]""");

        Assert.Equal("TAG-B", ScanResult.Parse(doc.RootElement, includeHistory: true).Rows[0].GetString("z:5A"));
    }

    [Theory]
    [InlineData("""["TAG-B"]""")]
    [InlineData("""[1767052800000,"TAG-B"]""")]
    [InlineData("\"TAG-B\"")]
    public void Parse_HistoryColumnNotValueTimestampPairs_ThrowsJsonException(string column)
    {
        using var doc = JsonDocument.Parse($$"""[{"v":1},{"k":"{{KeyA}}","z:5A":{{column}}}]""");

        Assert.Throws<JsonException>(() => ScanResult.Parse(doc.RootElement, includeHistory: true));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""[{"v":1},{"n:n":"no key"}]""")]
    [InlineData("""[{"v":1},{"k":"AAA"}]""")]
    [InlineData("""[{"v":1},"text"]""")]
    public void Parse_Malformed_ThrowsJsonException(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Throws<JsonException>(() => ScanResult.Parse(doc.RootElement));
    }

    [Fact]
    public void Deserialize_SchemaAttributeExample_ReadsEveryField()
    {
        var schema = JsonSerializer.Deserialize("{\"attributes\":[" + DocExamples.SchemaAttribute + "],\"version\":\"2\"}", TandemJsonContext.Default.ModelSchema)!;
        var numbered = JsonSerializer.Deserialize("{\"attributes\":[],\"version\":2}", TandemJsonContext.Default.ModelSchema)!;

        var attribute = Assert.Single(schema.Attributes);
        Assert.Equal("2", schema.Version);
        Assert.Equal("2", numbered.Version);
        Assert.Same(attribute, schema.FindById("z:Dg"));
        Assert.Equal("z:Dg", attribute.Id);
        Assert.Equal("z", attribute.Family);
        Assert.Equal("Dg", attribute.Column);
        Assert.Equal("Temperature", attribute.Name);
        Assert.Equal("Higher Education", attribute.Category);
        Assert.Equal(3, attribute.DataType);
        Assert.Equal(20, attribute.Flags);
        Assert.Equal("celsius", attribute.ForgeUnit);
        Assert.Equal("degreeC", attribute.ForgeSymbol);
        Assert.Equal("piping.temperature", attribute.ForgeSpec);
        Assert.Equal("e", attribute.Context);
        Assert.Same(attribute, schema.FindByName("temperature"));
    }

    [Fact]
    public void Serialize_HistoryRequest_WritesEpochMillisecondsAndUseFullKeys()
    {
        var request = new HistoryRequest
        {
            Min = DateTimeOffset.FromUnixTimeMilliseconds(1000),
            Max = DateTimeOffset.FromUnixTimeMilliseconds(2000),
            Timestamps = [DateTimeOffset.FromUnixTimeMilliseconds(1500)],
            IncludeChanges = true,
            UseFullKeys = true,
            Limit = 10,
            TypeFilter = "mutate",
        };

        var json = System.Text.Encoding.UTF8.GetString(HistoryRequestSerializer.Serialize(request));
        var minimal = System.Text.Encoding.UTF8.GetString(HistoryRequestSerializer.Serialize(new HistoryRequest()));

        Assert.Equal("""{"min":1000,"max":2000,"timestamps":[1500],"limit":10,"typeFilter":"mutate","includeChanges":true,"useFullKeys":true}""", json);
        Assert.Equal("""{"includeChanges":false,"useFullKeys":false}""", minimal);
        Assert.DoesNotContain("useFullTimestamps", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HistoryEntries_ReadsTutorialFieldNames()
    {
        var entries = JsonSerializer.Deserialize($$"""[{"t":1767052800000,"n":"Ann","d":"Element properties change","o":"mutate","c":"app-1","i":"corr-1","k":["{{KeyA}}"],"u":"extra"}]""", TandemJsonContext.Default.IReadOnlyListHistoryEntry)!;

        var entry = Assert.Single(entries);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767052800000), entry.Timestamp);
        Assert.Equal("Ann", entry.UserName);
        Assert.Equal("Element properties change", entry.Description);
        Assert.Equal("mutate", entry.Operation);
        Assert.Equal("app-1", entry.ClientId);
        Assert.Equal("corr-1", entry.CorrelationId);
        Assert.Equal([ElementKey.Parse(KeyA)], entry.Keys!);
        Assert.Equal("extra", entry.AdditionalProperties["u"].GetString());
    }
}
