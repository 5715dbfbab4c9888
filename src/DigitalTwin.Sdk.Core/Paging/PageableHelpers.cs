using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Core.Paging;

/// <summary>Builds <see cref="AsyncPageable{T}"/>s from a fetch-one-page delegate; vendors supply only that delegate.</summary>
public static class PageableHelpers
{
    /// <summary>Creates a pageable from a delegate that fetches the page a continuation token names.</summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="fetchPage">Fetches one page: (continuation token or <see langword="null"/> for the first, page size hint, cancellation).</param>
    /// <param name="prefetch">When <see langword="true"/>, the next page is requested while the caller consumes the current one (at most one page ahead).</param>
    /// <param name="cancellationToken">Token of the creating method call.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, bool prefetch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        return new FuncPageable<T>(fetchPage, prefetch, cancellationToken);
    }

    /// <summary>
    /// Creates a pageable over a page-number API (page 0, 1, 2 …, the last page being the first one shorter than the page size).
    /// The continuation token is the page number, so <see cref="AsyncPageable{T}.AsPages"/> resumes exactly at that page.
    /// </summary>
    /// <typeparam name="T">Item type.</typeparam>
    /// <param name="fetchPage">Fetches (page number, page size, cancellation) → items and request id.</param>
    /// <param name="defaultPageSize">Page size when the caller gives no hint.</param>
    /// <param name="maxPageSize">Largest page size accepted.</param>
    /// <param name="prefetch">
    /// Whether to prefetch: page numbers are known in advance, so while the caller consumes page N, page N+1 is requested,
    /// and while page N+1 is awaited, page N+2 is requested too (two requests overlap their latency; only one page is
    /// requested beyond the one being awaited). A walk ending on a short page makes one request past the end, cancelled.
    /// </param>
    /// <param name="cancellationToken">Token of the creating method call.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> CreatePageNumber<T>(
        Func<int, int, CancellationToken, Task<(IReadOnlyList<T> Items, string? RequestId)>> fetchPage,
        int defaultPageSize,
        int maxPageSize,
        bool prefetch = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultPageSize, maxPageSize);
        return new PageNumberPageable<T>(fetchPage, defaultPageSize, maxPageSize, prefetch, cancellationToken);
    }

    /// <summary>Parses a page-number continuation token.</summary>
    /// <param name="token">The token, or <see langword="null"/> for page 0.</param>
    /// <param name="parameterName">Parameter name reported in the exception.</param>
    /// <returns>The page number.</returns>
    /// <exception cref="ArgumentException">The token is not a non-negative page number.</exception>
    public static int ParsePageNumber(string? token, string parameterName)
    {
        if (token is null)
        {
            return 0;
        }

        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            throw new ArgumentException($"'{token}' is not a continuation token of this collection (expected a page number).", parameterName);
        }

        return page;
    }

    private sealed class FuncPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, bool prefetch, CancellationToken creationToken)
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
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken);
            var token = linked.Token;
            Task<Page<T>>? ahead = null;
            try
            {
                token.ThrowIfCancellationRequested();
                var current = await fetchPage(continuationToken, pageSizeHint, token).ConfigureAwait(false);
                while (true)
                {
                    var next = current.ContinuationToken;
                    if (prefetch && next is not null && !token.IsCancellationRequested)
                    {
                        ahead = fetchPage(next, pageSizeHint, token);
                    }

                    yield return current;
                    if (next is null)
                    {
                        yield break;
                    }

                    if (ahead is not null)
                    {
                        var pending = ahead;
                        ahead = null;
                        current = await pending.ConfigureAwait(false);
                    }
                    else
                    {
                        token.ThrowIfCancellationRequested();
                        current = await fetchPage(next, pageSizeHint, token).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (ahead is not null)
                {
                    // The caller stopped early: cancel the prefetch and observe its outcome so no exception goes unobserved.
                    await linked.CancelAsync().ConfigureAwait(false);
                    try
                    {
                        await ahead.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The prefetched page was not wanted; its failure (usually the cancellation) is irrelevant.
                    }
                }
            }
        }
    }
}
