using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT observation upload (vendor document, "Data upload"): answered 202 <c>{"status": "ACCEPTED"}</c>.</summary>
[Headers("Accept: application/json")]
internal interface IDataApi
{
    [Post("/api/data/upload")]
    Task<HttpResponseMessage> UploadAsync(
        [Body] HttpContent observations,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
