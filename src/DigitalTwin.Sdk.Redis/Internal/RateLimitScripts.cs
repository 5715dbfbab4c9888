namespace DigitalTwin.Sdk.Redis.Internal;

/// <summary>
/// The atomic Lua scripts of the shared limiters. Each reads the time from Redis (<c>TIME</c>, microseconds), so all
/// processes share one clock, and answers 0 for a granted permit or how many microseconds to wait before asking again.
/// Data that is not what the script wrote (another type under the key, a number in the far future) is reset, not
/// trusted: the answer is then -1 plus a normal grant decision on the reset state.
/// </summary>
internal static class RateLimitScripts
{
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local foreign = 0
        local function own(key, kind)
          local actual = redis.call('TYPE', key)['ok']
          if actual ~= 'none' and actual ~= kind then
            redis.call('DEL', key)
            foreign = 1
          end
        end
        local function num(key, limit)
          local v = tonumber(redis.call('GET', key))
          if v ~= nil and (v ~= v or v > limit or v < 0) then
            redis.call('DEL', key)
            foreign = 1
            return nil
          end
          return v
        end

        """;

    /// <summary>
    /// Sliding log with even pacing. KEYS: log (sorted set of grant times), next slot. ARGV: limit, window µs (the
    /// quota's window plus a quarter interval of tolerance for arrival jitter), interval µs, unique member.
    /// </summary>
    public const string SlidingWindow = Now + """
        own(KEYS[1], 'zset')
        own(KEYS[2], 'string')
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local interval = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local future = redis.call('ZREMRANGEBYSCORE', KEYS[1], '(' .. string.format('%.0f', now + window), '+inf')
        if future > 0 then foreign = 1 end
        local count = redis.call('ZCARD', KEYS[1])
        local nextSlot = num(KEYS[2], now + window) or 0
        local ttl = math.ceil((window + interval) / 1000) + 1000
        if count < limit and now >= nextSlot then
          redis.call('ZADD', KEYS[1], now, ARGV[4])
          local n = nextSlot + interval
          if now - nextSlot > interval then n = now + interval end
          redis.call('PEXPIRE', KEYS[1], ttl)
          redis.call('SET', KEYS[2], string.format('%.0f', n), 'PX', ttl)
          return {0, foreign}
        end
        local wait = 0
        if count >= limit then
          local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
          wait = tonumber(oldest[2]) + window - now
        end
        if nextSlot - now > wait then wait = nextSlot - now end
        if wait < 1 then wait = 1 end
        return {math.ceil(wait), foreign}
        """;

    /// <summary>
    /// Token bucket as a generic cell rate (GCRA). KEYS: theoretical arrival time. ARGV: period µs, burst.
    /// </summary>
    public const string TokenBucket = Now + """
        own(KEYS[1], 'string')
        local period = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local tat = num(KEYS[1], now + period * (burst + 1)) or now
        if tat < now then tat = now end
        local allowAt = tat - (burst - 1) * period
        if now >= allowAt then
          local newTat = tat + period
          redis.call('SET', KEYS[1], string.format('%.0f', newTat), 'PX', math.ceil((newTat - now) / 1000) + 1000)
          return {0, foreign}
        end
        return {math.ceil(allowAt - now), foreign}
        """;

    /// <summary>
    /// One holder at a time, the next one no sooner than an interval after the holder gave the permit back. KEYS:
    /// holder, next start. ARGV: holder id, longest hold ms, interval µs, poll µs while held.
    /// </summary>
    public const string IntervalAcquire = Now + """
        own(KEYS[1], 'string')
        own(KEYS[2], 'string')
        local interval = tonumber(ARGV[3])
        if redis.call('EXISTS', KEYS[1]) == 1 then
          local wait = tonumber(ARGV[4])
          local pttl = redis.call('PTTL', KEYS[1])
          if pttl > 0 and pttl * 1000 < wait then wait = pttl * 1000 end
          return {wait, foreign}
        end
        local nextStart = num(KEYS[2], now + interval) or 0
        if now < nextStart then return {math.ceil(nextStart - now), foreign} end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return {0, foreign}
        """;

    /// <summary>Gives a held permit back. KEYS: holder, next start. ARGV: holder id, interval µs.</summary>
    public const string IntervalRelease = Now + """
        own(KEYS[1], 'string')
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('DEL', KEYS[1])
          local interval = tonumber(ARGV[2])
          redis.call('SET', KEYS[2], string.format('%.0f', now + interval), 'PX', math.ceil(interval / 1000) + 1000)
          return {1, foreign}
        end
        return {0, foreign}
        """;
}
