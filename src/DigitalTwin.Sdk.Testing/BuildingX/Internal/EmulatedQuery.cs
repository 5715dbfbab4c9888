using System.Text;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>The JSON:API query parameters of one request, parsed and validated.</summary>
internal sealed class EmulatedQuery
{
    private const string CursorPrefix = "offset:";

    public Dictionary<string, string> Filters { get; } = new(StringComparer.Ordinal);

    public List<string> Includes { get; } = [];

    public Dictionary<string, HashSet<string>> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the extra fields asked for with <c>field[Type]=name,...</c>, by resource type.</summary>
    public Dictionary<string, HashSet<string>> ExtraFields { get; } = new(StringComparer.Ordinal);

    public int? Limit { get; private set; }

    public int Offset { get; private set; }

    /// <summary>Parses and validates the query of one request.</summary>
    /// <param name="query">The request's query.</param>
    /// <param name="maxLimit">The largest page size accepted.</param>
    /// <param name="pageSizeParameter">The API's page-size parameter: <c>page[limit]</c> (Operations) or <c>page[size]</c> (Accounts).</param>
    public static EmulatedQuery Parse(IQueryCollection query, int maxLimit, string pageSizeParameter = "page[limit]")
    {
        var parsed = new EmulatedQuery();
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            if (key.StartsWith("filter[", StringComparison.Ordinal))
            {
                parsed.Filters[key["filter".Length..]] = value;
            }
            else if (key == pageSizeParameter)
            {
                if (!int.TryParse(value, out var limit) || limit < 1 || limit > maxLimit)
                {
                    throw EmulatorErrorException.BadParameter(key, "Invalid page size", $"{pageSizeParameter} must be an integer from 1 to {maxLimit}.");
                }

                parsed.Limit = limit;
            }
            else if (key == "page[cursor]")
            {
                parsed.Offset = DecodeCursor(value);
            }
            else if (key.StartsWith("page[", StringComparison.Ordinal))
            {
                throw EmulatorErrorException.BadParameter(key, "Unsupported page parameter");
            }
            else if (key == "include")
            {
                parsed.Includes.AddRange(Split(value));
            }
            else if (key.StartsWith("fields[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                parsed.Fields[key["fields[".Length..^1]] = [.. Split(value)];
            }
            else if (key.StartsWith("field[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                var type = key["field[".Length..^1];
                if (!parsed.ExtraFields.TryGetValue(type, out var names))
                {
                    names = new HashSet<string>(StringComparer.Ordinal);
                    parsed.ExtraFields[type] = names;
                }

                names.UnionWith(Split(value));
            }
            else if (key == "field")
            {
                // The service names the resource type: field[Point]=pointValue.
                throw EmulatorErrorException.BadParameter(key, "Invalid parameter", "Extra fields are requested per type, e.g. field[Point]=pointValue.");
            }
        }

        return parsed;
    }

    public static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + offset)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void RequireFilters(IReadOnlyCollection<string> allowed)
    {
        foreach (var key in Filters.Keys)
        {
            if (!allowed.Contains(key))
            {
                throw EmulatorErrorException.BadParameter("filter" + key, "Unsupported filter", $"Supported filters: {string.Join(", ", allowed.Select(a => "filter" + a))}.");
            }
        }
    }

    public void RequireIncludes(IReadOnlyCollection<string> allowed)
    {
        foreach (var include in Includes)
        {
            if (!allowed.Contains(include))
            {
                throw EmulatorErrorException.BadParameter("include", "Unsupported include", $"'{include}' cannot be included here.");
            }
        }
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(CursorPrefix.Length), out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the 400 below.
        }

        throw EmulatorErrorException.BadParameter("page[cursor]", "Invalid page cursor");
    }
}
