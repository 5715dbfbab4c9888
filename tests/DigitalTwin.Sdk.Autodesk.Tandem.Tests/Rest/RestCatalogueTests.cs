using System.Reflection;
using System.Text.RegularExpressions;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;
using DigitalTwin.Sdk.Testing.Tandem;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Rest;

/// <summary>The declared endpoints (<c>Rest/</c>, the wire catalogue) against the emulator.</summary>
public sealed class RestCatalogueTests
{
    [Fact]
    public async Task EveryDeclaredEndpoint_IsServedByTheEmulator_WithItsMethodAndLiteralPath()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var twin = TwinUrn.Parse(emu.TwinId);
        var model = ModelUrn.Parse(emu.DefaultModelId);
        var key = ElementKey.Parse(emu.StreamFullKeys[0]);

        // One call through each declared endpoint; an error answer throws (a drifted path or method is 404/405 on the emulator).
        await client.Twins.GetTwinAsync(twin);
        Assert.True(await client.Twins.ExistsAsync(twin));
        await DrainAsync(client.Twins.GetViewsAsync(twin));
        await DrainAsync(client.Twins.GetMyTwinsAsync());
        await DrainAsync(client.Groups.GetGroupsAsync());
        await client.Groups.GetGroupAsync(emu.GroupId);
        await DrainAsync(client.Groups.GetTwinsAsync(emu.GroupId));
        await client.ModelData.ScanAsync(model);
        await client.ModelData.GetSchemaAsync(model);
        await client.ModelData.GetHistoryAsync(model);
        await client.Streams.GetLastValuesAsync(model, [key]);
        await client.Streams.GetReadingsAsync(model, key, new StreamReadingsQuery { Limit = 1 });
        await client.Streams.SendReadingsAsync(model, [new StreamIngestItem(key, new Dictionary<string, double> { ["z:Dg"] = 21.5 }, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero))]);

        // Every declared method/path was received as declared: the method, and the request line as sent (colons unescaped).
        var received = emu.Requests.Snapshot();
        var rawPaths = emu.RawRequestTargets.Select(t => t.Split('?')[0]).ToArray();
        var declared = Declared().ToArray();
        Assert.Equal(13, declared.Length);
        foreach (var (name, method, path) in declared)
        {
            var pattern = new Regex("^/tandem/v1" + Regex.Escape(Regex.Replace(path, @"\{[^}]+\}", "PARAMETER")).Replace("PARAMETER", "[A-Za-z0-9_-]+", StringComparison.Ordinal) + "$");
            Assert.True(received.Any(r => r.Method == method.Method && pattern.IsMatch(r.Path)), $"{name}: no {method} {path} reached the emulator.");
            Assert.True(rawPaths.Any(pattern.IsMatch), $"{name}: no request line matched {path} literally.");
        }
    }

    private static IEnumerable<(string Name, HttpMethod Method, string Path)> Declared() =>
        from type in typeof(ITwinsApi).Assembly.GetTypes()
        where type.IsInterface && type.Namespace == typeof(ITwinsApi).Namespace
        from method in type.GetMethods()
        let verb = method.GetCustomAttribute<HttpMethodAttribute>()
        where verb is not null
        select (type.Name + "." + method.Name, verb.Method, verb.Path);

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }
}
