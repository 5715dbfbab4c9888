using System.Globalization;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Query of <c>GET timeseries/models/{modelID}/streams/{key}</c>: <c>from</c>, <c>to</c>, <c>limit</c>, <c>sort</c>.</summary>
/// <remarks>Exactly the parameters the vendor publishes (aps.autodesk.com <c>tandem-data-streams-elementID-GET</c>; autodesk-tandem/tutorial-rest <c>getStreamData</c>).</remarks>
public sealed record StreamReadingsQuery
{
    /// <summary>Gets the earliest reading to return (inclusive).</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest reading to return (inclusive).</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the largest number of readings per property.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public int? Limit { get; init; }

    /// <summary>Gets the order of the readings.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent; the service's default order).</value>
    public StreamSortOrder? Sort { get; init; }

    /// <summary>Builds the query string, including the leading <c>?</c>, or empty when nothing is set.</summary>
    /// <returns>The query string with values escaped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Limit"/> is not positive, or <see cref="From"/> is after <see cref="To"/>.</exception>
    public string ToQueryString()
    {
        if (Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "limit must be positive.");
        }

        if (From is not null && To is not null && From > To)
        {
            throw new ArgumentOutOfRangeException(nameof(From), From, "from must not be after to.");
        }

        var builder = new StringBuilder();
        Append(builder, "from", From?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(builder, "to", To?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(builder, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Append(builder, "sort", Sort switch
        {
            StreamSortOrder.Ascending => "asc",
            StreamSortOrder.Descending => "desc",
            _ => null,
        });
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
