namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// What a vendor package tells the core about its API: the names it is known by and the vendor-specific readings of
/// its answers (error bodies, request ids, transient statuses). One static instance per vendor package.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ClientDefinition
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The short key naming the vendor in DI registrations and HTTP client names (letters and digits, e.g. <c>LifecycleTwin</c>).</param>
    /// <param name="displayName">The vendor API's name in messages, logs and telemetry (e.g. <c>Lifecycle Twin</c>).</param>
    /// <param name="sectionPath">The configuration section the options bind from (e.g. <c>DigitalTwin:LifecycleTwin</c>), named in validation messages.</param>
    /// <exception cref="ArgumentException">A name is blank, or <paramref name="key"/> has characters other than letters and digits.</exception>
    public ClientDefinition(string key, string displayName, string sectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        if (!key.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The key is made of ASCII letters and digits only.", nameof(key));
        }

        Key = key;
        DisplayName = displayName;
        SectionPath = sectionPath;
    }

    /// <summary>Gets the short key naming the vendor in DI registrations and HTTP client names.</summary>
    public string Key { get; }

    /// <summary>Gets the vendor API's name in messages, logs and telemetry.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the configuration section the options bind from.</summary>
    public string SectionPath { get; }

    /// <summary>Gets the reader of the vendor's error answers; <see cref="ErrorBodyParser.Standard"/> by default.</summary>
    public ErrorBodyParser ErrorParser { get; init; } = ErrorBodyParser.Standard;

    /// <summary>Gets the classifier of the vendor's answers for retries and the circuit breaker; <see cref="ResponseClassifier.Default"/> by default.</summary>
    public ResponseClassifier Classifier { get; init; } = ResponseClassifier.Default;

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
