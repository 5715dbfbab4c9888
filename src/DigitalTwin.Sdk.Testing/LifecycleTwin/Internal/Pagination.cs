using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>The <c>pagination</c> header: <c>{"page" : 0, "size" : 20}</c>, page 0-based.</summary>
/// <param name="Page">Page number, from 0.</param>
/// <param name="Size">Items per page, at least 1.</param>
internal sealed record Pagination(int Page, int Size)
{
    public static Pagination Parse(string header)
    {
        int? page = null;
        int? size = null;
        try
        {
            using var document = JsonDocument.Parse(header);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed();
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var isPage = string.Equals(property.Name, "page", StringComparison.OrdinalIgnoreCase);
                if (!isPage && !string.Equals(property.Name, "size", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var number))
                {
                    throw Malformed();
                }

                if (isPage)
                {
                    page = number;
                }
                else
                {
                    size = number;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new QueryException("Malformed pagination header: expected {\"page\" : <number>, \"size\" : <number>}.", ex);
        }

        if (page is null || size is null)
        {
            throw Malformed();
        }

        if (page < 0)
        {
            throw new QueryException("The pagination page must be 0 or greater.");
        }

        if (size < 1)
        {
            throw new QueryException("The pagination size must be 1 or greater.");
        }

        return new Pagination(page.Value, size.Value);
    }

    private static QueryException Malformed() =>
        new("Malformed pagination header: expected {\"page\" : <number>, \"size\" : <number>}.");
}
