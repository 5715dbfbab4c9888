using DigitalTwin.Sdk.Core.Paging;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>
/// The samples' Spectre.Console progress display: one bar per <see cref="WorkCounter"/>, left on screen when done.
/// In a terminal the bars redraw in place; when output is redirected (see <see cref="SampleConsole"/>) Spectre falls
/// back to a plain line per task at 25/50/75/95-100 % on its one-second tick, so logs get no cursor movement.
/// The bar is narrow so a row fits 80 columns with a description of up to about 40 characters: all rows share the
/// columns, and Spectre squeezes the bar and percentage (not the text) when a description is too wide.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> while the display refreshes.</summary>
    /// <param name="work">The work; it adds its counters to the context it is given.</param>
    /// <returns>A task that completes when the work and the final refresh are done.</returns>
    public static Task RunAsync(Func<ProgressContext, Task> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(work);

    /// <summary>
    /// Walks every page of <paramref name="pages"/> under one bar that counts the items and names the page reached.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages, e.g. a client's <c>GetAssetsAsync(…).AsPages(pageSizeHint: 100)</c>.</param>
    /// <param name="label">The bar's label, plain text.</param>
    /// <param name="expected">How many items the pages hold, or <see langword="null"/> when the service does not say.</param>
    /// <param name="onPage">Called with each page as it arrives.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>How many pages and items came.</returns>
    public static async Task<(int Pages, long Items)> WalkPagesAsync<T>(
        IAsyncEnumerable<Page<T>> pages, string label, long? expected, Action<Page<T>> onPage, CancellationToken cancellationToken)
    {
        var count = 0;
        long items = 0;
        await RunAsync(async progress =>
        {
            var walk = new WorkCounter(progress, label, "", expected);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                count++;
                onPage(page);
                walk.Advance(page.Values.Count, $"page {count}");
            }

            walk.Complete();
            items = walk.Done;
        });
        return (count, items);
    }
}
