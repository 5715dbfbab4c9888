using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// An immutable, validated path to a field in a Lifecycle Twin <c>filter</c> or <c>sort</c> header.
/// </summary>
/// <remarks>
/// <para>A path is one or more segments separated by <c>.</c>; each segment is a field name
/// (<c>[A-Za-z_][A-Za-z0-9_]*</c>), optionally followed by <c>[]</c> (any element of a collection) or by
/// <c>[&lt;guid&gt;]</c> (the element of a collection whose <c>Id</c> is that GUID). A bracketed segment must be
/// followed by another segment. The forms the vendor documents:</para>
/// <list type="bullet">
/// <item><description>plain: <c>Name</c> (<see cref="Of"/>)</description></item>
/// <item><description>referenced field: <c>Systems.Id</c> (<see cref="Referenced"/>)</description></item>
/// <item><description>field of a collection: <c>ModelObjects[].ObjectId</c> (<see cref="Collection"/>)</description></item>
/// <item><description>custom field: <c>CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value</c> (<see cref="CustomField(Guid)"/>)</description></item>
/// </list>
/// <para>Equality is ordinal on the path text. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class FieldPath : IEquatable<FieldPath>
{
    /// <summary>The collection that holds an asset's custom fields.</summary>
    public const string CustomFieldsCollection = "CustomFields";

    private FieldPath(string value) => Value = value;

    /// <summary>Gets the <c>Id</c> path, the unique key used to make paging stable.</summary>
    /// <value>The path <c>Id</c>.</value>
    public static FieldPath Id { get; } = new("Id");

    /// <summary>Gets the path text as written in the header.</summary>
    /// <value>For example <c>ModelObjects[].ObjectId</c>.</value>
    public string Value { get; }

    /// <summary>Creates a path to a field of the entity itself, e.g. <c>Name</c>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name.</exception>
    public static FieldPath Of(string field) => new(HeaderSyntax.ValidateFieldName(field, nameof(field)));

    /// <summary>Creates a path to a field of a referenced entity, e.g. <c>Systems.Id</c> or <c>Location.Name</c>.</summary>
    /// <param name="field">The reference field, e.g. <c>Systems</c>.</param>
    /// <param name="property">The field of the referenced entity, e.g. <c>Id</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is not a valid field name.</exception>
    public static FieldPath Referenced(string field, string property)
    {
        HeaderSyntax.ValidateFieldName(field, nameof(field));
        HeaderSyntax.ValidateFieldName(property, nameof(property));
        return new FieldPath(field + "." + property);
    }

    /// <summary>Creates a path to a field of any element of a collection, e.g. <c>ModelObjects[].ObjectId</c>.</summary>
    /// <param name="collection">The collection field, e.g. <c>ModelObjects</c>.</param>
    /// <param name="property">The field of the elements, e.g. <c>ObjectId</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is not a valid field name.</exception>
    public static FieldPath Collection(string collection, string property)
    {
        HeaderSyntax.ValidateFieldName(collection, nameof(collection));
        HeaderSyntax.ValidateFieldName(property, nameof(property));
        return new FieldPath(collection + "[]." + property);
    }

    /// <summary>Creates the path to the value of a custom field: <c>CustomFields[&lt;id&gt;].Value</c>.</summary>
    /// <param name="customFieldId">The custom field's identifier.</param>
    /// <returns>The path.</returns>
    public static FieldPath CustomField(Guid customFieldId) => CustomField(customFieldId, "Value");

    /// <summary>Creates the path to a property of a custom field: <c>CustomFields[&lt;id&gt;].&lt;property&gt;</c>.</summary>
    /// <param name="customFieldId">The custom field's identifier.</param>
    /// <param name="property">The custom field's property, e.g. <c>Value</c> or <c>Name</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="property"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a valid field name.</exception>
    public static FieldPath CustomField(Guid customFieldId, string property)
    {
        HeaderSyntax.ValidateFieldName(property, nameof(property));
        return new FieldPath(string.Create(CultureInfo.InvariantCulture, $"{CustomFieldsCollection}[{customFieldId:D}].{property}"));
    }

    /// <summary>Parses a path written in header syntax, e.g. <c>Location.Name</c> or <c>ModelObjects[].ObjectId</c>.</summary>
    /// <param name="path">The path text.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static FieldPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsValid(path))
        {
            throw new ArgumentException(
                $"'{HeaderSyntax.Printable(path)}' is not a valid Lifecycle Twin field path: expected segments like 'Name', 'Systems.Id', 'ModelObjects[].ObjectId' or 'CustomFields[<guid>].Value'.",
                nameof(path));
        }

        return new FieldPath(path);
    }

    /// <summary>Tries to parse a path written in header syntax.</summary>
    /// <param name="path">The path text.</param>
    /// <param name="result">The path when valid; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="path"/> is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? path, [NotNullWhen(true)] out FieldPath? result)
    {
        result = path is not null && IsValid(path) ? new FieldPath(path) : null;
        return result is not null;
    }

    /// <summary>Returns a copy extended by one field, e.g. <c>Location</c> → <c>Location.Name</c>.</summary>
    /// <param name="property">The field to append.</param>
    /// <returns>The longer path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="property"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a valid field name.</exception>
    public FieldPath Then(string property)
    {
        HeaderSyntax.ValidateFieldName(property, nameof(property));
        return new FieldPath(Value + "." + property);
    }

    /// <summary>Returns the path text (<see cref="Value"/>).</summary>
    /// <returns>The path text.</returns>
    public override string ToString() => Value;

    /// <inheritdoc/>
    public bool Equals(FieldPath? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private static bool IsValid(string path)
    {
        var remaining = path.AsSpan();
        while (true)
        {
            var dot = remaining.IndexOf('.');
            var segment = dot < 0 ? remaining : remaining[..dot];
            var isLast = dot < 0;
            var bracket = segment.IndexOf('[');
            if (bracket >= 0)
            {
                // "Name[]" or "Name[<guid>]", and something must follow.
                if (isLast || segment[^1] != ']')
                {
                    return false;
                }

                var inner = segment[(bracket + 1)..^1];
                if (!inner.IsEmpty && !Guid.TryParseExact(inner, "D", out _))
                {
                    return false;
                }

                segment = segment[..bracket];
            }

            if (!HeaderSyntax.IsFieldName(segment))
            {
                return false;
            }

            if (isLast)
            {
                return true;
            }

            remaining = remaining[(dot + 1)..];
        }
    }
}
