namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>A queryable resource path such as <c>/api/assets</c>.</summary>
/// <param name="Name">Path segment after <c>/api/</c>, e.g. <c>assets</c>.</param>
/// <param name="EntityName">Entity name for messages, e.g. <c>Asset</c>.</param>
/// <param name="Schema">Entity schema.</param>
/// <param name="SiteScoped">Whether the resource needs the <c>projectid</c> header.</param>
/// <param name="Items">The items of a site (<see langword="null"/> for the portfolio-wide <c>clientprojects</c>).</param>
/// <param name="SelectRequired">Whether a GET without a <c>select</c> header is refused with 400.</param>
internal sealed record ResourceSet(
    string Name,
    string EntityName,
    EntitySchema Schema,
    bool SiteScoped,
    Func<SiteData?, IReadOnlyList<object>> Items,
    bool SelectRequired);
