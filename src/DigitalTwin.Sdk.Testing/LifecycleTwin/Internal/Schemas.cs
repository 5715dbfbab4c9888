namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>The emulator's entity schemas (LT-WIRE "Entities").</summary>
internal static class Schemas
{
    public static readonly EntitySchema SiteLocation = new(
        "Location",
        FieldDefinition.Scalar<EmulatedLocation>("Name", l => l.Name),
        FieldDefinition.Scalar<EmulatedLocation>("ChildrenCount", l => (long)l.ChildrenCount),
        FieldDefinition.Scalar<EmulatedLocation>("Id", l => l.Id));

    public static readonly EntitySchema Reference = new(
        "Reference",
        FieldDefinition.Scalar<EmulatedReference>("Id", r => r.Id),
        FieldDefinition.Scalar<EmulatedReference>("Name", r => r.Name));

    public static readonly EntitySchema File = new(
        "File",
        FieldDefinition.Scalar<EmulatedFile>("Name", f => f.Name),
        FieldDefinition.Scalar<EmulatedFile>("Size", f => f.Size),
        FieldDefinition.Scalar<EmulatedFile>("SourceType", f => f.SourceType),
        FieldDefinition.Scalar<EmulatedFile>("ContentType", f => f.ContentType),
        FieldDefinition.Scalar<EmulatedFile>("Id", f => f.Id));

    public static readonly EntitySchema Site = new(
        "ClientProject",
        FieldDefinition.Scalar<EmulatedSite>("Name", s => s.Name),
        FieldDefinition.Scalar<EmulatedSite>("IsEnabled", s => s.IsEnabled),
        FieldDefinition.Scalar<EmulatedSite>("CreatedOn", s => s.CreatedOn),
        FieldDefinition.Object<EmulatedSite>("Location", SiteLocation, s => s.Location),
        FieldDefinition.Scalar<EmulatedSite>("Id", s => s.Id),
        FieldDefinition.Scalar<EmulatedSite>("CreatedOnLocal", s => new LocalTimestamp(s.CreatedOn)),
        FieldDefinition.Scalar<EmulatedSite>("ModifiedOnLocal", s => new LocalTimestamp(s.ModifiedOn)),
        FieldDefinition.Scalar<EmulatedSite>("CityName", s => s.CityName),
        FieldDefinition.Object<EmulatedSite>("OwnerOrganization", Reference, s => s.OwnerOrganization),
        FieldDefinition.Scalar<EmulatedSite>("Latitude", s => s.Latitude),
        FieldDefinition.Scalar<EmulatedSite>("Longitude", s => s.Longitude));

    public static readonly EntitySchema LocationReference = new(
        "Location",
        FieldDefinition.Scalar<EmulatedLocation>("Id", l => l.Id),
        FieldDefinition.Scalar<EmulatedLocation>("Name", l => l.Name));

    public static readonly EntitySchema SystemReference = new(
        "System",
        FieldDefinition.Scalar<EmulatedSystem>("Id", s => s.Id),
        FieldDefinition.Scalar<EmulatedSystem>("Name", s => s.Name));

    public static readonly EntitySchema ModelObject = new(
        "ModelObject",
        FieldDefinition.Scalar<EmulatedModelObject>("ObjectId", m => m.ObjectId));

    public static readonly EntitySchema CustomField = new(
        "CustomField",
        FieldDefinition.Scalar<EmulatedCustomField>("Id", c => c.Id),
        FieldDefinition.Scalar<EmulatedCustomField>("Name", c => c.Name),
        FieldDefinition.Scalar<EmulatedCustomField>("Value", c => c.Value));

    public static readonly EntitySchema Asset = new(
        "Asset",
        FieldDefinition.Scalar<EmulatedAsset>("Id", a => a.Id),
        FieldDefinition.Scalar<EmulatedAsset>("Name", a => a.Name),
        FieldDefinition.Scalar<EmulatedAsset>("Description", a => a.Description),
        FieldDefinition.Scalar<EmulatedAsset>("ProjectId", a => a.ProjectId),
        FieldDefinition.Scalar<EmulatedAsset>("SerialNumber", a => a.SerialNumber),
        FieldDefinition.Scalar<EmulatedAsset>("Quantity", a => a.Quantity),
        FieldDefinition.Scalar<EmulatedAsset>("InstallationDate", a => a.InstallationDate),
        FieldDefinition.Scalar<EmulatedAsset>("CreatedOn", a => a.CreatedOn),
        FieldDefinition.Object<EmulatedAsset>("Location", LocationReference, a => a.Location),
        FieldDefinition.Collection<EmulatedAsset>("Systems", SystemReference, a => a.Systems),
        FieldDefinition.Collection<EmulatedAsset>("ModelObjects", ModelObject, a => a.ModelObjects),
        FieldDefinition.Collection<EmulatedAsset>("CustomFields", CustomField, a => a.CustomFields));

    public static readonly EntitySchema Document = new(
        "Document",
        FieldDefinition.Scalar<EmulatedDocument>("Id", d => d.Id),
        FieldDefinition.Scalar<EmulatedDocument>("Name", d => d.Name),
        FieldDefinition.Scalar<EmulatedDocument>("IsFolder", d => d.IsFolder),
        FieldDefinition.Object<EmulatedDocument>("Parent", Reference, d => d.Parent),
        FieldDefinition.Collection<EmulatedDocument>("Files", File, d => d.Files),
        FieldDefinition.Object<EmulatedDocument>("Category", Reference, d => d.Category),
        FieldDefinition.Scalar<EmulatedDocument>("CreatedOn", d => d.CreatedOn),
        FieldDefinition.Scalar<EmulatedDocument>("ModifiedOn", d => d.ModifiedOn));

    public static readonly EntitySchema Location = new(
        "Location",
        FieldDefinition.Scalar<EmulatedLocation>("Id", l => l.Id),
        FieldDefinition.Scalar<EmulatedLocation>("Name", l => l.Name),
        FieldDefinition.Scalar<EmulatedLocation>("ChildrenCount", l => (long)l.ChildrenCount),
        FieldDefinition.Scalar<EmulatedLocation>("ParentId", l => l.ParentId));

    public static readonly EntitySchema System = new(
        "System",
        FieldDefinition.Scalar<EmulatedSystem>("Id", s => s.Id),
        FieldDefinition.Scalar<EmulatedSystem>("Name", s => s.Name),
        FieldDefinition.Scalar<EmulatedSystem>("Description", s => s.Description));
}
