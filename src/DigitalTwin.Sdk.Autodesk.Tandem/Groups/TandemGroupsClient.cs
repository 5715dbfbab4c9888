using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Default <see cref="ITandemGroupsClient"/> over the SDK pipeline.</summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.Groups"/>.</remarks>
internal sealed class TandemGroupsClient : ITandemGroupsClient
{
    private const string GroupPrefix = "urn:adsk.dtg:";
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;

    internal TandemGroupsClient(ClientRuntime runtime, TandemOptions options)
    {
        _runtime = runtime;
        _options = options;
    }

    /// <inheritdoc />
    public AsyncPageable<TandemGroup> GetGroupsAsync(CancellationToken cancellationToken = default) =>
        PageableHelpers.Create<TandemGroup>(
            async (_, _, ct) =>
            {
                using var request = TandemRequests.Create(_runtime, _options, HttpMethod.Get, "groups", "GetGroups");
                var response = await _runtime.SendJsonAsync(request, TandemJsonContext.Default.IReadOnlyListTandemGroup, ct).ConfigureAwait(false);
                return new Page<TandemGroup>(response.Value, null, response.RequestId);
            },
            cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<TandemGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var segment = GroupSegment(groupId);
        return GetCoreAsync(segment, cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<TandemTwinListItem> GetTwinsAsync(string groupId, CancellationToken cancellationToken = default) =>
        TwinListing.Create(_runtime, _options, "groups/" + GroupSegment(groupId) + "/twins", "GetGroupTwins", cancellationToken);

    private static string GroupSegment(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        if (!UrnSyntax.IsValid(groupId, GroupPrefix))
        {
            throw new ArgumentException($"A group URN starts with '{GroupPrefix}' followed by an id of letters, digits, '-' or '_'.", nameof(groupId));
        }

        return groupId; // As the vendor documents write it: colons unescaped (the id needs no escaping).
    }

    private async Task<TandemGroup> GetCoreAsync(string segment, CancellationToken cancellationToken)
    {
        using var request = TandemRequests.Create(_runtime, _options, HttpMethod.Get, "groups/" + segment, "GetGroup");
        var response = await _runtime.SendJsonAsync(request, TandemJsonContext.Default.TandemGroup, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
