using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Testing.Tandem;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>How the Tandem scenario shows what the client returned.</summary>
internal sealed class TandemView
{
    /// <summary>Shows each group as read by URN, with how many twins it holds.</summary>
    /// <param name="groups">Each group's URN, the group read by it and its twin count.</param>
    public void ShowGroups(IReadOnlyList<(string Urn, TandemGroup Group, int Twins)> groups)
    {
        var table = new ResultTable("Group", "Access", "Twins", "Urn");
        foreach (var (urn, group, twins) in groups)
        {
            table.AddRow(group.Name, group.AccessLevel?.ToString(), twins.ToString(CultureInfo.InvariantCulture), urn);
        }

        table.Show();
    }

    /// <summary>Shows how many twins the caller can see.</summary>
    /// <param name="count">The number of twins.</param>
    public void ShowTwinCount(int count) => AnsiConsole.MarkupLineInterpolated($"The caller can see [green]{count}[/] twin(s).");

    /// <summary>Says that there is no twin to tour, so the scenario stops.</summary>
    public void ShowNoTwin() => AnsiConsole.MarkupLine("[yellow]The caller can see no twin: add the app to a facility (Users > Service) and run again.[/]");

    /// <summary>Shows the twin toured.</summary>
    /// <param name="twinId">The twin's URN.</param>
    /// <param name="twin">The twin.</param>
    /// <param name="exists">What HEAD said.</param>
    public void ShowTwin(TwinUrn twinId, TandemTwin twin, bool exists) =>
        AnsiConsole.MarkupLineInterpolated(
            $"Twin [green]{twin.GetProperty("Identity Data", "Building Name") ?? twinId.Value}[/] ({twinId.Value}), access [green]{twin.AccessLevel}[/], HEAD says {(exists ? "exists" : "missing")}, {twin.Links.Count} model(s), {twin.Docs.Count} document(s).");

    /// <summary>Shows each document with what its download came to.</summary>
    /// <param name="downloads">Each document with its size in bytes, or why it was not downloaded.</param>
    public void ShowDocuments(IReadOnlyList<(TwinDocument Document, long? Bytes, string? Refusal)> downloads)
    {
        var table = new ResultTable("Document", "Type", "Bytes", "Link origin");
        foreach (var (doc, bytes, refusal) in downloads)
        {
            var size = doc.SignedLink is null ? "no link"
                : refusal is not null ? "refused: " + refusal
                : bytes?.ToString("N0", CultureInfo.InvariantCulture);
            table.AddRow(doc.Name ?? doc.Id, doc.ContentType, size, doc.SignedLink?.GetLeftPart(UriPartial.Authority));
        }

        table.Show();
    }

    /// <summary>Shows the twin's saved views.</summary>
    /// <param name="views">The views.</param>
    public void ShowViews(IReadOnlyList<TwinView> views)
    {
        var table = new ResultTable("View", "Label", "Created", "Id");
        foreach (var view in views)
        {
            table.AddRow(view.ViewName, view.Label ?? "", view.CreateTime is { } created ? Stamp(created) : null, view.Id);
        }

        table.Show();
    }

    /// <summary>Scans each linked model under a progress bar (one step per model), then shows its element count.</summary>
    /// <param name="links">The twin's model links.</param>
    /// <param name="defaultModel">The twin's default model, named as such when its link has no label.</param>
    /// <param name="scan">Scans one model's rows.</param>
    /// <param name="cancellationToken">Cancels the scans.</param>
    /// <returns>A task that completes when every model was scanned and shown.</returns>
    public async Task ScanModelsAsync(
        IReadOnlyList<TwinModelLink> links, ModelUrn defaultModel, Func<ModelUrn, IAsyncEnumerable<ElementRow>> scan, CancellationToken cancellationToken)
    {
        var table = new ResultTable("Model", "Main", "Elements", "Id");
        await ProgressDisplay.RunAsync(async progress =>
        {
            var scanning = new WorkCounter(progress, "Model scan", "models", links.Count);
            long elements = 0;
            foreach (var link in links)
            {
                if (!ModelUrn.TryParse(link.ModelId, out var modelId))
                {
                    continue;
                }

                var rows = 0;
                await foreach (var _ in scan(modelId).WithCancellation(cancellationToken))
                {
                    rows++;
                }

                elements += rows;
                table.AddRow(
                    string.IsNullOrEmpty(link.Label) ? (modelId == defaultModel ? "(default model)" : null) : link.Label,
                    link.Main == true ? "yes" : "",
                    rows.ToString(CultureInfo.InvariantCulture),
                    modelId.Value);
                scanning.Advance(1, $"{elements} elements");
            }

            scanning.Complete();
        });

        table.Show();
    }

