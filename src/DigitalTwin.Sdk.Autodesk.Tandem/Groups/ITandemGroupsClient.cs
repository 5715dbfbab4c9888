using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Groups (accounts) and their twins.</summary>
public interface ITandemGroupsClient
{
    /// <summary>Lists the caller's groups (<c>GET groups</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The groups (one page).</returns>
    AsyncPageable<TandemGroup> GetGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one group (<c>GET groups/{groupID}</c>).</summary>
    /// <param name="groupId">The group URN, <c>urn:adsk.dtg:...</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="groupId"/> is not a group URN.</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinNotFoundException">The group does not exist (404).</exception>
    Task<TandemGroup> GetGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Lists the twins of a group (<c>GET groups/{groupID}/twins</c>).</summary>
    /// <param name="groupId">The group URN.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The twins (one page).</returns>
    /// <exception cref="ArgumentException"><paramref name="groupId"/> is not a group URN.</exception>
    AsyncPageable<TandemTwinListItem> GetTwinsAsync(string groupId, CancellationToken cancellationToken = default);
}
