namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The body of <c>POST modeldata/{modelID}/scan</c>: which elements and which columns to read.</summary>
/// <remarks>
/// With neither <see cref="Families"/> nor <see cref="QualifiedColumns"/> every column is returned. Column families are one
/// character each, e.g. <c>n</c> (standard), <c>l</c> (references), <c>r</c> (source), <c>z</c> (user-defined). Field names
/// as the vendor's samples send them (<c>autodesk-tandem/tutorial-rest</c> <c>common/tandemClient.js</c>).
/// </remarks>
public sealed record ScanRequest
{
    /// <summary>Gets the column families to return, e.g. <c>["n", "z"]</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public IReadOnlyList<string>? Families { get; init; }

    /// <summary>Gets the qualified columns (<c>family:column</c>, e.g. <c>n:n</c>, <c>z:1Bw</c>) to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public IReadOnlyList<string>? QualifiedColumns { get; init; }

    /// <summary>Gets the (short) keys of the elements to read; <see langword="null"/> reads every element of the model.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public IReadOnlyList<ElementKey>? Keys { get; init; }

    /// <summary>Gets a value indicating whether every column comes with its history of (value, timestamp) pairs.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IncludeHistory { get; init; }

    /// <summary>
    /// Gets a value indicating whether the service sends plain values. Without it the service wraps every value in a
    /// one-element array; the SDK reads either shape, so this only changes the bytes on the wire.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>, as the vendor's samples send it.</value>
    public bool SkipArrays { get; init; } = true;
}
