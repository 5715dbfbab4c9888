using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads <c>/me/usergroups</c> and <c>/me/customers</c> of the Accounts API.</summary>
internal sealed class AccountClient(BuildingXConnection accounts) : IAccountClient
{
    public AsyncPageable<UserGroup> GetUserGroupsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List("me/usergroups", query, BuildingXJsonContext.Default.UserGroupListDocument, "GetUserGroups", cancellationToken);

    public AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List("me/customers", query, BuildingXJsonContext.Default.CustomerListDocument, "GetCustomers", cancellationToken);
}
