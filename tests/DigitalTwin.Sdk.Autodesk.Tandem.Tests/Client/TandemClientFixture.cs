using System.Collections.Concurrent;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

/// <summary>Builds SDK clients pointed at a <see cref="TandemEmulator"/>.</summary>
internal static class TandemClientFixture
{
    internal static TandemOptions Options(TandemEmulator emu, TandemAuthFlow flow = TandemAuthFlow.TwoLegged, bool publicClient = false) => new()
    {
        BaseUrl = new Uri(emu.BaseUri, "tandem/v1/"),
        TokenUrl = new Uri(emu.BaseUri, "authentication/v2/token"),
        AuthorizeUrl = new Uri(emu.BaseUri, "authentication/v2/authorize"),
        RevokeUrl = new Uri(emu.BaseUri, "authentication/v2/revoke"),
        ClientId = publicClient ? emu.PublicClientId : emu.ClientId,
        ClientSecret = publicClient ? null : emu.ClientSecret,
        Flow = flow,
        RedirectUri = emu.RedirectUri,
        Scope = "data:read data:write",
        CredentialOrigins = [emu.DocumentOrigin], // The emulator's stand-in for https://tandem.autodesk.com, as serve writes it.
        Retry = { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
    };

    internal static TandemClient Create(TandemEmulator emu, Action<TandemOptions>? configure = null, ITandemTokenStore? store = null, TimeProvider? time = null)
    {
        var options = Options(emu);
        configure?.Invoke(options);
        if (store is not null)
        {
            options.UseTokenStore(store);
        }

        return new TandemClient(options, timeProvider: time);
    }

    /// <summary>Follows the authorize URL like a browser that consents at once, and returns the code of the callback.</summary>
    internal static async Task<string> SignInAsync(Uri authorizeUri)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUri);
        Assert.Equal(302, (int)response.StatusCode);
        var query = response.Headers.Location!.Query.TrimStart('?').Split('&');
        return Uri.UnescapeDataString(query.Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..]);
    }
}

/// <summary>A handler added with <c>AddTandem().AddHttpMessageHandler</c> that records the exact request URIs the SDK sends.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public ConcurrentQueue<Uri> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }
}
