using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Customers;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Siemens.BuildingX.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Accounts;

/// <summary>Reads <c>/me/usergroups</c> and <c>/me/customers</c> of the Accounts API.</summary>
internal sealed class AccountClient(BuildingXConnection accounts) : IAccountClient
{
    public AsyncPageable<UserGroup> GetUserGroupsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List("me/usergroups", query, BuildingXJsonContext.Default.UserGroupListDocument, "GetUserGroups", cancellationToken);

    public AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List("me/customers", query, BuildingXJsonContext.Default.CustomerListDocument, "GetCustomers", cancellationToken);
}
