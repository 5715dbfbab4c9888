using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>One growth measurement drawn as a curve: a value measured in the run at several work sizes.</summary>
/// <param name="Name">Ratio the curve belongs to, e.g. <c>paging_heap_growth</c>.</param>
/// <param name="XLabel">What the work size counts.</param>
/// <param name="Sizes">Work sizes, ascending.</param>
/// <param name="Values">The measured value at each size.</param>
/// <param name="YLabel">What the value is, with its unit.</param>
public sealed record GrowthCurve(string Name, string XLabel, IReadOnlyList<long> Sizes, IReadOnlyList<double> Values, string YLabel = "peak live heap (MiB)");

/// <summary>
/// The chart of a run (<c>docs/images/performance.png</c> under the repository root): every ratio measured in this
/// process as a bar of its budget used (1 = exactly on target; at or under 1 passes, whatever the ratio's direction),
/// and below it every growth curve recorded in the run. Areas that did not run are not drawn.
/// </summary>
public static class PerformanceChart
{
    private const int Width = 1800;
    private const int BarsHeight = 720;
    private const int CurveHeight = 480;
    private const double Cap = 2.0;
    private static readonly Lock Gate = new();
    private static readonly List<RatioResult> Results = [];
    private static readonly List<GrowthCurve> Curves = [];

    /// <summary>Records a ratio measured in this process.</summary>
    /// <param name="result">The result.</param>
    public static void Record(RatioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (Gate)
        {
            Results.Add(result);
        }
    }

    /// <summary>Records a growth curve measured in this process.</summary>
    /// <param name="curve">The curve.</param>
    public static void RecordCurve(GrowthCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        lock (Gate)
        {
            Curves.Add(curve);
        }
    }

    /// <summary>Draws what this process recorded to <c>docs/images/performance.png</c> and prints where.</summary>
    /// <returns>The file written, or <see langword="null"/> when nothing was recorded or no repository root was found.</returns>
    public static string? WriteRecorded()
    {
        RatioResult[] results;
        GrowthCurve[] curves;
        lock (Gate)
        {
            (results, curves) = ([.. Results], [.. Curves]);
        }

        if (results.Length == 0 && curves.Length == 0)
        {
            return null;
        }

        var root = FindRepositoryRoot();
        if (root is null)
        {
            Console.WriteLine("# chart: not written (no DigitalTwin.Sdk.sln above the working directory or the program)");
            return null;
        }

        var path = Path.Combine(root, "docs", "images", "performance.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.WriteAllBytes(path, Render(results, curves));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException)
        {
            Console.WriteLine($"# chart: not written ({ex.GetType().Name}: {ex.Message})");
            return null;
        }

        Console.WriteLine($"# chart: {Path.GetRelativePath(root, path)} ({results.Length} ratios, {curves.Length} growth curves)");
        return path;
    }

    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="results">Ratios, drawn as bars of budget used.</param>
    /// <param name="curves">Growth curves, drawn as lines below the bars.</param>
    /// <returns>The PNG.</returns>
    public static byte[] Render(IReadOnlyList<RatioResult> results, IReadOnlyList<GrowthCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(curves);
        var perRow = Math.Min(Math.Max(curves.Count, 1), 3);
        var curveRows = (curves.Count + perRow - 1) / perRow;
        var barsHeight = results.Count > 0 ? BarsHeight : 0;
        using var surface = SKSurface.Create(new SKImageInfo(Width, barsHeight + (curveRows * CurveHeight)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (results.Count > 0)
        {
            Draw(canvas, BarsPlot(results), 0, 0, Width, BarsHeight);
        }

        for (var i = 0; i < curves.Count; i++)
        {
            var width = Width / perRow;
            Draw(canvas, CurvePlot(curves[i]), (i % perRow) * width, barsHeight + ((i / perRow) * CurveHeight), width, CurveHeight);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Budget used: measured over target for an upper bound, target over measured for a lower bound.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The share of the budget used (at most 1 passes), capped for drawing.</returns>
    public static double BudgetUsed(RatioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double used = result.Operator switch
        {
            _ when double.IsNaN(result.Measured) => Cap,
            "<=" or "<" when result.Target > 0 => result.Measured / result.Target,
            "<=" or "<" or "=" when result.Target == 0 => result.Measured == 0 ? 0 : Cap,
            ">=" when result.Measured > 0 => result.Target / result.Measured,
            "=" => result.Pass ? 1 : Cap,
            _ => Cap,
        };
        return Math.Min(used, Cap);
    }

    private static void Draw(SKCanvas canvas, Plot plot, int x, int y, int width, int height)
    {
        var png = plot.GetImage(width, height).GetImageBytes();
        using var image = SKImage.FromEncodedData(png);
        canvas.DrawImage(image, x, y, new SKSamplingOptions(SKFilterMode.Linear), null);
    }

    private static Plot BarsPlot(IReadOnlyList<RatioResult> results)
    {
        var plot = new Plot();
        var bars = results.Select((r, i) => new Bar
        {
            Position = i,
            Value = BudgetUsed(r),
            FillColor = r.Pass ? Colors.SeaGreen : Colors.Crimson,
            Label = Format(r.Measured) + " " + r.Operator + " " + Format(r.Target),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        var target = plot.Add.HorizontalLine(1);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Black;
        target.LineWidth = 1.5f;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, results.Count).Select(i => (double)i)], [.. results.Select(r => r.Name)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 190;
        plot.Axes.SetLimits(-0.6, results.Count - 0.4, 0, Cap * 1.08);
        plot.Title($"Ratios against their targets: budget used (measured ÷ target for ≤, target ÷ measured for ≥; ≤ 1 passes; capped at {Cap:0})");
        plot.Axes.Left.Label.Text = "budget used";
        return plot;
    }

    private static Plot CurvePlot(GrowthCurve curve)
    {
        var plot = new Plot();
        double[] xs = [.. curve.Sizes.Select(s => Math.Log10(s))];
        double[] ys = [.. curve.Values];
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 9;
        line.Color = Colors.SteelBlue;
        var start = plot.Add.HorizontalLine(ys[0]);
        start.LinePattern = LinePattern.Dotted;
        start.Color = Colors.Gray;
        plot.Axes.Bottom.SetTicks(xs, [.. curve.Sizes.Select(s => ScaleHeapRatios.Size(s))]);
        var top = ys.Max();
        plot.Axes.SetLimits(xs[0] - 0.3, xs[^1] + 0.3, 0, top <= 0 ? 1 : top * 1.3);
        plot.Title(curve.Name);
        plot.Axes.Bottom.Label.Text = curve.XLabel + " (log scale)";
        plot.Axes.Left.Label.Text = curve.YLabel;
        return plot;
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString(Math.Abs(value) >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
