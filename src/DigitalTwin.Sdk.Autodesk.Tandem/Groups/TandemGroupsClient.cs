using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Default <see cref="ITandemGroupsClient"/>: the declared endpoints of <see cref="IGroupsApi"/> with validation and typed answers on top.</summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.Groups"/>.</remarks>
internal sealed class TandemGroupsClient : ITandemGroupsClient
{
    private const string GroupPrefix = "urn:adsk.dtg:";
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;
    private readonly IGroupsApi _api;

    internal TandemGroupsClient(ClientRuntime runtime, TandemOptions options, IGroupsApi api)
    {
        _runtime = runtime;
        _options = options;
        _api = api;
    }

    /// <inheritdoc />
    public AsyncPageable<TandemGroup> GetGroupsAsync(CancellationToken cancellationToken = default) =>
        PageableHelpers.Create<TandemGroup>(
            async (_, _, ct) =>
            {
                var response = await HttpApi.ReceiveJsonAsync(
                    _runtime, _api.GetGroupsAsync(TandemRequests.Region(_options), "GetGroups", ct), TandemJsonContext.Default.IReadOnlyListTandemGroup, ct).ConfigureAwait(false);
                return new Page<TandemGroup>(response.Value, null, response.RequestId);
            },
            cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<TandemGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var id = GroupId(groupId);
        return GetCoreAsync(id, cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<TandemTwinListItem> GetTwinsAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var id = GroupId(groupId);
        return TwinListing.Create(_runtime, ct => _api.GetGroupTwinsAsync(id, TandemRequests.Region(_options), "GetGroupTwins", ct), cancellationToken);
    }

    /// <summary>Validates a group URN and returns its id (the declared paths hold the prefix, colons unescaped as the vendor documents write them).</summary>
    private static string GroupId(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        if (!UrnSyntax.IsValid(groupId, GroupPrefix))
        {
            throw new ArgumentException($"A group URN starts with '{GroupPrefix}' followed by an id of letters, digits, '-' or '_'.", nameof(groupId));
        }

        return groupId[GroupPrefix.Length..];
    }

    private async Task<TandemGroup> GetCoreAsync(string id, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime, _api.GetGroupAsync(id, TandemRequests.Region(_options), "GetGroup", cancellationToken), TandemJsonContext.Default.TandemGroup, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
