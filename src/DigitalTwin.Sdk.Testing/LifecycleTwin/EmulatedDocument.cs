namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A document or folder seeded into the <see cref="LifecycleTwinEmulator"/> (<c>/api/documents</c>).</summary>
/// <param name="Id">Document id.</param>
/// <param name="Name">Document or folder name, e.g. <c>Manual 0001</c>.</param>
/// <param name="IsFolder">Whether this is a folder.</param>
/// <param name="Parent">The folder holding it; <see langword="null"/> for the root folder.</param>
/// <param name="Files">The stored files; empty for a folder.</param>
/// <param name="Category">The document category; <see langword="null"/> for a folder.</param>
/// <param name="CreatedOn">Creation time.</param>
/// <param name="ModifiedOn">Last modification time.</param>
/// <param name="ProjectId">Id of the site holding the document (not served: no vendor source shows it on documents).</param>
public sealed record EmulatedDocument(
    string Id,
    string Name,
    bool IsFolder,
    EmulatedReference? Parent,
    IReadOnlyList<EmulatedFile> Files,
    EmulatedReference? Category,
    DateTimeOffset CreatedOn,
    DateTimeOffset ModifiedOn,
    string ProjectId);
