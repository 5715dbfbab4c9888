using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;

/// <summary>The THREAD's uplink (vendor doc, "iTwin IoT Edge REST API"): interface priority and the cloud connection.</summary>
[Headers("Accept: application/json")]
internal interface INetworkApi
{
    [Get("/api/interfacePriority")]
    Task<HttpResponseMessage> GetInterfacePriorityAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>PUT /api/interfacePriority/cellular</c> or <c>/ethernet</c>, no body.</summary>
    [Put("/api/interfacePriority/{preferred}")]
    Task<HttpResponseMessage> SetInterfacePriorityAsync(
        string preferred,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/cloudConnection")]
    Task<HttpResponseMessage> GetCloudConnectionAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>{"value":"false"}</c> (the flag as a string, as the doc sends it).</summary>
    [Put("/api/cloudConnection")]
    Task<HttpResponseMessage> SetCloudConnectionAsync(
        [Body] TextSwitchRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
