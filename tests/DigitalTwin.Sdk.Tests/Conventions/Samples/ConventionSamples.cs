using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using Microsoft.Extensions.Logging;

#pragma warning disable CA1822, CA1056, CA1002, CA2227 // Deliberately non-compliant samples; only their shape matters.

namespace DigitalTwin.Sdk.Tests.Conventions.Samples;

/// <summary>A root client breaking every template rule: unsealed, no interface, not disposable, two constructors.</summary>
public class BadClient
{
    public BadClient(BadOptions options, HttpClient? transport = null, ITokenProvider? credential = null)
    {
        Sub = new BadSubClient();
        _ = (options, transport, credential);
    }

    public BadClient(BadOptions options) => Sub = new BadSubClient();

    public BadSubClient Sub { get; }
}

/// <summary>A sub-client exposed as a class.</summary>
public sealed class BadSubClient;

/// <summary>Options not deriving from DigitalTwinClientOptions, naming the token endpoint otherwise, printing secrets.</summary>
public sealed class BadOptions
{
    public Uri? AuthUrl { get; set; }

    public Uri? ImsTokenUrl { get; set; }

    public string? ClientSecret { get; set; }

    public string? ApiKey { get; set; }

    public override string ToString() => $"BadOptions {{ ClientSecret = {ClientSecret}, ApiKey = {ApiKey} }}";
}

/// <summary>The template's root client interface.</summary>
public interface IGoodClient
{
    IGoodSubClient Sub { get; }
}

/// <summary>A sub-client interface.</summary>
public interface IGoodSubClient;

/// <summary>A root client following the template.</summary>
public sealed class GoodClient : IGoodClient, IDisposable
{
    public GoodClient(GoodOptions options, ITokenProvider? credential = null, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        _ = (options, credential, transport, loggerFactory, timeProvider);

    public IGoodSubClient Sub => null!;

    public void Dispose()
    {
    }
}

/// <summary>Options following the template, keeping the secret out of ToString().</summary>
public sealed class GoodOptions : DigitalTwinClientOptions
{
    public Uri? TokenUrl { get; set; }

    public string? ClientSecret { get; set; }

    public override string ToString() => $"GoodOptions {{ TokenUrl = {TokenUrl}, ClientSecret = *** }}";
}

/// <summary>A class mocked by inheritance: protected constructor and virtual members.</summary>
public class MockableThing
{
    protected MockableThing()
    {
    }

    public virtual string Name => "x";

    public virtual Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override string ToString() => Name;
}

/// <summary>An unsealed record: its compiler-generated virtual members are not mocking hooks.</summary>
public record OpenRecord(string Name);

/// <summary>An abstract base designed for derivation.</summary>
public abstract class AbstractBase
{
    protected AbstractBase()
    {
    }

    public virtual void Hook()
    {
    }
}

/// <summary>A documented extension point (exempted by the caller).</summary>
public class ExtensionPointBase
{
    public virtual void Hook()
    {
    }
}

/// <summary>Unmodelled JSON under the wrong name.</summary>
public sealed record ModelWithExtensionData
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Unmodelled JSON under yet another name.</summary>
public sealed record ModelWithOtherName
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Unmodelled JSON as the template names it.</summary>
public sealed record GoodModel
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
