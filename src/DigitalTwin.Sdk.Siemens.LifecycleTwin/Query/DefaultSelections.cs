namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// The <c>select</c> header the SDK sends when the caller gives no selection: per typed model, the fields that model
/// reads.
/// </summary>
/// <remarks>
/// <para>The vendor asks for a <c>select</c> header on every GET ("Use select header in all GET queries"; the quick start
/// lists it among the required headers) and some resources refuse a request without one. A query without a selection,
/// or no query at all, therefore sends the selection below for the resource's model. A query with a selection (typed
/// or a raw <c>select</c> header) is sent as given.</para>
/// <para>Referenced fields and collections each cost the service a JOIN (vendor, "Selecting"): when a listing does not
/// need them, pass a narrower selection, e.g. <c>query.WithFields("Id", "Name")</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// // What client.Sites.GetSitesAsync() sends:
/// // select: {"Name", "Id", "CreatedOn", "CityName", "ModifiedOnLocal", "OwnerOrganization", "Latitude", "Longitude", "Location": {"Id", "Name", "ChildrenCount"}, "IsEnabled", "CreatedOnLocal"}
/// var withCustomFields = DefaultSelections.Asset.With("CustomFields", "Id", "Name", "Value");
/// </code>
/// </example>
public static class DefaultSelections
{
    /// <summary>Gets the default selection of <see cref="Models.Site"/> (<c>/api/clientprojects</c>).</summary>
    /// <value>The documented example selection (guide "Querying data") in its order, with the nested <c>Location</c> also
    /// asking for <c>ChildrenCount</c>, then <c>IsEnabled</c> and <c>CreatedOnLocal</c>, which the documented response
    /// carries.</value>
    public static Selection Site { get; } = Selection
        .Of("Name", "Id", "CreatedOn", "CityName", "ModifiedOnLocal", "OwnerOrganization", "Latitude", "Longitude")
        .With("Location", "Id", "Name", "ChildrenCount")
        .Add("IsEnabled", "CreatedOnLocal");

    /// <summary>Gets the default selection of <see cref="Models.Asset"/> (<c>/api/assets</c>).</summary>
    /// <value><c>{"Id", "Name", "Description", "ProjectId", "SerialNumber", "Quantity", "InstallationDate", "CreatedOn",
    /// "Location": {"Id", "Name"}, "Systems": {"Id", "Name"}, "ModelObjects": {"ObjectId"}, "CustomFields": {"Id", "Name",
    /// "Value"}}</c>.</value>
    public static Selection Asset { get; } = Selection
        .Of("Id", "Name", "Description", "ProjectId", "SerialNumber", "Quantity", "InstallationDate", "CreatedOn")
        .With("Location", "Id", "Name")
        .With("Systems", "Id", "Name")
        .With("ModelObjects", "ObjectId")
        .With("CustomFields", "Id", "Name", "Value");

    /// <summary>Gets the default selection of <see cref="Models.Document"/> (<c>/api/documents</c>).</summary>
    /// <value><c>{"Id", "Name", "IsFolder", "Parent": {"Id", "Name"}, "Files": {"Id", "Name", "Size", "ContentType",
    /// "SourceType"}, "Category": {"Id", "Name"}, "CreatedOn", "ModifiedOn"}</c>.</value>
    public static Selection Document { get; } = Selection
        .Of("Id", "Name", "IsFolder")
        .With("Parent", "Id", "Name")
        .With("Files", "Id", "Name", "Size", "ContentType", "SourceType")
        .With("Category", "Id", "Name")
        .Add("CreatedOn", "ModifiedOn");

    /// <summary>Gets the default selection of the untyped entities client (<c>client.Entities</c>).</summary>
    /// <value><c>{"Id", "Name"}</c>: the two fields the vendor's examples show on every entity type. Pass a selection
    /// to read more.</value>
    public static Selection Entity { get; } = Selection.Of("Id", "Name");
}
