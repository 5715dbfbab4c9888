using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

/// <summary>Host apps can fake the client, its sub-clients, pages and models without a mocking library.</summary>
public sealed class FakeabilityTests
{
    [Fact]
    public async Task HostCode_RunsAgainstHandWrittenFakes()
    {
        var twin = new TandemTwin
        {
            AccessLevel = TandemAccessLevel.Owner,
            Props = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>
            {
                ["Identity Data"] = new Dictionary<string, JsonElement> { ["Building Name"] = JsonSerializer.SerializeToElement("Fake Hall", Internal.TandemJsonContext.Default.String) },
            },
            Links = [new TwinModelLink { ModelId = "urn:adsk.dtm:abc", Main = true, Label = "Arch.rvt" }],
        };
        var client = new FakeClient(new FakeTwins(twin));

        var summary = await DescribeAsync(client, TwinUrn.Parse("urn:adsk.dtt:abc"));

        Assert.Equal("Fake Hall: Arch.rvt (views: Overview)", summary);
    }

    /// <summary>What a host app might write against <see cref="ITandemClient"/>.</summary>
    private static async Task<string> DescribeAsync(ITandemClient client, TwinUrn twinId)
    {
        var twin = await client.Twins.GetTwinAsync(twinId);
        var views = new List<string>();
        await foreach (var view in client.Twins.GetViewsAsync(twinId))
        {
            views.Add(view.ViewName ?? "?");
        }

        return $"{twin.GetProperty("Identity Data", "Building Name")}: {twin.MainModel?.Label} (views: {string.Join(", ", views)})";
    }

    private sealed class FakeClient(ITandemTwinsClient twins) : ITandemClient
    {
        public ITandemAuthClient Auth => throw new NotSupportedException();

        public ITandemGroupsClient Groups => throw new NotSupportedException();

        public ITandemTwinsClient Twins { get; } = twins;

        public ITandemModelDataClient ModelData => throw new NotSupportedException();

        public ITandemStreamsClient Streams => throw new NotSupportedException();
    }

    private sealed class FakeTwins(TandemTwin twin) : ITandemTwinsClient
    {
        public Task<TandemTwin> GetTwinAsync(TwinUrn twinId, CancellationToken cancellationToken = default) => Task.FromResult(twin);

        public Task<bool> ExistsAsync(TwinUrn twinId, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public AsyncPageable<TwinView> GetViewsAsync(TwinUrn twinId, CancellationToken cancellationToken = default) =>
            AsyncPageable<TwinView>.FromPages([new Page<TwinView>([new TwinView { ViewName = "Overview", Label = "" }], null)]);

        public AsyncPageable<TandemTwinListItem> GetMyTwinsAsync(CancellationToken cancellationToken = default) =>
            AsyncPageable<TandemTwinListItem>.FromPages([new Page<TandemTwinListItem>([new TandemTwinListItem("urn:adsk.dtt:abc", twin)], null)]);

        public Task DownloadDocumentAsync(TwinDocument document, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
