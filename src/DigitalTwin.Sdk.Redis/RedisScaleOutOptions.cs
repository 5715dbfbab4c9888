using StackExchange.Redis;

namespace DigitalTwin.Sdk.Redis;

/// <summary>How the SDK's processes share vendor quotas over Redis.</summary>
public sealed class RedisScaleOutOptions
{
    /// <summary>Gets or sets the StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…</c>.</summary>
    /// <value>Defaults to <see langword="null"/>; required unless <see cref="Connection"/> is set. It is never logged
    /// (it may hold a password).</value>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets a connection the host app already holds; the SDK uses it and does not dispose it.</summary>
    /// <value>Defaults to <see langword="null"/>: the SDK connects with <see cref="Configuration"/>.</value>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>Gets or sets the prefix of every key the SDK writes, so several apps can share one Redis.</summary>
    /// <value>Defaults to <c>dtsdk:</c>.</value>
    public string KeyPrefix { get; set; } = "dtsdk:";

    /// <summary>
    /// Gets the vendors whose quotas and tokens go through Redis, by configuration section name (<c>BuildingX</c>,
    /// <c>Tandem</c>, <c>LifecycleTwin</c>, <c>ITwinIoT</c>, <c>ThreadEdge</c>; case-insensitive). The other vendors'
    /// clients keep their in-process limiters and token caches.
    /// </summary>
    /// <value>Empty by default: every vendor.</value>
    public ISet<string> Vendors { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how many processes share a quota. While Redis is unreachable each process falls back to a
    /// local limiter with 1/<c>InstanceCount</c> of the quota, so together they stay within it.</summary>
    /// <value>Defaults to 1.</value>
    public int InstanceCount { get; set; } = 1;

    /// <summary>Gets or sets the longest a call waits on one Redis command; past it the call goes on with the local
    /// fallback instead.</summary>
    /// <value>Defaults to 500 milliseconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how long the SDK stays on the local fallback after Redis failed before it tries Redis again.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest a held permit (a quota spaced from completion, such as Tandem ingest) stays
    /// taken in Redis when its holder never gives it back (a crashed process).</summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan MaxPermitHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets whether the clients' tokens are shared through Redis too (one token request per credential
    /// across all processes, rotating refresh tokens written back before anyone else refreshes).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ShareTokens { get; set; } = true;

    /// <summary>Gets or sets how long a stored token with a refresh token is kept (the refresh token outlives the access
    /// token: APS three-legged refresh tokens last 15 days).</summary>
    /// <value>Defaults to 15 days.</value>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(15);

    /// <summary>Gets or sets the host's data protector that encrypts tokens before they are stored (ASP.NET Core data
    /// protection, with keys shared by the processes).</summary>
    /// <value>Defaults to <see langword="null"/>: see <see cref="TokenEncryptionKey"/>; with neither, tokens are stored as
    /// they are (protect Redis itself: password, TLS, network).</value>
    public Microsoft.AspNetCore.DataProtection.IDataProtector? TokenProtector { get; set; }

    /// <summary>Gets or sets a 256-bit key that encrypts stored tokens with AES-GCM (used when <see cref="TokenProtector"/> is not set).</summary>
    /// <value>Defaults to <see langword="null"/>. Never logged.</value>
    public byte[]? TokenEncryptionKey { get; set; }

    /// <summary>Returns the settings without the configuration string (it may hold a password).</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() =>
        $"RedisScaleOutOptions {{ Connection = {(Connection is not null ? "supplied" : Configuration is null ? "none" : "configured")}, KeyPrefix = {KeyPrefix}, InstanceCount = {InstanceCount}, OperationTimeout = {OperationTimeout}, RetryInterval = {RetryInterval}, Vendors = {(Vendors.Count == 0 ? "all" : string.Join(",", Vendors))}, ShareTokens = {ShareTokens}, TokenEncryption = {(TokenProtector is not null ? "data protector" : TokenEncryptionKey is not null ? "key" : "none")} }}";

    /// <summary>Tells whether <paramref name="vendor"/>'s quotas and tokens go through Redis.</summary>
    internal bool Covers(string? vendor) => Vendors.Count == 0 || (vendor is not null && Vendors.Contains(vendor));

    internal void Validate()
    {
        if (Connection is null && string.IsNullOrWhiteSpace(Configuration))
        {
            throw new ArgumentException("Set RedisScaleOutOptions.Configuration (a StackExchange.Redis configuration string) or Connection.", "options");
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            throw new ArgumentException("RedisScaleOutOptions.KeyPrefix must not be empty.", "options");
        }

        if (InstanceCount < 1)
        {
            throw new ArgumentException("RedisScaleOutOptions.InstanceCount must be at least 1.", "options");
        }

        if (TokenEncryptionKey is { Length: not 32 })
        {
            throw new ArgumentException("RedisScaleOutOptions.TokenEncryptionKey must be 32 bytes (AES-256).", "options");
        }

        if (OperationTimeout <= TimeSpan.Zero || RetryInterval <= TimeSpan.Zero || MaxPermitHold <= TimeSpan.Zero || RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("RedisScaleOutOptions.OperationTimeout, RetryInterval, MaxPermitHold and RefreshTokenLifetime must be positive.", "options");
        }
    }
}
