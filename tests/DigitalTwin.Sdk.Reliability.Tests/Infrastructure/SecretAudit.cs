using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Everything a reliability test class exposes to a user: Trace-level logs, exception messages and
/// <c>ToString()</c>s. At the end it asserts that no configured secret and no token the emulator issued appears in
/// any of it, and that the bearer token went only to the API origins.
/// </summary>
public sealed class SecretAudit : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ConcurrentBag<string> _configuredSecrets = [];
    private readonly ConcurrentBag<string> _apiOrigins = [];

    public SecretAudit()
    {
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
    }

    public ILoggerFactory LoggerFactory { get; }

    public RecordingTransport Transport { get; } = new();

    /// <summary>Gets how many texts (log entries, exception messages and ToStrings) were audited.</summary>
    public int TextsAudited { get; private set; }

    public void AddSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _configuredSecrets.Add(secret);
        }
    }

    public void AddApiOrigin(Uri url) => _apiOrigins.Add(url.GetLeftPart(UriPartial.Authority));

    /// <summary>Records an exception a caller would see: message and full ToString (inner exceptions included).</summary>
    public void Observe(Exception exception)
    {
        _texts.Enqueue(exception.Message);
        _texts.Enqueue(exception.ToString());
    }

    /// <summary>Records a text a caller would see, e.g. an options or model ToString.</summary>
    public void ObserveText(string? text)
    {
        if (text is not null)
        {
            _texts.Enqueue(text);
        }
    }

    public void AssertClean()
    {
        var secrets = _configuredSecrets.Concat(Transport.IssuedSecrets).Where(s => s.Length >= 6).Distinct(StringComparer.Ordinal).ToArray();
        var texts = _texts.Concat(_logs.Entries).ToArray();
        TextsAudited = texts.Length;
        foreach (var text in texts)
        {
            foreach (var secret in secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    Assert.Fail($"A secret of {secret.Length} chars starting '{secret[..2]}' leaked into: {Mask(text, secret)}");
                }
            }
        }

        var origins = _apiOrigins.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (origin, authorization) in Transport.Sent)
        {
            if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(origins.Contains(origin), $"A bearer token was sent to {origin}, which is not an API origin.");
            }
        }
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        Transport.Dispose();
    }

    private static string Mask(string text, string secret)
    {
        var masked = text.Replace(secret, "<SECRET>", StringComparison.Ordinal);
        return masked.Length > 400 ? masked[..400] : masked;
    }
}
