using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Customers;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Accounts;

/// <summary>The calling account: <c>/me</c> and <c>/me/customers</c>.</summary>
public interface IAccountClient
{
    /// <summary>Gets the calling (machine) user.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account.</returns>
    /// <exception cref="Core.DigitalTwinApiException">The service refused the request.</exception>
    Task<Account> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the customers the calling user has access to.</summary>
    /// <param name="query">Filters, paging, includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The customers, fetched page by page.</returns>
    AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
