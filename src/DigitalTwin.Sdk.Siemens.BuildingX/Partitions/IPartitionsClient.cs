using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Partitions of a customer, from the Accounts API (<see cref="BuildingXOptions.AccountsBaseUrl"/>).</summary>
public interface IPartitionsClient
{
    /// <summary>Lists the partitions of a customer (<c>GET /customers/{customerId}/partitions</c> of the Accounts API).</summary>
    /// <param name="customerId">Customer id, e.g. from <see cref="IAccountClient.GetCustomersAsync"/>.</param>
    /// <param name="query">E.g. <c>Include("ownedByCustomer.name")</c>; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The partitions, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty.</exception>
    AsyncPageable<Partition> GetPartitionsAsync(string customerId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
