namespace DigitalTwin.Sdk.Core;

/// <summary>One error object reported by a vendor API (a JSON:API error object, an OAuth error, a message body …).</summary>
/// <param name="Status">HTTP status the error object states, if any.</param>
/// <param name="Code">Vendor error code, if any.</param>
/// <param name="Title">Short summary, if any.</param>
/// <param name="Detail">Explanation specific to this occurrence, if any.</param>
public sealed record ApiError(string? Status, string? Code, string? Title, string? Detail)
{
    /// <summary>Gets the vendor's identifier of this occurrence (JSON:API <c>id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the JSON pointer to the request document member that caused the error (JSON:API <c>source.pointer</c>).</summary>
    public string? SourcePointer { get; init; }

    /// <summary>Gets the query parameter that caused the error (JSON:API <c>source.parameter</c>).</summary>
    public string? SourceParameter { get; init; }

    /// <summary>Gets the target of the error (iTwin Platform <c>error.target</c>).</summary>
    public string? Target { get; init; }
}
