namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A stored file of an <see cref="EmulatedDocument"/>, written in the document's <c>Files</c>.</summary>
/// <param name="Id">File id.</param>
/// <param name="Name">File name, e.g. <c>manual-0001.pdf</c>.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="SourceType">The vendor's source-type code; 0 as in the vendor example.</param>
public sealed record EmulatedFile(string Id, string Name, long Size, string ContentType, long SourceType = 0);
