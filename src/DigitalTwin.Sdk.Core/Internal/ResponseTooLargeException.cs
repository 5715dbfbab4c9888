namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Raised inside an attempt when a body exceeds <c>MaxResponseBytes</c>; never retried.</summary>
internal sealed class ResponseTooLargeException(long limit) : IOException($"The response body is larger than the configured limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
