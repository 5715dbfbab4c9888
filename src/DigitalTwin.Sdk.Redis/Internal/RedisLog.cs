using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Redis.Internal;

internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Warning, "Redis is unreachable ({Reason}); shared quotas fall back to local limiters with 1/{InstanceCount} of each quota until it answers again.")]
    public static partial void Unavailable(ILogger logger, string reason, int instanceCount);

    [LoggerMessage(2, LogLevel.Information, "Redis answers again; shared quotas are kept in Redis.")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Ignored unexpected data under a rate-limit key in Redis ({Detail}); it was reset.")]
    public static partial void ForeignData(ILogger logger, string detail);

    [LoggerMessage(4, LogLevel.Error, "The shared rate limiter failed unexpectedly ({Reason}); its waiting callers went to the local fallback.")]
    public static partial void Unexpected(ILogger logger, string reason);
}
