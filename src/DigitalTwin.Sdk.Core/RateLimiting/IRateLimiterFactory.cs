using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// Creates the limiter of one quota: the seam where a limiter shared by several processes (for example one kept in
/// Redis) replaces the in-process kinds. Register an implementation in DI before the clients, or pass it to a
/// <see cref="RateLimiterRegistry"/>.
/// </summary>
public interface IRateLimiterFactory
{
    /// <summary>Creates the limiter of <paramref name="quota"/>; called once per quota and registry.</summary>
    /// <param name="quota">The quota.</param>
    /// <param name="timeProvider">The clock of the client that asked first.</param>
    /// <returns>A limiter the registry owns and disposes.</returns>
    RateLimiter Create(RateLimitQuota quota, TimeProvider timeProvider);
}
