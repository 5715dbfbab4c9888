using System.Net;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>The one table mapping HTTP status codes to exception types.</summary>
internal static class ApiExceptionFactory
{
    public static DigitalTwinApiException Create(ApiErrorInfo info) => info.StatusCode switch
    {
        HttpStatusCode.Unauthorized => new DigitalTwinAuthenticationException(info),
        HttpStatusCode.Forbidden => new DigitalTwinPermissionException(info),
        HttpStatusCode.NotFound => new DigitalTwinNotFoundException(info),
        HttpStatusCode.Conflict => new DigitalTwinConflictException(info),
        HttpStatusCode.TooManyRequests => new DigitalTwinRateLimitedException(info),
        _ => new DigitalTwinApiException(info),
    };
}
