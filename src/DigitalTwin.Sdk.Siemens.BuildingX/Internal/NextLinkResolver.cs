using System.Text;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>
/// Turns a <c>links.next</c> value into the URL of the next request: resolves relative links against the API base,
/// refuses links to another origin (the bearer token must not leak) and puts back <c>include</c>/<c>fields</c>, which
/// the service drops from next links.
/// </summary>
internal static class NextLinkResolver
{
    /// <summary>Resolves <paramref name="link"/> against <paramref name="baseUri"/>.</summary>
    /// <param name="baseUri">Configured API base, e.g. <c>https://eu.buildingx.siemens.com/api/openness/operations</c>.</param>
    /// <param name="link">The link: absolute, scheme-relative, root-relative (<c>/operations/...</c>) or relative.</param>
    /// <param name="resolved">The absolute URL when allowed.</param>
    /// <returns><see langword="false"/> when the link points to another origin or is not HTTP(S).</returns>
    public static bool TryResolve(Uri baseUri, string link, out Uri resolved)
    {
        resolved = baseUri;
        if (string.IsNullOrWhiteSpace(link))
        {
            return false;
        }

        Uri candidate;
        if (link.StartsWith("//", StringComparison.Ordinal))
        {
            candidate = new Uri(baseUri.Scheme + ":" + link);
        }
        else if (link.StartsWith('/'))
        {
            candidate = new Uri(baseUri, SpliceRootRelative(baseUri.AbsolutePath, link));
        }
        else if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
        {
            candidate = absolute;
        }
        else
        {
            var directory = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            candidate = new Uri(directory, link);
        }

        if (!SameOrigin(baseUri, candidate))
        {
            return false;
        }

        resolved = candidate;
        return true;
    }

    /// <summary>Adds the selection parameters of <paramref name="query"/> the link lacks.</summary>
    /// <param name="next">Resolved next-page URL.</param>
    /// <param name="query">The caller's original query.</param>
    /// <param name="pageLimit">The page size to keep when the link has no page-size parameter.</param>
    /// <param name="pageSizeParameter">The API's page-size parameter (<c>page[limit]</c> or <c>page[size]</c>).</param>
    /// <returns>The URL with <c>include</c>, <c>fields[...]</c> and <c>field[...]</c> as the caller asked.</returns>
    public static Uri KeepSelection(Uri next, JsonApiQuery? query, int? pageLimit = null, string pageSizeParameter = "page[limit]")
    {
        if (query is null && pageLimit is null)
        {
            return next;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var existing = next.Query.TrimStart('?');
        foreach (var pair in existing.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            present.Add(Uri.UnescapeDataString(name.Replace('+', ' ')));
        }

        var builder = new StringBuilder(existing.Length == 0 ? string.Empty : "?" + existing);
        var keep = new List<KeyValuePair<string, string>>(query?.SelectionParameters ?? []);
        if (pageLimit is { } limit)
        {
            keep.Add(new(pageSizeParameter, limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in keep)
        {
            if (!present.Contains(name))
            {
                JsonApiQuery.AppendEncoded(builder, name, value);
            }
        }

        var uri = new UriBuilder(next) { Query = builder.Length == 0 ? string.Empty : builder.ToString(1, builder.Length - 1) };
        return uri.Uri;
    }

    /// <summary>Two URLs share an origin when scheme, host and port match.</summary>
    public static bool SameOrigin(Uri left, Uri right) =>
        (right.Scheme == Uri.UriSchemeHttps || right.Scheme == Uri.UriSchemeHttp)
        && string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(left.IdnHost, right.IdnHost, StringComparison.OrdinalIgnoreCase)
        && left.Port == right.Port;

    /// <summary>
    /// JSON:API links of Building X are relative to the API, not to the host: the vendor's examples show
    /// <c>/partitions/{id}/points/{id}/values?...</c> (Operations) and <c>/me/usergroups?page[cursor]=...</c> (Accounts)
    /// although the APIs live under <c>/api/openness/operations</c> and <c>/accounts</c>. A root-relative link that
    /// already carries the whole base path stays as it is; one that starts with the trailing segment(s) of the base path
    /// (<c>/operations/partitions/...</c>) continues it; any other is put below the base path.
    /// </summary>
    private static string SpliceRootRelative(string basePath, string link)
    {
        var baseSegments = basePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathEnd = link.IndexOfAny(['?', '#']);
        var linkPath = pathEnd < 0 ? link : link[..pathEnd];
        var linkSegments = linkPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (baseSegments.Length == 0 || linkPath.StartsWith("/" + string.Join('/', baseSegments), StringComparison.Ordinal))
        {
            return link;
        }

        for (var overlap = Math.Min(baseSegments.Length, linkSegments.Length); overlap > 0; overlap--)
        {
            if (baseSegments.AsSpan(baseSegments.Length - overlap).SequenceEqual(linkSegments.AsSpan(0, overlap)))
            {
                var prefix = string.Join('/', baseSegments.AsSpan(0, baseSegments.Length - overlap).ToArray());
                return prefix.Length == 0 ? link : "/" + prefix + link;
            }
        }

        return "/" + string.Join('/', baseSegments) + link;
    }
}
