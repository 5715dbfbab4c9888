namespace DigitalTwin.Sdk.Core.Paging;

/// <summary>
/// A lazily paged collection: enumerate items with <c>await foreach</c>, or pages with <see cref="AsPages"/>.
/// Nothing is requested until enumeration starts and pages are never buffered beyond the optional prefetch of one.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
/// <remarks>Each enumeration starts over with fresh requests. Not thread-safe per enumerator.</remarks>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Initializes the pageable.</summary>
    /// <param name="cancellationToken">Token of the method call that created the pageable; applies to every page request.</param>
    protected AsyncPageable(CancellationToken cancellationToken = default) => CancellationToken = cancellationToken;

    /// <summary>Gets the token of the method call that created the pageable.</summary>
    protected CancellationToken CancellationToken { get; }

    /// <summary>Enumerates pages, starting at the page <paramref name="continuationToken"/> names.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.ContinuationToken"/> from an earlier enumeration, or <see langword="null"/> for the first page.</param>
    /// <param name="pageSizeHint">Requested page size, or <see langword="null"/> for the client's default.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ArgumentException">The continuation token is not one this pageable issued, or the page size is out of range.</exception>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates all items of all pages.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }

    /// <summary>Creates a pageable over pages already in memory (for fakes in host-app tests).</summary>
    /// <param name="pages">The pages; continuation tokens are their indexes.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.ToList();
        return PageableHelpers.Create<T>(
            (token, _, _) =>
            {
                var index = PageableHelpers.ParsePageNumber(token, nameof(token));
                if (index >= list.Count)
                {
                    return Task.FromResult(new Page<T>([], null));
                }

                var page = list[index];
                var next = index + 1 < list.Count ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                return Task.FromResult(new Page<T>(page.Values, next, page.RequestId));
            });
    }
}
