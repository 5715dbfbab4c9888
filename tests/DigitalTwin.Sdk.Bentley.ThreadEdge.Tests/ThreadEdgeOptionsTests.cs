namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

public sealed class ThreadEdgeOptionsTests
{
    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[::1]/")]
    [InlineData("https://thread.example.com/")]
    public void Validate_LoopbackHttpOrHttps_IsValid(string url)
    {
        Assert.Empty(new ThreadEdgeOptions { BaseUrl = new Uri(url) }.Validate(ThreadEdgeOptions.SectionName));
    }

    [Fact]
    public void Defaults_PointAtLocalhostAsTheDoc()
    {
        var options = new ThreadEdgeOptions();
        Assert.Equal(new Uri("http://localhost/"), options.BaseUrl);
        Assert.False(options.AllowInsecureHttp);
        Assert.Empty(options.Validate(ThreadEdgeOptions.SectionName));
    }

    [Fact]
    public void Validate_LanHttp_NeedsExplicitOption()
    {
        var options = new ThreadEdgeOptions { BaseUrl = new Uri("http://192.168.1.20/") };
        var errors = options.Validate(ThreadEdgeOptions.SectionName);
        Assert.Equal(2, errors.Count);
        Assert.Contains("DigitalTwin:ThreadEdge:BaseUrl", errors[0], StringComparison.Ordinal);
        Assert.Contains("DigitalTwin:ThreadEdge:AllowInsecureHttp", errors[1], StringComparison.Ordinal);

        options.AllowInsecureHttp = true;
        Assert.Empty(options.Validate(ThreadEdgeOptions.SectionName));
    }

    [Theory]
    [InlineData("http://localhost/api/")]
    [InlineData("http://localhost/api")]
    [InlineData("http://localhost/?x=1")]
    public void Validate_ApiPathOrQuery_IsRefused(string url)
    {
        Assert.Single(new ThreadEdgeOptions { BaseUrl = new Uri(url) }.Validate(ThreadEdgeOptions.SectionName));
    }

    [Fact]
    public void Validate_HardwareVersionWithoutNumber_IsRefused()
    {
        var error = Assert.Single(new ThreadEdgeOptions { HardwareVersion = "new" }.Validate(ThreadEdgeOptions.SectionName));
        Assert.Contains("HardwareVersion", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingOptions()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ThreadEdgeClient(new ThreadEdgeOptions { BaseUrl = new Uri("http://10.0.0.5/") }));
        Assert.Equal("options", exception.ParamName);
        Assert.Contains("loopback", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureHttp", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ThreadEdgeClient(null!));
    }
}
