namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Reads the Retry-After header (seconds or an HTTP date) as a wait from now.</summary>
internal static class RetryAfter
{
    /// <summary>Gets the wait the server asks for, never negative, or <see langword="null"/> when it names none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
