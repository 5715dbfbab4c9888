namespace DigitalTwin.Sdk.Core.Paging;

/// <summary>One page of results with the token that continues after it.</summary>
/// <typeparam name="T">Item type.</typeparam>
public class Page<T>
{
    /// <summary>Initializes a page. Public so host apps can build pages in their own fakes.</summary>
    /// <param name="values">The items.</param>
    /// <param name="continuationToken">Token of the next page, or <see langword="null"/> on the last page.</param>
    /// <param name="requestId">Request id the service returned for this page, if any.</param>
    public Page(IReadOnlyList<T> values, string? continuationToken, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
        ContinuationToken = continuationToken;
        RequestId = requestId;
    }

    /// <summary>Gets the items of this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>Gets the token that resumes at the next page (pass it to <see cref="AsyncPageable{T}.AsPages"/>), or <see langword="null"/> on the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>Gets the request id the service returned for this page, if any.</summary>
    public string? RequestId { get; }
}
