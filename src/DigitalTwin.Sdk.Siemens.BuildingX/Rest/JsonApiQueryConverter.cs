namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Turns JSON:API query parameters into the already-encoded pairs a declared endpoint sends with
/// <c>[Query, Encoded]</c>: Refit appends each key and value verbatim, so the wire carries exactly the bytes of
/// <see cref="JsonApiQuery.ToQueryString"/> (brackets of <c>filter[...]</c>/<c>page[...]</c>/<c>fields[...]</c> literal,
/// list commas literal, everything else percent-encoded), never Refit's own escaping.
/// </summary>
/// <remarks>
/// A Refit query dictionary holds each name once, but a JSON:API query may repeat one (two <c>filter[x]</c>). A
/// repeated pair is therefore carried inside the previous entry's value (<c>1&amp;filter[x]=2</c>), which Refit also
/// appends verbatim: the pairs reach the wire all of them, in their order.
/// </remarks>
internal static class JsonApiQueryConverter
{
    /// <summary>Gets an empty parameter set (no query string at all).</summary>
    public static IDictionary<string, string> Empty => System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Encodes <paramref name="parameters"/> (unencoded name/value pairs, in order) for a <c>[Query, Encoded]</c> dictionary.</summary>
    /// <param name="parameters">The pairs, e.g. <see cref="JsonApiQuery.Parameters"/>.</param>
    /// <returns>Encoded name to encoded value, in the order given.</returns>
    public static IDictionary<string, string> ToEncodedParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            var key = JsonApiQuery.EncodeName(name);
            var text = JsonApiQuery.EncodeValue(name, value);
            if (encoded.TryAdd(key, text))
            {
                continue;
            }

            var last = encoded.Count - 1;
            encoded.SetAt(last, encoded.GetAt(last).Value + "&" + key + "=" + text);
        }

        return encoded;
    }
}
