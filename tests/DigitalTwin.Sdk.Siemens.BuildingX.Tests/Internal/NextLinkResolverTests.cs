using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Internal;

public sealed class NextLinkResolverTests
{
    private static readonly Uri Base = new("https://eu.buildingx.siemens.com/api/openness/operations");

    [Theory]
    [InlineData("https://eu.buildingx.siemens.com/api/openness/operations/partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("/operations/partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("/openness/operations/partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("/api/openness/operations/partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("//eu.buildingx.siemens.com/api/openness/operations/partitions/p/devices?page[cursor]=x", "/api/openness/operations/partitions/p/devices")]
    [InlineData("/other/thing?page[cursor]=x", "/api/openness/operations/other/thing")]

    // The vendor's point-values example: links relative to the API, not to the host.
    [InlineData("/partitions/p/points/q/values?page[cursor]=x", "/api/openness/operations/partitions/p/points/q/values")]
    public void TryResolve_SameOrigin_ResolvesAgainstTheBase(string link, string expectedPath)
    {
        Assert.True(NextLinkResolver.TryResolve(Base, link, out var resolved));

        Assert.Equal("eu.buildingx.siemens.com", resolved.Host);
        Assert.Equal(expectedPath, resolved.AbsolutePath);
        Assert.Equal("?page[cursor]=x", Uri.UnescapeDataString(resolved.Query));
    }

    [Theory]

    // The Accounts API OpenAPI document's examples: /me/usergroups?page[cursor]=qwerty and /customers/{id}/partitions?...
    [InlineData("/me/usergroups?page[cursor]=x", "/accounts/me/usergroups")]
    [InlineData("/customers/c/partitions?page[cursor]=x", "/accounts/customers/c/partitions")]
    [InlineData("/accounts/me/usergroups?page[cursor]=x", "/accounts/me/usergroups")]
    public void TryResolve_AccountsLinks_StayBelowTheAccountsBase(string link, string expectedPath)
    {
        Assert.True(NextLinkResolver.TryResolve(new Uri("https://api.bpcloud.siemens.com/accounts"), link, out var resolved));

        Assert.Equal(expectedPath, resolved.AbsolutePath);
    }

    [Theory]
    [InlineData("https://evil.example.com/api/openness/operations/partitions/p/devices")]
    [InlineData("https://eu.buildingx.siemens.com:8443/api/openness/operations/partitions")]
    [InlineData("http://eu.buildingx.siemens.com/api/openness/operations/partitions")]
    [InlineData("//evil.example.com/api/openness/operations")]
    [InlineData("https://eu.buildingx.siemens.com.evil.example.com/x")]
    [InlineData("https://user@evil.example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void TryResolve_OtherOriginOrScheme_IsRefused(string link)
    {
        Assert.False(NextLinkResolver.TryResolve(Base, link, out _));
    }

    [Fact]
    public void TryResolve_LoopbackBaseWithPort_KeepsPort()
    {
        var loopback = new Uri("http://127.0.0.1:41234/api/openness/operations");

        Assert.True(NextLinkResolver.TryResolve(loopback, "/operations/me/customers?page[cursor]=a", out var resolved));
        Assert.False(NextLinkResolver.TryResolve(loopback, "http://127.0.0.1:41235/api/openness/operations/me", out _));

        Assert.Equal("http://127.0.0.1:41234/api/openness/operations/me/customers?page[cursor]=a", Uri.UnescapeDataString(resolved.AbsoluteUri));
    }

    [Fact]
    public void KeepSelection_LinkWithoutInclude_GetsCallersIncludeAndFieldsBack()
    {
        var query = new JsonApiQuery().Filter("type", "Building").Include("hasLocation").Fields("Building", "label").Field("Point", "haystackTags");
        var next = new Uri("https://eu.buildingx.siemens.com/api/openness/operations/partitions/p/locations?filter[type]=Building&page[cursor]=abc");

        var kept = NextLinkResolver.KeepSelection(next, query);

        Assert.Equal(
            "?filter[type]=Building&page[cursor]=abc&include=hasLocation&fields[Building]=label&field[Point]=haystackTags",
            Uri.UnescapeDataString(kept.Query));
    }

    [Fact]
    public void KeepSelection_LinkAlreadyHasThem_AddsNothing()
    {
        var query = new JsonApiQuery().Include("hasLocation").Fields("Building", "label");
        var next = new Uri("https://eu.buildingx.siemens.com/api/openness/operations/x?include=hasLocation&fields%5BBuilding%5D=label&page%5Bcursor%5D=abc");

        var kept = NextLinkResolver.KeepSelection(next, query);

        Assert.Equal(next.Query, kept.Query);
    }
}
