using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Core.Paging;

/// <summary>
/// Pageable over a page-number API. With prefetch, the next page number is known before the current page arrives, so the
/// request for page N+1 goes out while page N is awaited and consumed: two requests overlap their latency.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class PageNumberPageable<T>(
    Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Items, string? RequestId)>> fetchPage,
    int defaultPageSize,
    int maxPageSize,
    bool prefetch,
    CancellationToken creationToken)
    : AsyncPageable<T>(creationToken)
{
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "The page size must be positive.");
        }

        return EnumeratePagesAsync(continuationToken, pageSizeHint);
    }

    private async IAsyncEnumerable<Page<T>> EnumeratePagesAsync(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = PageableHelpers.ParsePageNumber(continuationToken, "continuationToken");
        var size = pageSizeHint ?? defaultPageSize;
        if (size < 1 || size > maxPageSize)
        {
            throw new ArgumentOutOfRangeException("pageSizeHint", size, $"The page size must be between 1 and {maxPageSize}.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken);
        var token = linked.Token;
        token.ThrowIfCancellationRequested();
        var current = fetchPage(page, size, token);
        Task<(IReadOnlyList<T> Items, string? RequestId)>? ahead = prefetch ? fetchPage(page + 1, size, token) : null;
        try
        {
            while (true)
            {
                var (items, requestId) = await current.ConfigureAwait(false);
                if (items.Count < size)
                {
                    // The last page: a request already made for the page after it is not wanted.
                    await AbandonAsync(linked, ahead).ConfigureAwait(false);
                    ahead = null;
                    yield return new Page<T>(items, null, requestId);
                    yield break;
                }

                page++;
                yield return new Page<T>(items, page.ToString(CultureInfo.InvariantCulture), requestId);
                token.ThrowIfCancellationRequested();
                current = ahead ?? fetchPage(page, size, token);
                ahead = prefetch ? fetchPage(page + 1, size, token) : null;
            }
        }
        finally
        {
            if (ahead is not null)
            {
                // The caller stopped early: cancel the prefetch and observe its outcome so no exception goes unobserved.
                await AbandonAsync(linked, ahead).ConfigureAwait(false);
            }
        }
    }

    private static async Task AbandonAsync(CancellationTokenSource linked, Task? pending)
    {
        if (pending is null)
        {
            return;
        }

        await linked.CancelAsync().ConfigureAwait(false);
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The prefetched page was not wanted; its failure (usually the cancellation) is irrelevant.
        }
    }
}
