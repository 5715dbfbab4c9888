namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>What <c>POST /api/update</c> installs: the latest cloud version, a given cloud version, or a local file.</summary>
public sealed record UpdateSource
{
    private UpdateSource(UpdateSourceKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets the latest cloud version (no query parameter).</summary>
    public static UpdateSource Latest { get; } = new(UpdateSourceKind.Latest, null);

    /// <summary>Gets what kind of source this is.</summary>
    public UpdateSourceKind Kind { get; }

    /// <summary>Gets the version or file path, or <see langword="null"/> for <see cref="Latest"/>.</summary>
    public string? Value { get; }

    /// <summary>A specific cloud version (<c>?version=7.18.0</c>).</summary>
    /// <param name="version">Dotted numeric version with 2 to 4 parts, e.g. <c>7.18.0</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="version"/> is empty or not a dotted numeric version.</exception>
    public static UpdateSource FromVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var parts = version.Split('.');
        if (parts.Length is < 2 or > 4 || Array.Exists(parts, p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException("The version must be dotted numbers such as 7.18.0.", nameof(version));
        }

        return new UpdateSource(UpdateSourceKind.Version, version);
    }

    /// <summary>A file on the THREAD filesystem given by its full absolute path (<c>?file=/tmp/snoopy-1.2.3.jar</c>).</summary>
    /// <param name="path">Absolute path on the device, starting with <c>/</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, not absolute, or contains control characters.</exception>
    public static UpdateSource FromLocalFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Length < 2 || path[0] != '/' || path.Any(char.IsControl))
        {
            throw new ArgumentException("The path must be the full absolute path of a file on the THREAD, e.g. /tmp/snoopy-1.2.3.jar.", nameof(path));
        }

        return new UpdateSource(UpdateSourceKind.LocalFile, path);
    }
}
