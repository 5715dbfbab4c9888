using System.Globalization;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>One measured ratio with its target, printed as <c>RATIO name measured target op value PASS|FAIL</c>.</summary>
/// <param name="Name">Ratio name, e.g. <c>rest_get_time</c>.</param>
/// <param name="Measured">The measured value.</param>
/// <param name="Operator">Comparison of the target: <c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c> or <c>=</c>.</param>
/// <param name="Target">The target value.</param>
/// <param name="Detail">What was measured (printed after the verdict line as a comment).</param>
public sealed record RatioResult(string Name, double Measured, string Operator, double Target, string Detail)
{
    /// <summary>Gets a value indicating whether the measured value meets the target.</summary>
    public bool Pass => Operator switch
    {
        "<=" => Measured <= Target,
        ">=" => Measured >= Target,
        "<" => Measured < Target,
        "=" => Measured == Target,
        _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
    };

    /// <summary>Creates a failed result for a scenario that could not run.</summary>
    /// <param name="name">Ratio name.</param>
    /// <param name="op">Target operator.</param>
    /// <param name="target">Target value.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>A result that fails its target.</returns>
    public static RatioResult Failed(string name, string op, double target, Exception error) =>
        new(name, double.NaN, op, target, "error: " + error.GetType().Name + ": " + error.Message);

    /// <summary>Formats the verdict line.</summary>
    /// <returns><c>RATIO name measured target op value PASS|FAIL</c>.</returns>
    public string ToLine() =>
        string.Create(CultureInfo.InvariantCulture, $"RATIO {Name} {Format(Measured)} target {Operator} {Format(Target)} {(Pass ? "PASS" : "FAIL")}");

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : value == Math.Floor(value) && Math.Abs(value) < 1e9 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
