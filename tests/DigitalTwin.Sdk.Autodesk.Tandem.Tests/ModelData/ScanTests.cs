using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.ModelData;

public sealed class ScanTests
{
    [Fact]
    public void Serialize_ScanRequest_UsesDocumentedNamesAndOmitsUnset()
    {
        var request = new ScanRequest { Families = ["n", "z"], QualifiedColumns = ["c:v", "z:1Bw"], Keys = ["H_pwafaOSk2EClLjcqgo1ABb2Dg"], IncludeHistory = true };

        var json = JsonSerializer.Serialize(request, TandemJsonContext.Default.ScanRequest);
        var minimal = JsonSerializer.Serialize(new ScanRequest(), TandemJsonContext.Default.ScanRequest);

        Assert.Equal("""{"families":["n","z"],"qualifiedColumns":["c:v","z:1Bw"],"keys":["H_pwafaOSk2EClLjcqgo1ABb2Dg"],"includeHistory":true}""", json);
        Assert.Equal("""{"includeHistory":false}""", minimal);
    }

    [Fact]
    public void Parse_FirstEntryIsVersionRow_RestAreElements()
    {
        using var doc = JsonDocument.Parse("""[{"v":1},{"k":"AAA","n:n":"Door","n:c":-2000023},{"k":"BBB","z:5A":null}]""");

        var result = ScanResult.Parse(doc.RootElement);

        Assert.Equal(1, result.Version.GetProperty("v").GetInt32());
        Assert.Equal(["AAA", "BBB"], result.Rows.Select(r => r.Key));
        Assert.Equal("Door", result.Rows[0].GetString("n:n"));
        Assert.Equal("-2000023", result.Rows[0].GetString("n:c"));
        Assert.Null(result.Rows[1].GetString("z:5A"));
        Assert.Null(result.Rows[1].GetString("n:n"));
        Assert.DoesNotContain("k", result.Rows[0].Columns.Keys);
    }

    [Fact]
    public void Parse_HistoryColumns_YieldsTimestampValuePairs()
    {
        using var doc = JsonDocument.Parse("""[{"v":1},{"k":"AAA","z:5A":[1767052800000,"TAG-B",1764547200000,"TAG-A"]}]""");

        var row = ScanResult.Parse(doc.RootElement).Rows[0];
        var history = row.GetHistory("z:5A");

        Assert.Equal(2, history.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767052800000), history[0].Timestamp);
        Assert.Equal("TAG-B", history[0].Value.GetString());
        Assert.Equal("TAG-A", history[1].Value.GetString());
        Assert.Equal("TAG-B", row.GetString("z:5A"));
        Assert.Empty(row.GetHistory("n:n"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""[{"v":1},{"n:n":"no key"}]""")]
    [InlineData("""[{"v":1},"text"]""")]
    public void Parse_Malformed_ThrowsJsonException(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Throws<JsonException>(() => ScanResult.Parse(doc.RootElement));
    }

    [Fact]
    public void Deserialize_SchemaAttributeExample_ReadsEveryField()
    {
        var schema = JsonSerializer.Deserialize("{\"attributes\":[" + DocExamples.SchemaAttribute + "],\"hash\":\"h1\"}", TandemJsonContext.Default.ModelSchema)!;

        var attribute = Assert.Single(schema.Attributes);
        Assert.Equal("h1", schema.Hash);
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
    public void Serialize_HistoryRequest_WritesEpochMilliseconds()
    {
        var request = new HistoryRequest
        {
            Min = DateTimeOffset.FromUnixTimeMilliseconds(1000),
            Max = DateTimeOffset.FromUnixTimeMilliseconds(2000),
            Timestamps = [DateTimeOffset.FromUnixTimeMilliseconds(1500)],
            IncludeChanges = true,
        };

        var json = System.Text.Encoding.UTF8.GetString(HistoryRequestSerializer.Serialize(request));

        Assert.Equal("""{"min":1000,"max":2000,"timestamps":[1500],"includeChanges":true,"useFullTimestamps":true}""", json);
    }

    [Fact]
    public void Deserialize_HistoryEntries_ReadsShortNames()
    {
        var entries = JsonSerializer.Deserialize("""[{"t":1767052800000,"u":"U1","n":"Ann","d":"Element properties change","k":["AAA"]}]""", TandemJsonContext.Default.IReadOnlyListHistoryEntry)!;

        var entry = Assert.Single(entries);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767052800000), entry.Timestamp);
        Assert.Equal("U1", entry.UserId);
        Assert.Equal("Ann", entry.UserName);
        Assert.Equal("Element properties change", entry.Description);
        Assert.Equal(["AAA"], entry.Keys!);
    }
}
