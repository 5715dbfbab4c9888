using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>The emulator's fixed catalogue of metrics, units and sensor types.</summary>
internal static class MetricCatalog
{
    public static readonly IReadOnlyDictionary<string, UnitDef> Units = new Dictionary<string, UnitDef>(StringComparer.Ordinal)
    {
        ["deg"] = new("deg", "degree", "°", 1, 0),
        ["rad"] = new("rad", "radian", "rad", Math.PI / 180, 0),
        ["m"] = new("m", "meter", "m", 1, 0),
        ["mm"] = new("mm", "millimeter", "mm", 1000, 0),
        ["in"] = new("in", "inch", "in", 39.37007874, 0),
        ["C"] = new("C", "celsius", "°C", 1, 0),
        ["K"] = new("K", "kelvin", "°K", 1, 273.15),
        ["F"] = new("F", "fahrenheit", "°F", 1.8, 32),
        ["Pa"] = new("Pa", "pascal", "Pa", 1, 0),
        ["kPa"] = new("kPa", "kilopascal", "kPa", 0.001, 0),
        ["psi"] = new("psi", "pound per square inch", "psi", 0.000145037738, 0),
        ["GENERIC"] = new("GENERIC", "generic", "GENERIC", 1, 0),
    };

    private static readonly string[] DisplacementParams = ["dt", "START_DATE", "END", "ZERO_DATE"];

    public static readonly IReadOnlyDictionary<string, MetricDef> Metrics = new Dictionary<string, MetricDef>(StringComparer.Ordinal)
    {
        ["ax"] = new("ax", "raw tilt X", "A X", "deg", "ax", [], ["deg", "rad"], 2, 0),
        ["ay"] = new("ay", "raw tilt Y", "A Y", "deg", "ay", [], ["deg", "rad"], 2, 0),
        ["dx"] = new("dx", "displacement X", "∆ X", "m", "∆x", DisplacementParams, ["m", "mm", "in"], 0.01, 0),
        ["dy"] = new("dy", "displacement Y", "∆ Y", "m", "∆y", DisplacementParams, ["m", "mm", "in"], 0.01, 0),
        ["T"] = new("T", "temperature", "Temperature", "C", "T", [], ["C", "K", "F"], 5, 18),
        ["dT"] = new("dT", "delta temperature", "∆ Temperature", "C", "∆T", ["dt", "START_DATE", "ZERO_DATE"], ["C"], 1, 0),
        ["P_raw"] = new("P_raw", "raw pressure", "Raw Pressure", "Pa", "P_raw", [], ["Pa", "kPa", "psi"], 500, 101325),
    };

    /// <summary>Sensor type → (raw metrics, all metrics).</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Raw, string[] All)> SensorTypes = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
    {
        ["TILT_BIAXIAL_DGSI"] = (["ax", "ay", "T"], ["ax", "ay", "dx", "dy", "T"]),
        ["DYNAMIC"] = (["P_raw", "T"], ["dT", "T", "P_raw"]),
    };

    public static JsonObject MetricJson(MetricDef metric)
    {
        var parameters = new JsonArray();
        foreach (var p in metric.Params)
        {
            parameters.Add(new JsonObject { ["id"] = p, ["mandatory"] = false });
        }

        return new JsonObject
        {
            ["id"] = metric.Id,
            ["name"] = metric.Name,
            ["displayName"] = metric.DisplayName,
            ["defaultUnit"] = metric.DefaultUnit,
            ["notation"] = metric.Notation,
            ["hidden"] = false,
            ["params"] = parameters,
        };
    }

    public static JsonObject UnitJson(UnitDef unit) =>
        new() { ["id"] = unit.Id, ["name"] = unit.Name, ["notation"] = unit.Notation };

    /// <summary>A custom metric of a generic sensor (from UNKNOWN_METRICS or uploads): one generic unit.</summary>
    public static MetricDef Custom(string id, string unit) => new(id, id, id, unit, id, [], [unit], 1, 0);
}

/// <summary>A unit: value = base × <paramref name="Factor"/> + <paramref name="Offset"/> relative to the metric's default unit.</summary>
internal sealed record UnitDef(string Id, string Name, string Notation, double Factor, double Offset);

/// <summary>A metric with its calculation parameters, units and the shape of its generated series.</summary>
internal sealed record MetricDef(string Id, string Name, string DisplayName, string DefaultUnit, string Notation, string[] Params, string[] Units, double Amplitude, double Offset);
