using System.Globalization;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>How the THREAD edge scenario shows what the client returned.</summary>
/// <param name="port">The port the scenario reads.</param>
internal sealed class ThreadEdgeView(int port)
{
    /// <summary>Shows the settings <c>--write</c> changed.</summary>
    public void ShowWritten() =>
        AnsiConsole.MarkupLineInterpolated($"--write: battery saver 20-80 %, port {port} at 12 V, 19200 baud, records end in 0D0A.");

    /// <summary>Says that settings change only with <c>--write</c>.</summary>
    public void ShowReadOnly() =>
        AnsiConsole.MarkupLineInterpolated($"Read-only run: pass --write to set the battery saver and port {port}'s voltage and configuration.");

    /// <summary>Runs each register read under a progress bar, in order.</summary>
    /// <param name="registers">Each register's name and its read, which returns the value as text.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Each register's name and value, for <see cref="ShowRegisters"/>.</returns>
    public async Task<IReadOnlyList<(string Name, string Value)>> ReadRegistersAsync(
        IReadOnlyList<(string Name, Func<CancellationToken, Task<string>> Read)> registers, CancellationToken cancellationToken)
    {
        var values = new List<(string Name, string Value)>();
        await ProgressDisplay.RunAsync(async progress =>
        {
            var counter = new WorkCounter(progress, "Device registers", "", registers.Count);
            foreach (var (name, read) in registers)
            {
                values.Add((name, await read(cancellationToken)));
                counter.Advance(1);
            }

            counter.Complete();
        });
        return values;
    }

    /// <summary>Counts records under a progress bar while <paramref name="read"/> reads them.</summary>
    /// <param name="poll">Whether the records are polled with <c>READ</c> (or only listened to).</param>
    /// <param name="wanted">How many records are wanted.</param>
    /// <param name="read">Reads the records, passing each to the callback it is given.</param>
    /// <returns>The records, in the order they came.</returns>
    public async Task<IReadOnlyList<string>> CountRecordsAsync(bool poll, int wanted, Func<Action<string>, Task> read)
    {
        var records = new List<string>();
        await ProgressDisplay.RunAsync(async progress =>
        {
            var counter = new WorkCounter(progress, poll ? $"Port {port} READ polls" : $"Port {port} listening", "records", wanted);
            try
            {
                await read(record =>
                {
                    records.Add(record);
                    counter.Advance(1);
                });
            }
            finally
            {
                counter.Complete();
            }
        });
        return records;
    }

    /// <summary>Shows the register values in a table.</summary>
    /// <param name="registers">What <see cref="ReadRegistersAsync"/> returned.</param>
    public void ShowRegisters(IReadOnlyList<(string Name, string Value)> registers)
    {
        var table = new ResultTable("Reading", "Value");
        foreach (var (name, value) in registers)
        {
            table.AddRow(name, value);
        }

        table.Show();
    }

    /// <summary>
    /// Shows the records: per numeric field of <c>key=value,key=value</c> records count, min, mean and max (other records
    /// are counted only), then how many came and the last.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="complete"><see langword="false"/> when the listening window closed before every record came.</param>
    public void ShowRecords(IReadOnlyList<string> records, bool complete)
    {
        if (!complete)
        {
            AnsiConsole.MarkupLine("No more records within the listening window.");
        }

        var fields = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var pair in record.Split(','))
            {
                var parts = pair.Split('=', 2);
                if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    (fields.TryGetValue(parts[0], out var values) ? values : fields[parts[0]] = []).Add(value);
                }
            }
        }

        var table = new ResultTable("Field", "Records", "Min", "Mean", "Max");
        foreach (var (name, values) in fields)
        {
            table.AddRow(
                name,
                values.Count.ToString(CultureInfo.InvariantCulture),
                values.Min().ToString("0.##", CultureInfo.InvariantCulture),
                values.Average().ToString("0.##", CultureInfo.InvariantCulture),
                values.Max().ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (fields.Count == 0)
        {
            table.AddRow("(unparsed)", records.Count.ToString(CultureInfo.InvariantCulture), "-", "-", "-");
        }

        table.Show();
        if (records.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"Records read from port {port}: [green]{records.Count}[/], last [green]{records[^1]}[/].");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Records read from port {port}: [green]{records.Count}[/].");
        }
    }

    /// <summary>Shows what the embedded emulator saw.</summary>
    /// <param name="emulator">The emulator.</param>
    public void ShowEmulator(ThreadEdgeEmulator emulator) =>
        AnsiConsole.MarkupLineInterpolated(
            $"The emulator saw {emulator.Requests.Count} requests; port {port} is {emulator.Port(port).ToString()}; its sensor emitted {emulator.Sensor.Readings} readings.");
}