    /// <summary>Shows the size of the default model's schema and its newest change.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="history">The change history.</param>
    public void ShowSchemaAndHistory(ModelSchema schema, IReadOnlyList<HistoryEntry> history)
    {
        var newest = history.Count == 0 ? "." : $", the newest {Stamp(history.Max(h => h.Timestamp))} ({history.MaxBy(h => h.Timestamp)!.Description ?? "-"}).";
        AnsiConsole.MarkupLineInterpolated($"Default model: [green]{schema.Attributes.Count}[/] attribute(s) in its schema, [green]{history.Count}[/] change(s) in its history{newest}");
    }

    /// <summary>Shows how many streams the default model has.</summary>
    /// <param name="count">The number of streams.</param>
    public void ShowStreamCount(int count)
    {
        AnsiConsole.MarkupLineInterpolated($"Streams in the default model (n:a = 0x01000003): [green]{count}[/].");
        if (count == 0)
        {
            AnsiConsole.MarkupLine("The default model has no streams (elements flagged 0x01000003 in column n:a).");
        }
    }

    /// <summary>Shows each stream's last reading of every property.</summary>
    /// <param name="streams">The streams by full key, with their names.</param>
    /// <param name="last">The last readings by stream key.</param>
    public void ShowLastValues(IReadOnlyDictionary<ElementKey, string> streams, IReadOnlyDictionary<ElementKey, StreamReadings> last)
    {
        var table = new ResultTable("Stream", "Property", "Last reading", "Value");
        foreach (var (key, name) in streams)
        {
            foreach (var (property, values) in last.TryGetValue(key, out var readings) ? readings.Properties : new Dictionary<string, IReadOnlyList<StreamReading>>())
            {
                foreach (var reading in values)
                {
                    table.AddRow(name, property, Stamp(reading.Timestamp), Number(reading.Value));
                }
            }
        }

        table.Show();
    }

    /// <summary>Shows how many readings came per stream and property, and the newest.</summary>
    /// <param name="newest">Each stream's name with its readings.</param>
    public void ShowNewestReadings(IReadOnlyList<(string Name, StreamReadings Readings)> newest)
    {
        var table = new ResultTable("Stream", "Property", "Readings (newest 10)", "Newest");
        foreach (var (name, readings) in newest)
        {
            foreach (var (property, values) in readings.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                table.AddRow(name, property, values.Count.ToString(CultureInfo.InvariantCulture), values.Count == 0 ? null : Stamp(values.MaxBy(v => v.Timestamp).Timestamp));
            }
        }

        table.Show();
    }

    /// <summary>Says how to run the writes.</summary>
    public void ShowReadOnly() => AnsiConsole.MarkupLine("Read only; run with [blue]--write[/] to send one reading to each stream and read it back.");

    /// <summary>Shows each reading sent and what was read back at its timestamp.</summary>
    /// <param name="streams">The streams by full key, with their names.</param>
    /// <param name="sent">The readings sent, each with the value read back (<see langword="null"/> when missing).</param>
    public void ShowReadBack(IReadOnlyDictionary<ElementKey, string> streams, IReadOnlyList<(StreamIngestItem Sent, double? Found)> sent)
    {
        var table = new ResultTable("Stream", "Property", "Sent", "At", "Read back");
        foreach (var (item, found) in sent)
        {
            var (property, value) = item.Values.Single();
            table.AddMarkupRow(
                Markup.Escape(streams[item.StreamKey]),
                Markup.Escape(property),
                Number(value),
                item.Timestamp is { } at ? Stamp(at) : "-",
                found is { } v ? Number(v) : "[red]missing[/]");
        }

        table.Show();
        var matched = sent.Count(s => s.Found == s.Sent.Values.Single().Value);
        var skipped = streams.Count - sent.Count;
        AnsiConsole.MarkupLineInterpolated(
            $"Wrote [green]{sent.Count}[/] reading(s) in one request; read back [green]{matched}[/] at their own timestamp{(skipped > 0 ? $" ({skipped} stream(s) without any reading to name a property were skipped)." : ".")}");
    }

    /// <summary>Shows what the embedded emulator saw.</summary>
    /// <param name="emulator">The emulator.</param>
    public void ShowEmulator(TandemEmulator emulator) =>
        AnsiConsole.MarkupLineInterpolated($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");

    private static string Stamp(DateTimeOffset value) => value.ToString("u", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
