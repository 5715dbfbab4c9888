using System.Globalization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// A page request for the Lifecycle Twin <c>pagination</c> header: a 0-based page number and a page size.
/// </summary>
/// <remarks>
/// Header value, spaced exactly as the vendor doc writes it: <c>{"page" : 0, "size" : 20}</c>. The last page is the
/// first one with fewer than <see cref="Size"/> items. The vendor advises that the page size should not exceed
/// <see cref="MaxPageSize"/> records; the SDK enforces that limit.
/// </remarks>
public sealed record Pagination
{
    /// <summary>The largest page size the SDK sends, per the vendor's guidance ("the page size should not exceed 1000 records").</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Initializes a new instance of the <see cref="Pagination"/> class.</summary>
    /// <param name="page">The 0-based page number; at least 0.</param>
    /// <param name="size">The number of records per page; 1 to <see cref="MaxPageSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is negative, or <paramref name="size"/> is below 1 or above <see cref="MaxPageSize"/>.</exception>
    public Pagination(int page, int size)
    {
        if (page < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "The page number is 0-based and cannot be negative.");
        }

        ValidateSize(size, nameof(size));
        Page = page;
        Size = size;
    }

    /// <summary>Gets the 0-based page number.</summary>
    /// <value>At least 0.</value>
    public int Page { get; }

    /// <summary>Gets the number of records per page.</summary>
    /// <value>1 to <see cref="MaxPageSize"/>.</value>
    public int Size { get; }

    /// <summary>Creates the request for the first page (page 0).</summary>
    /// <param name="size">The number of records per page; 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The page request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1 or above <see cref="MaxPageSize"/>.</exception>
    public static Pagination FirstPage(int size) => new(0, size);

    /// <summary>Returns the request for the following page with the same size.</summary>
    /// <returns>The page request for <see cref="Page"/> + 1.</returns>
    /// <exception cref="InvalidOperationException">The page number would overflow.</exception>
    public Pagination Next()
    {
        if (Page == int.MaxValue)
        {
            throw new InvalidOperationException("The page number cannot go past Int32.MaxValue.");
        }

        return new Pagination(Page + 1, Size);
    }

    /// <summary>Formats the value of the <c>pagination</c> header, e.g. <c>{"page" : 0, "size" : 20}</c>.</summary>
    /// <returns>The header value.</returns>
    public string ToHeaderValue() =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"page\" : {Page}, \"size\" : {Size}}}");

    /// <summary>Returns the header value (see <see cref="ToHeaderValue"/>).</summary>
    /// <returns>The header value.</returns>
    public override string ToString() => ToHeaderValue();

    /// <summary>Throws unless <paramref name="size"/> is a page size the SDK sends.</summary>
    /// <param name="size">The page size.</param>
    /// <param name="paramName">The name of the caller's parameter.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1 or above <see cref="MaxPageSize"/>.</exception>
    internal static void ValidateSize(int size, string paramName)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, size, "The page size must be at least 1.");
        }

        if (size > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                size,
                string.Create(CultureInfo.InvariantCulture, $"The page size cannot exceed {MaxPageSize}: Lifecycle Twin advises that a page should not exceed {MaxPageSize} records, larger pages can severely slow the server down. Walk more pages instead."));
        }
    }
}
