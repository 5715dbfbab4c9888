namespace DigitalTwin.Sdk.Tests.Docs;

/// <summary>
/// What a doc snippet may take for granted: the usings of an app that references the SDK, and the variables a doc's
/// prose introduces before its blocks (<c>services</c>, <c>configuration</c>, the page's <c>client</c>, a
/// <c>cancellationToken</c>). A snippet that declares a variable of the same name shadows these.
/// </summary>
internal static class SnippetAmbient
{
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Logging;
        global using DigitalTwin.Sdk.Core;
        global using DigitalTwin.Sdk.Core.Auth;
        global using DigitalTwin.Sdk.Core.Paging;
        global using System.Diagnostics;
        global using System.Diagnostics.Metrics;
        global using DigitalTwin.Sdk.Testing;
        global using DigitalTwin.Sdk.Testing.Hosting;
        global using DigitalTwin.Sdk.Testing.Faults;
        global using DigitalTwin.Sdk.Core.Telemetry;
        global using DigitalTwin.Sdk.Redis;
        global using Xunit;
        global using static SnippetVariables;
        """;

    /// <summary>The ambient source for a snippet of <paramref name="file"/>.</summary>
    public static string Source(string file)
    {
        var (ns, client) = Page(file);
        var vendor = ns is null || ns == "DigitalTwin.Sdk.Testing" ? "LifecycleTwin" : ns[(ns.LastIndexOf('.') + 1)..];
        var pageUsings = ns is null || ns == "DigitalTwin.Sdk.Testing"
            ? "global using DigitalTwin.Sdk.Siemens.LifecycleTwin;\nglobal using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;\nglobal using DigitalTwin.Sdk.Testing.LifecycleTwin;\n"
            : $"global using {ns};\nglobal using {ns}.Models;\nglobal using DigitalTwin.Sdk.Testing.{vendor};\n";
        var emulator = $"    public static {vendor}Emulator emulator = null!;\n";
        // The page's client, also under the short name some pages use for it (tandem, thread).
        var alias = vendor switch { "Tandem" => "tandem", "ThreadEdge" => "thread", _ => "vendorClient" };
        var clientField = client is null ? string.Empty : $"    public static {client} client = null!;\n    public static {client} {alias} = null!;\n";
        var source = Usings + "\n" + pageUsings + """
            internal static class SnippetVariables
            {
                public static IServiceCollection services = new ServiceCollection();
                public static IConfiguration configuration = new ConfigurationBuilder().Build();
                public static IServiceProvider provider = null!;
                public static CancellationToken cancellationToken;
                public static CancellationToken ct;
                public static ILoggerFactory loggerFactory = null!;
                public static ITokenProvider myTokens = null!;
                public static string partitionId = "", sensorId = "", projectId = "", key = "", project = "", siteId = "", assetId = "", deviceId = "", pointId = "", id = "", customerId = "", pid = "", csrfToken = "", code = "";
                public static Guid fieldId;
                public static DateTimeOffset from, to, start, now, zero;
                public static string[] args = [];
                public static App host = new();
                public static AppBuilder builder = new();
                public static App app = new();
            }

            /// <summary>The parts of a host builder (WebApplication/Host.CreateApplicationBuilder) the docs use.</summary>
            internal sealed class AppBuilder
            {
                public IServiceCollection Services { get; } = new ServiceCollection();
                public IConfigurationManager Configuration { get; } = new ConfigurationManager();
                public App Build() => new();
            }

            /// <summary>The parts of a built host the docs use.</summary>
            internal sealed class App : IDisposable
            {
                public IServiceProvider Services { get; } = new ServiceCollection().BuildServiceProvider();
                public Task StartAsync() => Task.CompletedTask;
                public void Dispose() { }
            }

            /// <summary>Stands in for Microsoft.Extensions.Hosting's Host (not referenced here).</summary>
            internal static class Host
            {
                public static AppBuilder CreateApplicationBuilder(string[] args) => new();
            }
            """ + "\n";
        // Ids whose type depends on the vendor: a Tandem twin is a TwinUrn, everywhere else an id is a string.
        var twinId = vendor == "Tandem" ? "    public static TwinUrn twinId = null!;\n" : "    public static string twinId = \"\";\n";
        source = source.Replace("public static AppBuilder builder = new();", "public static AppBuilder builder = new();\n" + clientField + emulator + twinId, StringComparison.Ordinal);
        return source;
    }

    private static (string? Namespace, string? Client) Page(string file)
    {
        var name = file.ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("lifecycle", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Siemens.LifecycleTwin", "ILifecycleTwinClient"),
            _ when name.Contains("building", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Siemens.BuildingX", "IBuildingXClient"),
            _ when name.Contains("tandem", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Autodesk.Tandem", "ITandemClient"),
            _ when name.Contains("itwin", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Bentley.ITwinIoT", "IITwinIoTClient"),
            _ when name.Contains("thread", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Bentley.ThreadEdge", "IThreadEdgeClient"),
            _ when name.Contains("testing", StringComparison.Ordinal) => ("DigitalTwin.Sdk.Testing", "ILifecycleTwinClient"),
            _ => ("DigitalTwin.Sdk.Siemens.LifecycleTwin", "ILifecycleTwinClient"),
        };
    }
}
