using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;

namespace DigitalTwin.Sdk.Reliability.Tests.Security;

/// <summary>
/// Cloud base URLs must be https; plain http only for loopback hosts; THREAD edge (a LAN device) accepts
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
    public void Tandem_BaseUrlAndAuthUrl_HttpsOrLoopbackOnly(string url, bool valid)
    {
        var api = new TandemOptions { BaseUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(api, valid, nameof(api.BaseUrl), () => new TandemClient(api).Dispose());

        var auth = new TandemOptions { AuthUrl = new Uri(url), ClientId = "id", ClientSecret = "s3cret-value" };
        AssertValid(auth, valid, nameof(auth.AuthUrl), () => new TandemClient(auth).Dispose());
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
        Assert.Equal("https", new TandemOptions().AuthUrl!.Scheme);
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
