using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// The calling machine user, as the Accounts API shows it (<c>/me/usergroups</c>, <c>/me/customers</c>). The Accounts
/// API has its own base URL (<see cref="BuildingXOptions.AccountsBaseUrl"/>) and its own rate limit.
/// </summary>
public interface IAccountClient
{
    /// <summary>Lists the user groups of the calling machine user (<c>GET /me/usergroups</c>): which partitions it may access, in which roles.</summary>
    /// <param name="query">Paging (<c>page[size]</c>); optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The user groups, fetched page by page.</returns>
    AsyncPageable<UserGroup> GetUserGroupsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the customers the calling machine user belongs to (<c>GET /me/customers</c>).</summary>
    /// <param name="query">Paging and filters; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The customers, fetched page by page.</returns>
    AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
