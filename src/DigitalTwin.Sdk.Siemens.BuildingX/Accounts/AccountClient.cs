using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Customers;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Siemens.BuildingX.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Accounts;

/// <summary>Reads <c>/me</c> and <c>/me/customers</c>.</summary>
internal sealed class AccountClient(BuildingXConnection connection) : IAccountClient
{
    public Task<Account> GetMeAsync(CancellationToken cancellationToken = default) =>
        connection.GetResourceAsync("me", null, BuildingXJsonContext.Default.AccountDocument, "GetMe", cancellationToken);

    public AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        connection.List("me/customers", query, BuildingXJsonContext.Default.CustomerListDocument, "GetCustomers", false, cancellationToken);
}
