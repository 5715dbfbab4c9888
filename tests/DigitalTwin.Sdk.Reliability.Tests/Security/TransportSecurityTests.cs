using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;

namespace DigitalTwin.Sdk.Reliability.Tests.Security;

/// <summary>
/// Cloud base URLs must be https (the iTwin IoT socket wss); plain http (ws) only for loopback hosts; THREAD edge (a LAN device) accepts
/// non-loopback http only with <see cref="ThreadEdgeOptions.AllowInsecureHttp"/>. Checked through each options
/// class's validation and through the public constructors (which refuse invalid options before any I/O).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TransportSecurityTests
{
    public static TheoryData<string, bool> CloudUrls => new()
    {
        { "https://api.example.com/", true },
        { "http://api.example.com/", false },
        { "http://127.0.0.1:5000/", true },
        { "http://127.8.9.10/", true },
        { "http://localhost:8080/", true },
        { "http://[::1]:8080/", true },
        { "http://127.0.0.1.example.com/", false },
        { "http://localhost.example.com/", false },
        { "http://10.0.0.5/", false },
        { "ftp://api.example.com/", false },
        { "ws://api.example.com/", false },
    };

    [Theory]
    [MemberData(nameof(CloudUrls))]
    public void LifecycleTwin_BaseUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var options = new LifecycleTwinOptions
        {
            BaseUrl = new Uri(url),
            ClientId = "id",
            ClientSecret = "s3cret-value",
            Username = "user",
            Password = "p4ssword-value",
            ClientName = "client",
        };

        AssertValid(options, valid, nameof(options.BaseUrl), () => new LifecycleTwinClient(options));
    }

    [Theory]
    [MemberData(nameof(CloudUrls))]
    public void Tandem_BaseUrlAndTokenUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var api = new TandemOptions { BaseUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(api, valid, nameof(api.BaseUrl), () => new TandemClient(api).Dispose());

        var auth = new TandemOptions { TokenUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(auth, valid, nameof(auth.TokenUrl), () => new TandemClient(auth).Dispose());
    }

    [Theory]
    [MemberData(nameof(CloudUrls))]
    public void BuildingX_BaseUrlAndTokenUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var api = new BuildingXOptions { BaseUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(api, valid, nameof(api.BaseUrl), () => _ = new BuildingXClient(api));

        var token = new BuildingXOptions { TokenUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(token, valid, nameof(token.TokenUrl), () => _ = new BuildingXClient(token));
    }

    [Theory]
    [MemberData(nameof(CloudUrls))]
    public void ITwinIoT_RestBaseUrlAndImsTokenUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var rest = new ITwinIoTOptions { RestBaseUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(rest, valid, nameof(rest.BaseUrl), () => _ = new ITwinIoTClient(rest));

        var ims = new ITwinIoTOptions { TokenUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(ims, valid, nameof(ims.TokenUrl), () => _ = new ITwinIoTClient(ims));
    }

    [Theory]
    [InlineData("wss://iiot.example.com:4201/", true)]
    [InlineData("ws://iiot.example.com:4201/", false)]
    [InlineData("ws://127.0.0.1:4201/", true)]
    [InlineData("ws://localhost:4201/", true)]
    [InlineData("ws://10.0.0.5:4201/", false)]
    [InlineData("https://iiot.example.com/", false)]
    public async Task ITwinIoT_SocketUrl_WssOrLoopbackWsOnly(string url, bool valid)
    {
        var options = new ITwinIoTSocketOptions { WebSocketUrl = new Uri(url), ApiKey = "API-KEY-s3cret-value" };
        if (valid)
        {
            await using var client = new ITwinIoTSocketClient(options);
            Assert.Equal(Core.JsonRpc.JsonRpcConnectionState.Disconnected, client.State);
        }
        else
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new ITwinIoTSocketClient(options));
            Assert.Contains(nameof(options.WebSocketUrl), ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-value", ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://192.168.1.20/", false, false)]
    [InlineData("http://192.168.1.20/", true, true)]
    [InlineData("http://thread-edge.local/", false, false)]
    [InlineData("http://thread-edge.local/", true, true)]
    [InlineData("https://192.168.1.20/", false, true)]
    [InlineData("http://localhost/", false, true)]
    [InlineData("http://127.0.0.1:8080/", false, true)]
    [InlineData("ftp://192.168.1.20/", true, false)]
    public void ThreadEdge_NonLoopbackHttp_OnlyWithAllowInsecureHttp(string url, bool allowInsecure, bool valid)
    {
        var options = new ThreadEdgeOptions { BaseUrl = new Uri(url), AllowInsecureHttp = allowInsecure };

        AssertValid(options, valid, nameof(options.BaseUrl), () => _ = new ThreadEdgeClient(options));
    }

    [Fact]
    public void Defaults_CloudVendorsUseHttps()
    {
        Assert.Equal("https", new LifecycleTwinOptions().BaseUrl!.Scheme);
        Assert.Equal("https", new TandemOptions().BaseUrl!.Scheme);
        Assert.Equal("https", new TandemOptions().TokenUrl!.Scheme);
        Assert.Equal("https", new TandemOptions().AuthorizeUrl!.Scheme);
        Assert.Equal("https", new TandemOptions().RevokeUrl!.Scheme);
        Assert.Equal("https", new BuildingXOptions().BaseUrl!.Scheme);
        Assert.Equal("https", new BuildingXOptions().TokenUrl!.Scheme);
        Assert.Equal("https", new ITwinIoTOptions().RestBaseUrl!.Scheme);
        Assert.Equal("https", new ITwinIoTOptions().TokenUrl.Scheme);
        Assert.Equal("wss", new ITwinIoTOptions().WebSocketUrl.Scheme);
        Assert.Equal("wss", new ITwinIoTSocketOptions().WebSocketUrl.Scheme);
        Assert.True(DigitalTwinClientOptions.IsLoopback(new ThreadEdgeOptions().BaseUrl!));
    }

    private static void AssertValid(DigitalTwinClientOptions options, bool valid, string setting, Action construct)
    {
        var errors = options.Validate("DigitalTwin:Test");
        var urlErrors = errors.Where(e => e.Contains(setting, StringComparison.Ordinal) || e.Contains("AllowInsecureHttp", StringComparison.Ordinal)).ToList();
        if (valid)
        {
            Assert.Empty(urlErrors);
            construct();
        }
        else
        {
            Assert.NotEmpty(urlErrors);
            var ex = Assert.ThrowsAny<ArgumentException>(construct);
            Assert.DoesNotContain("s3cret-value", ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("p4ssword-value", ex.ToString(), StringComparison.Ordinal);
        }
    }
}
