namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

/// <summary>Response examples from the vendor documentation, verbatim.</summary>
internal static class DocExamples
{
    /// <summary>The response example of <c>GET twins/{twinID}</c> (shared/vendor-docs/autodesk-tandem-get-twin.txt).</summary>
    internal const string GetTwin = """
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

    /// <summary>The response example of <c>GET timeseries/models/{modelID}/streams/{elementID}</c> (APS blog "Tandem Data API – Reading Stream Data").</summary>
    internal const string StreamReadings = """
{
    "z:Dg": {
        "1716540287627": 21.15,
        "1716543887627": 20.69,
        "1716547487627": 21.98,
        "1716551087627": 21.18,
        "1716554687627": 22.93,
        "1716558287627": 19.15,
        "1716561887627": 19.4,
        "1716565487627": 20.57,
        "1716569087627": 22.72,
        "1716572687627": 22.04
    }
}
""";

    /// <summary>The schema attribute example of the same article.</summary>
    internal const string SchemaAttribute = """
{
    "id": "z:Dg",
    "fam": "z",
    "col": "Dg",
    "name": "Temperature",
    "category": "Higher Education",
    "dataType": 3,
    "flags": 20,
    "forgeUnit": "celsius",
    "forgeSymbol": "degreeC",
    "forgeSpec": "piping.temperature",
    "context": "e"
}
""";
}
