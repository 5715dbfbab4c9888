using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Samples.Scenarios;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// N worker processes on one Building X credential against one emulator, sharing the quota over Redis; the emulator
/// counts what arrived and what it answered 429.
/// </summary>
internal static class ScaleOutRun
{
    /// <summary>Starts the workers; each runs <paramref name="calls"/> Building X reads, 4 at a time.</summary>
    public static List<WorkerProcess> StartWorkers(BuildingXEmulator emulator, string redis, int workers, int calls) =>
        Start("building-x", BuildingXScenario.EmulatorSettings(emulator), redis, workers, calls);

    /// <summary>Starts the workers; each sends <paramref name="calls"/> stream ingests to the emulator's default model.</summary>
    public static List<WorkerProcess> StartWorkers(TandemEmulator emulator, string redis, int workers, int calls) =>
        Start(
            "tandem",
            [.. TandemScenario.EmulatorSettings(emulator), KeyValuePair.Create("ScaleOut__TandemModel", emulator.DefaultModelId), KeyValuePair.Create("ScaleOut__TandemStream", emulator.StreamFullKeys[0])],
            redis,
            workers,
            calls);

    /// <summary>
    /// Starts the workers on one three-legged APS session (<paramref name="sessionId"/>, seeded beforehand with
    /// <see cref="SeedThreeLeggedSessionAsync"/>): each reads the emulator's twin <paramref name="calls"/> times, two
    /// at a time, each lane pausing <paramref name="interval"/> after a call, so the run spans several token lifetimes.
    /// </summary>
    public static List<WorkerProcess> StartThreeLeggedWorkers(TandemEmulator emulator, string redis, string sessionId, byte[] tokenKey, int workers, int calls, TimeSpan interval) =>
        Start(
            "tandem-3legged",
            [.. ThreeLeggedSettings(emulator, sessionId), KeyValuePair.Create("ScaleOut__TokenKey", Convert.ToBase64String(tokenKey))],
            redis,
            workers,
            calls,
            ["--concurrency", "2", "--interval-ms", ((int)interval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>
    /// Signs the emulator's user in once, as a host's sign-in callback does, in a container of its own with
    /// <c>UseRedis</c>: the exchange seeds the three-legged session <paramref name="sessionId"/> in Redis (encrypted
    /// with <paramref name="tokenKey"/>) for every worker that names it; one twin read then uses the sign-in's token.
    /// </summary>
    public static async Task SeedThreeLeggedSessionAsync(TandemEmulator emulator, string redis, string sessionId, byte[] tokenKey, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ThreeLeggedSettings(emulator, sessionId).Select(s => KeyValuePair.Create<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddTandem(configuration.GetSection(TandemOptions.SectionName));
        services.UseRedis(o =>
        {
            o.Configuration = redis;
            o.OperationTimeout = TimeSpan.FromSeconds(10);
            o.TokenEncryptionKey = tokenKey;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITandemClient>();
        var pkce = PkceCodes.Create();
        var code = await ConsentAsync(client.Auth.CreateAuthorizeUri(pkce), cancellationToken);
        await client.Auth.ExchangeCodeAsync(code, pkce, cancellationToken);

        // The host shows the signed-in user something: the sign-in's token is used once here.
        await client.Twins.GetTwinAsync(TwinUrn.Parse(emulator.TwinId), cancellationToken);
    }

    /// <summary>Follows the emulator's authorize URL like a browser whose user consents at once; returns the callback's code.</summary>
    public static async Task<string> ConsentAsync(Uri authorizeUri, CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUri, cancellationToken);
        var query = response.Headers.Location?.Query.TrimStart('?').Split('&') ?? [];
        var code = query.FirstOrDefault(p => p.StartsWith("code=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The authorize endpoint answered {(int)response.StatusCode} without a code.");
        return Uri.UnescapeDataString(code["code=".Length..]);
    }

    /// <summary>The settings of a three-legged client of the emulator's confidential app on session <paramref name="sessionId"/>.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ThreeLeggedSettings(TandemEmulator emulator, string sessionId) =>
    [
        .. TandemScenario.EmulatorSettings(emulator),
        KeyValuePair.Create("DigitalTwin__Tandem__Flow", "ThreeLegged"),
        KeyValuePair.Create("DigitalTwin__Tandem__RedirectUri", emulator.RedirectUri.ToString()),
        KeyValuePair.Create("DigitalTwin__Tandem__SessionId", sessionId),
        KeyValuePair.Create("DigitalTwin__Tandem__TwinId", emulator.TwinId),
    ];

    private static List<WorkerProcess> Start(string vendor, IReadOnlyList<KeyValuePair<string, string>> settings, string redis, int workers, int calls, IReadOnlyList<string>? extra = null)
    {
        var (program, prefix) = WorkerProcess.Self();
        var count = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, workers).Select(i => WorkerProcess.Start(
            i,
            program,
            [.. prefix, "scale-out-worker", "--vendor", vendor, "--redis", redis, "--instances", count, "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra ?? []],
            settings))];
    }

    /// <summary>The ingest rate at the emulator: ingest requests over the time between the first and the last one.</summary>
    public static (int Requests, double PerSecond) IngestRate(TandemEmulator emulator) =>
        Rate(emulator.Requests.Snapshot().Where(r => r.Method == "POST" && r.Path.Contains("/timeseries/models/", StringComparison.Ordinal)).Select(r => r.ReceivedAt));

    /// <summary>The aggregate rate at the emulator: API requests over the time between the first and the last one.</summary>
    public static (int Requests, double PerSecond) ArrivalRate(BuildingXEmulator emulator) =>
        Rate(emulator.Requests.ForPath(emulator.ApiBaseUri.AbsolutePath.TrimEnd('/')).Select(r => r.ReceivedAt));

    private static (int Requests, double PerSecond) Rate(IEnumerable<DateTimeOffset> arrivals)
    {
        var api = arrivals.Order().ToList();
        if (api.Count < 2)
        {
            return (api.Count, 0);
        }

        var span = (api[^1] - api[0]).TotalSeconds;
        return (api.Count, span > 0 ? (api.Count - 1) / span : 0);
    }
}
