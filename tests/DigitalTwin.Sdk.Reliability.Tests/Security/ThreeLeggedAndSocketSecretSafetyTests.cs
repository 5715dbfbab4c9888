using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Reliability.Tests.Security;

/// <summary>
/// The secret audit over the remaining credential kinds, each flow exercised with Trace and body logging on: Tandem
/// three-legged sign-in (authorization code, PKCE verifier, user access and rotating refresh tokens), Building X client
/// credentials, and iTwin IoT IMS client credentials, API keys (REST header and JSON-RPC <c>authenticate</c>) and IMS
/// tokens sent over the socket.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ThreeLeggedAndSocketSecretSafetyTests
{
    [Fact]
    public async Task Tandem_ThreeLeggedPkce_CodeVerifierAccessAndRefreshTokensLeakNowhere()
    {
        using var audit = new SecretAudit();
        await using var emu = await TandemEmulator.StartAsync();
        var options = new TandemOptions
        {
            BaseUrl = new Uri(emu.BaseUri, "tandem/v1/"),
            TokenUrl = new Uri(emu.BaseUri, "authentication/v2/token"),
            AuthorizeUrl = new Uri(emu.BaseUri, "authentication/v2/authorize"),
            RevokeUrl = new Uri(emu.BaseUri, "authentication/v2/revoke"),
            ClientId = emu.ClientId,
            ClientSecret = emu.ClientSecret,
            Flow = TandemAuthFlow.ThreeLegged,
            RedirectUri = emu.RedirectUri,
            Scope = "data:read data:write",
        };
        VendorHarness.Tune(options);
        audit.AddSecret(options.ClientSecret);
        audit.AddApiOrigin(emu.BaseUri);
        var store = new InMemoryTandemTokenStore();
        using var client = new TandemClient(options.UseTokenStore(store), transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory);
        var twin = TwinUrn.Parse(emu.TwinId);

        // Not signed in yet: a typed failure whose text is audited too.
        await ObserveAsync(audit, ct => client.Twins.GetTwinAsync(twin, ct));

        var pkce = PkceCodes.Create();
        audit.AddSecret(pkce.Verifier);
        audit.ObserveText(pkce.ToString());
        var code = await SignInAsync(client.Auth.CreateAuthorizeUri(pkce, state: "reliability"));
        audit.AddSecret(code);
        await client.Auth.ExchangeCodeAsync(code, pkce).WaitAsync(VendorHarness.Bound);
        var firstRefresh = await store.GetRefreshTokenAsync();
        await client.Twins.GetTwinAsync(twin).WaitAsync(VendorHarness.Bound);

        // Expired access token: one refresh grant sends the refresh token in a logged body and rotates it.
        emu.ExpireAccessTokens();
        await client.Twins.GetTwinAsync(twin).WaitAsync(VendorHarness.Bound);
        var rotated = await store.GetRefreshTokenAsync();

        // A refused refresh and an error answer are audited as the caller sees them.
        emu.ExpireAccessTokens();
        emu.Faults.Add(Fault.Status(400, """{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}"""), "/authentication/v2/token", times: 10);
        await ObserveAsync(audit, ct => client.Twins.GetTwinAsync(twin, ct));
        emu.Faults.Clear();
        await ObserveAsync(audit, ct => client.Auth.SignOutAsync(ct));
        audit.ObserveText(options.ToString());

        Assert.NotNull(firstRefresh);
        Assert.NotNull(rotated);
        Assert.NotEqual(firstRefresh, rotated);
        Assert.Equal(1, emu.RefreshGrants);
        Assert.Contains(firstRefresh, audit.Transport.IssuedSecrets);
        Assert.Contains(rotated, audit.Transport.IssuedSecrets);
        audit.AssertClean();
        Assert.True(audit.TextsAudited > 10, $"only {audit.TextsAudited} texts audited");
    }

    [Fact]
    public async Task BuildingX_ClientCredentialsTokensAndErrors_LeakNoSecret()
    {
        using var audit = new SecretAudit();
        await using (var h = await BuildingXHarness.StartAsync(audit))
        {
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);
            h.Emu.RevokeTokens(); // 401 → a new client-credentials token (the secret is in the logged request body)
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);

            h.Emu.RevokeTokens();
            h.Emu.Faults.Add(Fault.Status(401, """{"error":"access_denied","error_description":"Unauthorized"}"""), "/oauth/token", times: 10);
            await ObserveAsync(audit, h.ReadAsync);
            h.Emu.Faults.Clear();

            h.Emu.Faults.Add(Fault.Status(500, """{"errors":[{"status":"500","code":"10-0500","title":"Internal error"}]}"""), h.ReadPath, times: 10);
            await ObserveAsync(audit, h.ReadAsync);
            audit.ObserveText(h.Options.ToString());
            Assert.True(h.Emu.TokensIssued >= 2, "the run did not renew the token");
        }

        Assert.True(audit.Transport.IssuedSecrets.Count >= 2, "no tokens were harvested, so the audit would prove nothing");
        audit.AssertClean();
    }

    [Fact]
    public async Task ITwinIoT_ImsTokensApiKeysRestAndSocket_LeakNoSecret()
    {
        using var audit = new SecretAudit();
        await using (var h = await ITwinIoTHarness.StartAsync(audit))
        {
            // REST and socket over IMS: the socket authenticates with the IMS access token as its code.
            await h.ReadAsync(CancellationToken.None).WaitAsync(VendorHarness.Bound);
            await h.Client.Socket.GetSensorsAsync([Testing.ITwinIoT.ITwinIoTEmulator.TiltSensorId]).WaitAsync(VendorHarness.Bound);
            h.Emu.Faults.Add(Fault.Status(500, """{"errors":[{"message":"boom"}]}"""), h.ReadPath, times: 10);
            await ObserveAsync(audit, h.ReadAsync);
            h.Emu.Faults.Clear();

            // REST with the API key in the Authorization header, and a refused IMS client secret.
            var keyOptions = new ITwinIoTOptions
            {
                RestBaseUrl = h.Emu.BaseUri,
                WebSocketUrl = h.Emu.WebSocketUri,
                ApiKey = h.Emu.ApiKey,
                ProjectId = h.Options.ProjectId,
            };
            VendorHarness.Tune(keyOptions);
            audit.ObserveText(keyOptions.ToString());
            await using (var keyClient = new ITwinIoTClient(keyOptions, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory))
            {
                await keyClient.Rest.GetDocumentsAsync().WaitAsync(VendorHarness.Bound);
                await keyClient.Socket.GetTimeAsync().WaitAsync(VendorHarness.Bound);
            }

            var wrongSecret = new ITwinIoTOptions
            {
                RestBaseUrl = h.Emu.BaseUri,
                WebSocketUrl = h.Emu.WebSocketUri,
                TokenUrl = h.Emu.ImsTokenUri,
                ClientId = h.Options.ClientId,
                ClientSecret = "wrong-ims-secret-31415",
            };
            VendorHarness.Tune(wrongSecret);
            audit.AddSecret(wrongSecret.ClientSecret);
            await using (var refused = new ITwinIoTClient(wrongSecret, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory))
            {
                await ObserveAsync(audit, ct => refused.Rest.GetDocumentsAsync(cancellationToken: ct));
            }

            // A socket whose API key is refused: the authenticate error must not echo the key.
            const string wrongKey = "WRONGKEY0123456789XY";
            audit.AddSecret(wrongKey);
            var socketOptions = new ITwinIoTSocketOptions
            {
                WebSocketUrl = h.Emu.WebSocketUri,
                ApiKey = wrongKey,
                MaxReconnectAttempts = 0,
                KeepAliveInterval = Timeout.InfiniteTimeSpan,
            };
            audit.ObserveText(socketOptions.ToString());
            await using (var socket = new ITwinIoTSocketClient(socketOptions, audit.LoggerFactory))
            {
                await ObserveAsync(audit, ct => socket.GetTimeAsync(ct));
            }

            Assert.True(h.Emu.TokensIssued >= 1, "the IMS flow was not exercised");
        }

        Assert.Contains(audit.Transport.IssuedSecrets, s => s.StartsWith("ims-", StringComparison.Ordinal));
        audit.AssertClean();
    }

    private static async Task<string> SignInAsync(Uri authorizeUri)
    {
        // A browser that consents at once: the emulator redirects to the app with the code.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUri);
        Assert.Equal(302, (int)response.StatusCode);
        var query = response.Headers.Location!.Query.TrimStart('?').Split('&');
        return Uri.UnescapeDataString(query.Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..]);
    }

    private static async Task ObserveAsync(SecretAudit audit, Func<CancellationToken, Task> call)
    {
        try
        {
            await call(CancellationToken.None).WaitAsync(VendorHarness.Bound);
        }
        catch (Exception ex) when (ex is DigitalTwinException or JsonRpcException or ConnectionLostException or ArgumentException or InvalidOperationException)
        {
            audit.Observe(ex);
        }
    }
}
