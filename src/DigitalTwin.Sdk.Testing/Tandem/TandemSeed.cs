using System.Globalization;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <summary>The deterministic data set a <see cref="TandemEmulator"/> serves.</summary>
internal sealed class TandemSeed
{
    /// <summary>The response example of <c>GET twins/{twinID}</c> in the vendor doc, verbatim.</summary>
    internal const string DocTwinJson = """
{
"links": [
{
"disciplines": null,
"label": "R21 Mill Building - Elec.rvt",
"main": false,
"modelId": "urn:adsk.dtm:fTIXhuewSxuROOMTHC5yUQ",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "R21 Mill Building - Mech.rvt",
"main": false,
"modelId": "urn:adsk.dtm:mNn_ajmuR96t-hIQLa47eQ",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "R21 Mill Building - Arch.rvt",
"main": true,
"modelId": "urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg",
"on": true,
"accessLevel": "Owner"
},
{
"disciplines": null,
"label": "",
"main": false,
"modelId": "urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw",
"on": true,
"accessLevel": "Owner"
}
],
"docs": [
{
"id": "urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/e2e63534-4263-4e91-a2b8-6f6418c2c6ef/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w/content?lastupdated=1654016445",
"name": "schlage_warranty.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:Rog3z9MoRmuf80HmcKXWoA",
"accVersion": "urn:adsk.wipprod:fs.file:vf.Rog3z9MoRmuf80HmcKXWoA?version=1"
},
{
"id": "urn:adsk.dtd:HlsYAql5TmSnIzLD4t_3Og",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/1e5b1802-a979-4e64-a723-32c3e2dff73a/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:HlsYAql5TmSnIzLD4t_3Og/content?lastupdated=1654016445",
"name": "301-1070D_KS_8013D-1160.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:BZjAcVQHQKCnAXWWRLXfYQ",
"accVersion": "urn:adsk.wipprod:fs.file:vf.BZjAcVQHQKCnAXWWRLXfYQ?version=1"
},
{
"id": "urn:adsk.dtd:RmcWEt7FTaSCYGkmw8qR2g",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/46671612-dec5-4da4-8260-6926c3ca91da/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:RmcWEt7FTaSCYGkmw8qR2g/content?lastupdated=1654016445",
"name": "300-1.3_KS-SKS_Catalog.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:VQKP5jA0QLaCVWhfZj3GVw",
"accVersion": "urn:adsk.wipprod:fs.file:vf.VQKP5jA0QLaCVWhfZj3GVw?version=1"
},
{
"id": "urn:adsk.dtd:oTu7dvOTT36Qj968fpe20Q",
"contentType": "application/pdf",
"s3Path": "d5eZt_XtRzqUHT93-vNZxw/a13bbb76-f393-4f7e-908f-debc7e97b6d1/v0",
"lastUpdated": "2022-05-31T17:00:45Z",
"signedLink": "https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:oTu7dvOTT36Qj968fpe20Q/content?lastupdated=1654016445",
"name": "Brochure - Fleet&Network.pdf",
"accProjectId": "b.510b9020-0be4-4a1e-abae-8da3e438955d",
"accAccountId": "b.485ec674-e1cf-48cf-9aff-022376591171",
"accLineage": "urn:adsk.wipprod:dm.lineage:ZW_t7DbQR-O1w-KTOYeSEw",
"accVersion": "urn:adsk.wipprod:fs.file:vf.ZW_t7DbQR-O1w-KTOYeSEw?version=1"
}
],
"props": {
"Identity Data": {
"Address": "1 Market St #500, San Francisco, CA 94105",
"Building Name": "Mill",
"Owner": "Mr. X",
"Project Name": "Autodesk Samples"
},
"Other": {
"Project Number": ""
}
},
"dateCreated": "2022-05-24T23:45:09Z",
"boundByUpperFloor": false,
"skipRoomBounders": false,
"template": {
"uuid": "yxAF6Ja-St-Hz85F0A4pGA",
"name": "Uniclass - ExternalIDs",
"description": "Used to test Maximo and other integrations",
"classificationId": "uniclass",
"psetIds": [
"yxAF6Ja-St-Hz85F0A4pGA"
]
},
"accessLevel": "Owner",
"accountGroup": "urn:adsk.dtg:ysqziKwTSCejQaUVfqj32Q",
"accountType": "free",
"dateModified": "2023-07-26T07:46:43Z",
"etag": "1690357603997"
}
""";

