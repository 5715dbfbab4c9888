using System.Diagnostics;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Telemetry;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Native AOT sample: reads DigitalTwin__LifecycleTwin__* from the environment, registers the SDK with
// AddDigitalTwinSdk, lists sites and walks every asset page. Exit code 0 only if sites and assets came back.
// CI points it at the emulator of `dotnet run --project samples/DigitalTwin.Sdk.Samples -- serve`.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var requests = 0;
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    ActivityStopped = _ => Interlocked.Increment(ref requests),
};
ActivitySource.AddActivityListener(listener);

var services = new ServiceCollection();
try
{
    services.AddDigitalTwinSdk(configuration);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var provider = services.BuildServiceProvider();
try
{
    var client = provider.GetRequiredService<ILifecycleTwinClient>();
    var sites = 0;
    await foreach (var site in client.Sites.GetSitesAsync(LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name")), timeout.Token))
    {
        sites++;
        Console.WriteLine($"site {site.Id} {site.Name}");
    }

    int pages = 0, assets = 0;
    await foreach (var page in client.Assets.GetAssetsAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 250).WithCancellation(timeout.Token))
    {
        pages++;
        assets += page.Values.Count;
    }

    var mode = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT (trimmed or not)" : "Native AOT";
    Console.WriteLine($"{mode}: {sites} site(s), {assets} asset(s) in {pages} page(s), {requests} SDK request activities.");
    return sites > 0 && assets > 0 && requests > 0 ? 0 : 1;
}
catch (Exception ex) when (ex is DigitalTwinException or OptionsValidationException or OperationCanceledException)
{
    Console.Error.WriteLine($"failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
