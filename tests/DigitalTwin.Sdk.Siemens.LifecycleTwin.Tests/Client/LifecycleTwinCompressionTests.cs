using System.Net;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>The SDK's transport asks for compressed answers only when <c>AutomaticDecompression</c> says so (both construction paths).</summary>
public sealed class LifecycleTwinCompressionTests
{
    [Theory]
    [InlineData(DecompressionMethods.None, false)]
    [InlineData(DecompressionMethods.None, true)]
    [InlineData(DecompressionMethods.GZip | DecompressionMethods.Brotli, false)]
    [InlineData(DecompressionMethods.GZip | DecompressionMethods.Brotli, true)]
    public async Task GetAsset_SendsAcceptEncodingOnlyForTheConfiguredMethods(DecompressionMethods methods, bool viaDependencyInjection)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.AutomaticDecompression = methods;

        var client = LifecycleTwinFixture.CreateClient(options, viaDependencyInjection, out var provider);
        try
        {
            var asset = await client.Assets.GetAssetAsync(emulator.Assets[0].Id);
            Assert.Equal(emulator.Assets[0].Id, asset.Id);
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }

        var acceptEncoding = Assert.Single(emulator.Requests.ForPath("/api/assets/")).Header("accept-encoding");
        if (methods == DecompressionMethods.None)
        {
            Assert.Null(acceptEncoding);
        }
        else
        {
            Assert.Equal(["br", "gzip"], acceptEncoding!.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
        }
    }
}
