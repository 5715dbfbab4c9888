namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A document seeded into the <see cref="LifecycleTwinEmulator"/> (<c>/api/documents</c>).</summary>
/// <param name="Id">Document id.</param>
/// <param name="Name">Document name, e.g. <c>Manual 0001</c>.</param>
/// <param name="FileName">File name, e.g. <c>manual-0001.pdf</c>.</param>
/// <param name="ContentType">MIME type of the file.</param>
/// <param name="Size">File size in bytes.</param>
/// <param name="CreatedOn">Creation time.</param>
/// <param name="ProjectId">Id of the site holding the document.</param>
public sealed record EmulatedDocument(
    string Id,
    string Name,
    string FileName,
    string ContentType,
    long Size,
    DateTimeOffset CreatedOn,
    string ProjectId);
