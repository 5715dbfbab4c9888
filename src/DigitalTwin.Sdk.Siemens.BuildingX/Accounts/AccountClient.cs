using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads <c>/me/usergroups</c> and <c>/me/customers</c> of the Accounts API over <see cref="IAccountApi"/>.</summary>
internal sealed class AccountClient(BuildingXConnection accounts, IAccountApi api) : IAccountClient
{
    public AsyncPageable<UserGroup> GetUserGroupsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List(query, BuildingXJsonContext.Default.UserGroupListDocument, "GetUserGroups", api.GetUserGroupsAsync, cancellationToken);

    public AsyncPageable<Customer> GetCustomersAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        accounts.List(query, BuildingXJsonContext.Default.CustomerListDocument, "GetCustomers", api.GetCustomersAsync, cancellationToken);
}
