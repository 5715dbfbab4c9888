using System.Diagnostics.CodeAnalysis;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The URN of a Tandem twin (facility), <c>urn:adsk.dtt:&lt;id&gt;</c>.</summary>
/// <remarks>Immutable. Use <see cref="Parse"/> or <see cref="TryParse"/>; <see cref="DefaultModel"/> is the model that holds streams.</remarks>
public sealed record TwinUrn
{
    /// <summary>The prefix every twin URN starts with.</summary>
    public const string Prefix = "urn:adsk.dtt:";

    private TwinUrn(string value) => Value = value;

    /// <summary>Gets the full URN, e.g. <c>urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the id after the prefix.</summary>
    public string Id => Value[Prefix.Length..];

    /// <summary>Gets the URN of the twin's default model: the same id with <c>dtt</c> replaced by <c>dtm</c>.</summary>
    /// <remarks>Tandem keeps streams and other non-graphic elements in the default model.</remarks>
    public ModelUrn DefaultModel => ModelUrn.Parse(ModelUrn.Prefix + Id);

    /// <summary>Parses a twin URN.</summary>
    /// <param name="value">The URN text.</param>
    /// <returns>The URN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not <c>urn:adsk.dtt:</c> followed by an id of letters, digits, <c>-</c> or <c>_</c>.</exception>
    public static TwinUrn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var urn)
            ? urn
            : throw new ArgumentException($"A twin URN starts with '{Prefix}' followed by an id of letters, digits, '-' or '_'.", nameof(value));
    }

    /// <summary>Tries to parse a twin URN.</summary>
    /// <param name="value">The URN text.</param>
    /// <param name="urn">The URN when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid twin URN.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out TwinUrn? urn)
    {
        urn = UrnSyntax.IsValid(value, Prefix) ? new TwinUrn(value!) : null;
        return urn is not null;
    }

    /// <summary>Returns the URN as one path segment, as the vendor documents write it: colons unescaped.</summary>
    /// <returns>The URN, e.g. <c>urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw</c> (its id holds only letters, digits, <c>-</c> and <c>_</c>, so nothing needs escaping).</returns>
    public string ToPathSegment() => Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}
