using System.Diagnostics.CodeAnalysis;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The URN of a Tandem model, <c>urn:adsk.dtm:&lt;id&gt;</c>.</summary>
/// <remarks>Immutable. A twin links several models; <see cref="TwinUrn.DefaultModel"/> is the one that holds streams.</remarks>
public sealed record ModelUrn
{
    /// <summary>The prefix every model URN starts with.</summary>
    public const string Prefix = "urn:adsk.dtm:";

    private ModelUrn(string value) => Value = value;

    /// <summary>Gets the full URN, e.g. <c>urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the id after <see cref="Prefix"/> (the declared REST paths hold the prefix).</summary>
    internal string Id => Value[Prefix.Length..];

    /// <summary>Parses a model URN.</summary>
    /// <param name="value">The URN text.</param>
    /// <returns>The URN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not <c>urn:adsk.dtm:</c> followed by an id of letters, digits, <c>-</c> or <c>_</c>.</exception>
    public static ModelUrn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var urn)
            ? urn
            : throw new ArgumentException($"A model URN starts with '{Prefix}' followed by an id of letters, digits, '-' or '_'.", nameof(value));
    }

    /// <summary>Tries to parse a model URN.</summary>
    /// <param name="value">The URN text.</param>
    /// <param name="urn">The URN when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid model URN.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ModelUrn? urn)
    {
        urn = UrnSyntax.IsValid(value, Prefix) ? new ModelUrn(value!) : null;
        return urn is not null;
    }

    /// <summary>Returns the URN as one path segment, as the vendor documents write it: colons unescaped.</summary>
    /// <returns>The URN, e.g. <c>urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg</c> (its id holds only letters, digits, <c>-</c> and <c>_</c>, so nothing needs escaping).</returns>
    public string ToPathSegment() => Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}
