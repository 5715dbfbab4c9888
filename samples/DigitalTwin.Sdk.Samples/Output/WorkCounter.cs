using System.Globalization;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>
/// A progress bar over a count of real work items (pages, points, batches): determinate when the total is known up
/// front, otherwise indeterminate until <see cref="Complete"/>. The description shows the count so far.
/// </summary>
/// <remarks>Not thread-safe: advance it from the loop that does the work.</remarks>
internal sealed class WorkCounter
{
    private readonly ProgressTask _task;
    private readonly string _label;
    private readonly string _unit;
    private readonly long? _expected;
    private string? _detail;

    /// <summary>Adds a bar to <paramref name="context"/>.</summary>
    /// <param name="context">The running <see cref="ProgressDisplay"/>.</param>
    /// <param name="label">What is being done, plain text; keep label, count, unit and detail within about 40 characters.</param>
    /// <param name="unit">What is counted, plural (<c>points</c>), or empty when the label says it.</param>
    /// <param name="expected">How many items the work will yield, or <see langword="null"/> when the service does not say.</param>
    public WorkCounter(ProgressContext context, string label, string unit, long? expected)
    {
        _label = Markup.Escape(label);
        _unit = Markup.Escape(unit);
        _expected = expected;
        _task = context.AddTask(Describe(), maxValue: Math.Max(1, expected ?? 1));
        _task.IsIndeterminate = expected is null;
    }

    /// <summary>Gets how many items were counted so far.</summary>
    public long Done { get; private set; }

    /// <summary>Counts <paramref name="count"/> more items.</summary>
    /// <param name="count">Items just done.</param>
    /// <param name="detail">Optional plain-text detail shown after the count (e.g. the page number).</param>
    public void Advance(long count, string? detail = null)
    {
        Done += count;
        _detail = detail is null ? _detail : Markup.Escape(detail);
        if (_expected is not null)
        {
            _task.Value = Math.Min(Done, _task.MaxValue);
        }

        _task.Description = Describe();
    }

    /// <summary>
    /// Stops the bar at the count reached: full when the expected total was reached, when there was none to reach, or
    /// (without an expected total) whatever the count.
    /// </summary>
    public void Complete()
    {
        var total = _expected ?? Done;
        _task.IsIndeterminate = false;
        _task.MaxValue = Math.Max(1, total);
        _task.Value = total == 0 ? _task.MaxValue : Math.Min(Done, total);
        _task.Description = Describe();
        _task.StopTask();
    }

    private string Describe()
    {
        var count = _expected is { } expected
            ? string.Create(CultureInfo.InvariantCulture, $"{Done:N0} / {expected:N0}")
            : Done.ToString("N0", CultureInfo.InvariantCulture);
        var text = _unit.Length == 0 ? $"{_label}: {count}" : $"{_label}: {count} {_unit}";
        return _detail is null ? text : $"{text} ({_detail})";
    }
}
