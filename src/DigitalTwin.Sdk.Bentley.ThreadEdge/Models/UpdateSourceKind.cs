namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Kind of <see cref="UpdateSource"/>.</summary>
public enum UpdateSourceKind
{
    /// <summary>The latest cloud version.</summary>
    Latest,

    /// <summary>A specific cloud version.</summary>
    Version,

    /// <summary>A file on the THREAD filesystem.</summary>
    LocalFile,
}
