// Package consumer used by .ci/run: built outside the repository from the packed .nupkg files only.
// Starts the Lifecycle Twin emulator (DigitalTwin.Sdk.Testing), lists its sites with the client from
// DigitalTwin.Sdk.Siemens.LifecycleTwin (directly and through DigitalTwin.Sdk's AddDigitalTwinSdk) and exits 0 only if
// both returned every seeded site.
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var emulator = await LifecycleTwinEmulator.StartAsync(cancellationToken: timeout.Token);

var client = new LifecycleTwinClient(new LifecycleTwinOptions
{
    BaseUrl = emulator.BaseUri,
    ClientId = emulator.ClientId,
    ClientSecret = emulator.ClientSecret,
    Username = emulator.Username,
    Password = emulator.Password,
    ClientName = emulator.ClientName,
});
var sites = new List<string>();
await foreach (var site in client.Sites.GetSitesAsync(cancellationToken: timeout.Token))
{
    sites.Add(site.Id ?? "");
    Console.WriteLine($"site {site.Id} {site.Name}");
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DigitalTwin:LifecycleTwin:BaseUrl"] = emulator.BaseUri.ToString(),
    ["DigitalTwin:LifecycleTwin:ClientId"] = emulator.ClientId,
    ["DigitalTwin:LifecycleTwin:ClientSecret"] = emulator.ClientSecret,
    ["DigitalTwin:LifecycleTwin:Username"] = emulator.Username,
    ["DigitalTwin:LifecycleTwin:Password"] = emulator.Password,
    ["DigitalTwin:LifecycleTwin:ClientName"] = emulator.ClientName,
}).Build();
var services = new ServiceCollection();
services.AddDigitalTwinSdk(configuration);
await using var provider = services.BuildServiceProvider();
var fromDi = 0;
await foreach (var _ in provider.GetRequiredService<ILifecycleTwinClient>().Sites.GetSitesAsync(cancellationToken: timeout.Token))
{
    fromDi++;
}

Console.WriteLine($"consumer: {sites.Count} site(s) directly, {fromDi} through AddDigitalTwinSdk; emulator seeded {emulator.Sites.Count}.");
return sites.Count > 0 && sites.Count == emulator.Sites.Count && fromDi == sites.Count ? 0 : 1;
