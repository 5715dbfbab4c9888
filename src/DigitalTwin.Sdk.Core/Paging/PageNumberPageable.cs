using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Core.Paging;

/// <summary>
/// Pageable over a page-number API. With prefetch, page numbers are known in advance: once a full page N arrives, pages
/// N+1 and N+2 are both requested, so while the caller consumes a page the next two requests overlap their latency.
/// A first page that is already short (a small collection) costs exactly one request; a walk that ends on a short page
/// makes one request past the end, which is cancelled.
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
        Task<(IReadOnlyList<T> Items, string? RequestId)>? next = null;
        Task<(IReadOnlyList<T> Items, string? RequestId)>? ahead = null;
        try
        {
            while (true)
            {
                var (items, requestId) = await current.ConfigureAwait(false);
                if (items.Count < size)
                {
                    // The last page: requests already made for the pages after it are not wanted.
                    await AbandonAsync(linked, next, ahead).ConfigureAwait(false);
                    next = ahead = null;
                    yield return new Page<T>(items, null, requestId);
                    yield break;
                }

                page++;
                if (prefetch && !token.IsCancellationRequested)
                {
                    // Keep two requests in flight while the caller consumes this page.
                    next ??= fetchPage(page, size, token);
                    ahead ??= fetchPage(page + 1, size, token);
                }

                yield return new Page<T>(items, page.ToString(CultureInfo.InvariantCulture), requestId);
                token.ThrowIfCancellationRequested();
                current = next ?? fetchPage(page, size, token);
                next = ahead;
                ahead = null;
            }
        }
        finally
        {
            if (next is not null || ahead is not null)
            {
                // The caller stopped early: cancel the prefetches and observe their outcomes so no exception goes unobserved.
                await AbandonAsync(linked, next, ahead).ConfigureAwait(false);
            }
        }
    }

    private static async Task AbandonAsync(CancellationTokenSource linked, Task? first, Task? second)
    {
        if (first is null && second is null)
        {
            return;
        }

        await linked.CancelAsync().ConfigureAwait(false);
        foreach (var pending in new[] { first, second })
        {
            if (pending is null)
            {
                continue;
            }

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
}
