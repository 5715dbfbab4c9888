using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Reads a listing of twins keyed by URN as a one-page pageable.</summary>
internal static class TwinListing
{
    /// <param name="runtime">The API runtime (typed errors, JSON).</param>
    /// <param name="send">The declared call of the listing (<c>Rest/</c>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    internal static AsyncPageable<TandemTwinListItem> Create(ClientRuntime runtime, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        PageableHelpers.Create<TandemTwinListItem>(
            async (_, _, ct) =>
            {
                var response = await HttpApi.ReceiveJsonAsync(runtime, send(ct), TandemJsonContext.Default.DictionaryStringTandemTwin, ct).ConfigureAwait(false);
                var items = new List<TandemTwinListItem>(response.Value.Count);
                foreach (var (urn, twin) in response.Value)
                {
                    items.Add(new TandemTwinListItem(urn, twin));
                }

                return new Page<TandemTwinListItem>(items, null, response.RequestId);
            },
            cancellationToken: cancellationToken);
}
