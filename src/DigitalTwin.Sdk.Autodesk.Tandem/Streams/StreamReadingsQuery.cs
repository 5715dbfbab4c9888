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

    /// <summary>Gets the query that sends no parameter.</summary>
    internal static StreamReadingsQuery None { get; } = new();

    /// <summary>Builds the query string, including the leading <c>?</c>, or empty when nothing is set.</summary>
    /// <returns>The query string with values escaped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Limit"/> is not positive, or <see cref="From"/> is after <see cref="To"/>.</exception>
    public string ToQueryString()
    {
        var wire = ToWire();
        var builder = new StringBuilder();
        Append(builder, "from", wire.From);
        Append(builder, "to", wire.To);
        Append(builder, "limit", wire.Limit);
        Append(builder, "sort", wire.Sort);
        return builder.ToString();
    }

    /// <summary>Validates the query and returns each parameter as sent (epoch milliseconds, <c>asc</c>/<c>desc</c>), <see langword="null"/> when not sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Limit"/> is not positive, or <see cref="From"/> is after <see cref="To"/>.</exception>
    internal WireParameters ToWire()
    {
        if (Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "limit must be positive.");
        }

        if (From is not null && To is not null && From > To)
        {
            throw new ArgumentOutOfRangeException(nameof(From), From, "from must not be after to.");
        }

        return new WireParameters(
            From?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            To?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Limit?.ToString(CultureInfo.InvariantCulture),
            Sort switch
            {
                StreamSortOrder.Ascending => "asc",
                StreamSortOrder.Descending => "desc",
                _ => null,
            });
    }

    private static void Append(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>The query parameters as sent; <see langword="null"/> ones are not sent.</summary>
    internal readonly record struct WireParameters(string? From, string? To, string? Limit, string? Sort);
}
