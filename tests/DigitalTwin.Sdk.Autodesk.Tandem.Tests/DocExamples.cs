namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

/// <summary>Response examples from the vendor documentation, verbatim.</summary>
internal static class DocExamples
{
    /// <summary>The response example of <c>GET twins/{twinID}</c> (shared/vendor-docs/autodesk-tandem-get-twin.txt), verbatim; one copy, kept by the emulator that seeds it.</summary>
    internal static string GetTwin => DigitalTwin.Sdk.Testing.Tandem.TandemEmulator.DocumentedTwinJson;

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
