using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Reads a listing of twins keyed by URN as a one-page pageable.</summary>
internal static class TwinListing
{
    internal static AsyncPageable<TandemTwinListItem> Create(ClientRuntime runtime, TandemOptions options, string path, string operation, CancellationToken cancellationToken) =>
        PageableHelpers.Create<TandemTwinListItem>(
            async (_, _, ct) =>
            {
                using var request = TandemRequests.Create(runtime, options, HttpMethod.Get, path, operation);
                var response = await runtime.SendJsonAsync(request, TandemJsonContext.Default.DictionaryStringTandemTwin, ct).ConfigureAwait(false);
                var items = new List<TandemTwinListItem>(response.Value.Count);
                foreach (var (urn, twin) in response.Value)
                {
                    items.Add(new TandemTwinListItem(urn, twin));
                }

                return new Page<TandemTwinListItem>(items, null, response.RequestId);
            },
            cancellationToken: cancellationToken);
}