    internal const string TwinId = "urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw";
    internal const string ForbiddenTwinId = "urn:adsk.dtt:Kq0m3vYxT2uN7fPZc1aHbw";
    internal const string GroupId = "urn:adsk.dtg:ysqziKwTSCejQaUVfqj32Q";
    internal const string UserId = "EMULATORUSER01";
    internal const string UserName = "Emulator User";
    internal const string ClientAppId = "EmulatorClientApp";

    private static readonly long BaseTimestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private TandemSeed()
    {
    }

    internal JsonObject Twin { get; private init; } = [];

    internal JsonObject ForbiddenTwin { get; private init; } = [];

    internal IReadOnlyList<string> ModelIds { get; private init; } = [];

    internal string DefaultModelId { get; private init; } = string.Empty;

    internal Dictionary<string, List<SeedElement>> Elements { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<JsonObject>> History { get; } = new(StringComparer.Ordinal);

    internal List<SeedAttribute> Attributes { get; } = [];

    internal List<string> StreamKeys { get; } = [];

    /// <summary>Readings by stream key, then property id, then epoch milliseconds.</summary>
    internal Dictionary<string, Dictionary<string, SortedDictionary<long, double>>> Readings { get; } = new(StringComparer.Ordinal);

    internal JsonArray Views { get; private init; } = [];

    internal static TandemSeed Create(int seed, Uri? signedLinkBase, int additionalElements = 0)
    {
        var twin = JsonNode.Parse(DocTwinJson)!.AsObject();
        if (signedLinkBase is not null)
        {
            foreach (var doc in twin["docs"]!.AsArray())
            {
                var docId = (string)doc!["id"]!;
                doc["signedLink"] = new Uri(signedLinkBase, $"api/v1/twins/{TwinId}/documents/{docId}/content?lastupdated=1654016445").ToString();
            }
        }

        var modelIds = twin["links"]!.AsArray().Select(l => (string)l!["modelId"]!).ToList();
        var forbidden = new JsonObject
        {
            ["links"] = new JsonArray(),
            ["docs"] = new JsonArray(),
            ["props"] = new JsonObject { ["Identity Data"] = new JsonObject { ["Building Name"] = "Restricted" } },
            ["accessLevel"] = 0,
            ["accountGroup"] = "urn:adsk.dtg:Other_group_000000000000",
            ["accountType"] = "free",
            ["dateCreated"] = "2023-01-01T00:00:00Z",
            ["dateModified"] = "2023-01-01T00:00:00Z",
            ["etag"] = "1672531200000",
        };

        var result = new TandemSeed
        {
            Twin = twin,
            ForbiddenTwin = forbidden,
            ModelIds = modelIds,
            DefaultModelId = "urn:adsk.dtm:" + TwinId["urn:adsk.dtt:".Length..],
            Views = new JsonArray
            {
                // The fields autodesk-tandem/tutorial-rest views/ reads and writes (viewName, label, author, createTime, version, ...).
                new JsonObject { ["id"] = "view-home", ["viewName"] = "Home", ["label"] = "", ["author"] = UserId, ["createTime"] = "2022-05-25T10:00:00.000Z", ["version"] = 2, ["camera"] = new JsonObject { ["isPerspective"] = true }, ["facets"] = new JsonObject { ["filters"] = new JsonObject { ["models"] = new JsonArray(modelIds.Select(m => (JsonNode?)m).ToArray()) } } },
                new JsonObject { ["id"] = "view-level-1", ["viewName"] = "Level 1", ["label"] = "LEVELS", ["author"] = UserId, ["createTime"] = "2022-06-01T08:30:00.000Z", ["version"] = 2, ["facets"] = new JsonObject { ["filters"] = new JsonObject { ["levels"] = new JsonArray("Level 1") } } },
            },
        };

        result.Attributes.AddRange(
        [
            new SeedAttribute("n", "n", "Name", "Common", 20),
            new SeedAttribute("n", "c", "Category Id", "Common", 2),
            new SeedAttribute("n", "a", "Element Flags", "Common", 2),
            new SeedAttribute("l", "l", "Level", "References", 30),
            new SeedAttribute("z", "5A", "Asset Tag", "Identity Data", 20),
            new SeedAttribute("z", "Dg", "Temperature", "Higher Education", 3),
            new SeedAttribute("z", "Hm", "Humidity", "Higher Education", 3),
        ]);

        var random = new Random(seed);
        foreach (var modelId in modelIds)
        {
            var isDefault = modelId == result.DefaultModelId;
            var count = isDefault ? 3 : 4;
            var elements = new List<SeedElement>();
            var history = new List<JsonObject>();
            var created = BaseTimestamp - 86_400_000L * 30;
            var changed = BaseTimestamp - 86_400_000L * 2;
            for (var i = 0; i < count; i++)
            {
                var key = NewKey(random);
                var element = new SeedElement(key);
                var name = isDefault ? $"Room {101 + i} Sensor" : $"Element {i + 1}";
                element.Set("n:n", created, name);
                element.Set("n:c", created, isDefault ? -2008000 : -2001000 - i);

                // Element flags (tutorial-rest constants.js ElementFlags): the default model's elements are streams.
                element.Set("n:a", created, isDefault ? 0x01000003 : 0x00000000);
                if (!isDefault)
                {
                    element.Set("z:5A", created, $"TAG-{i + 1:000}");
                    element.Set("z:5A", changed, $"TAG-{i + 1:000}-B");
                }

                elements.Add(element);
                if (isDefault)
                {
                    result.StreamKeys.Add(key);
                    var readings = new Dictionary<string, SortedDictionary<long, double>>(StringComparer.Ordinal)
                    {
                        ["z:Dg"] = [],
                        ["z:Hm"] = [],
                    };
                    for (var h = 0; h < 10; h++)
                    {
                        var ts = BaseTimestamp + (h * 3_600_000L);
                        readings["z:Dg"][ts] = Math.Round(19 + (random.NextDouble() * 4), 2);
                        readings["z:Hm"][ts] = Math.Round(35 + (random.NextDouble() * 20), 2);
                    }

                    result.Readings[key] = readings;
                }
            }

            for (var i = 0; !isDefault && i < additionalElements; i++)
            {
                var element = new SeedElement(NewKey(random));
                element.Set("n:n", created, $"Element {count + i + 1}");
                element.Set("n:c", created, -2001000);
                element.Set("n:a", created, 0x00000000);
                elements.Add(element);
            }

            history.Add(new JsonObject
            {
                ["t"] = created,
                ["n"] = UserName,
                ["d"] = "Model import",
                ["o"] = "bulk_import",
                ["c"] = ClientAppId,
                ["k"] = new JsonArray(elements.Select(e => (JsonNode?)e.Key).ToArray()),
            });
            if (!isDefault)
            {
                history.Add(new JsonObject
                {
                    ["t"] = changed,
                    ["n"] = UserName,
                    ["d"] = "Element properties change",
                    ["o"] = "mutate",
                    ["c"] = ClientAppId,
                    ["k"] = new JsonArray(elements.Select(e => (JsonNode?)e.Key).ToArray()),
                });
            }

            result.Elements[modelId] = elements;
            result.History[modelId] = history;
        }

        return result;
    }

    internal static string Timestamp(long epochMilliseconds) => epochMilliseconds.ToString(CultureInfo.InvariantCulture);

    private static string NewKey(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
