using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

public sealed class TandemClientTwoLeggedTests
{
    [Fact]
    public async Task GetAsync_DocTwin_UsesBasicClientCredentialsToken()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        var token = Assert.Single(emu.Requests.ForPath("/authentication/v2/token"));
        Assert.StartsWith("Basic ", token.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=data%3Aread+data%3Awrite", token.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", token.Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", emu.Requests.ForPath("/tandem/v1/twins").Single().Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_OneTokenRequest()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        var urn = TwinUrn.Parse(emu.TwinId);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Twins.GetTwinAsync(urn)));

        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task GetAsync_Forbidden_ThrowsPermissionExceptionWithClearMessage()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var ex = await Assert.ThrowsAsync<DigitalTwinPermissionException>(() => client.Twins.GetTwinAsync(TwinUrn.Parse(emu.ForbiddenTwinId)));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("FORBIDDEN", ex.ErrorCode);
        Assert.Contains("403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("permissions", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TandemClient.VendorName, ex.Vendor);
    }

    [Fact]
    public async Task GetAsync_Unknown_ThrowsNotFoundException()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var ex = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => client.Twins.GetTwinAsync(TwinUrn.Parse("urn:adsk.dtt:NoSuchTwin")));

        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_TwoServerErrors_IsRetriedAndSucceeds()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);
        emu.Faults.Add(Fault.Status(500, "{\"developerMessage\":\"boom\"}"), pathPrefix: "/tandem/v1/twins", times: 2);

        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("1690357603997", twin.Etag);
        Assert.Equal(3, emu.Requests.ForPath("/tandem/v1/twins").Count);
    }

    [Fact]
    public async Task ExistsAsync_MapsHeadStatuses()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        Assert.True(await client.Twins.ExistsAsync(TwinUrn.Parse(emu.TwinId)));
        Assert.False(await client.Twins.ExistsAsync(TwinUrn.Parse("urn:adsk.dtt:NoSuchTwin")));
        await Assert.ThrowsAsync<DigitalTwinPermissionException>(() => client.Twins.ExistsAsync(TwinUrn.Parse(emu.ForbiddenTwinId)));
        Assert.All(emu.Requests.ForPath("/tandem/v1/twins"), r => Assert.Equal("HEAD", r.Method));
    }

    [Fact]
    public async Task Requests_CarryRegionHeaderAndTheUrnWithColonsUnescaped()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddTandem(o =>
        {
            var fixture = TandemClientFixture.Options(emu);
            o.BaseUrl = fixture.BaseUrl;
            o.TokenUrl = fixture.TokenUrl;
            o.ClientId = fixture.ClientId;
            o.ClientSecret = fixture.ClientSecret;
            o.Region = TandemRegion.EMEA;
        }).AddHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ITandemClient>().Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("EMEA", emu.Requests.ForPath("/tandem/v1/twins").Single().Header("Region"));
        Assert.Equal(new Uri(emu.BaseUri, "tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw").AbsoluteUri, Assert.Single(recorder.Sent).AbsoluteUri);
        // The request line as the server saw it: the doc's literal form, not urn%3Aadsk.dtt%3A...
        Assert.Contains("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw", emu.RawRequestTargets);
        Assert.Null(emu.Requests.ForPath("/authentication").Single().Header("Region"));
    }

    [Fact]
    public async Task Groups_ListGetAndTwins()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var groups = await client.Groups.GetGroupsAsync().ToListAsync();
        var group = await client.Groups.GetGroupAsync(emu.GroupId);
        var twins = await client.Groups.GetTwinsAsync(emu.GroupId).ToListAsync();

        Assert.Equal(emu.GroupId, Assert.Single(groups).Urn);
        Assert.Equal("Autodesk Samples", group.Name);
        Assert.Equal(emu.TwinId, Assert.Single(twins).TwinId);
        Assert.Throws<ArgumentException>(() => client.Groups.GetTwinsAsync(emu.TwinId));
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => client.Groups.GetGroupAsync("urn:adsk.dtg:none"));
    }

    [Fact]
    public async Task Twins_MyTwinsAndViews()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        var mine = await client.Twins.GetMyTwinsAsync().ToListAsync();
        var views = await client.Twins.GetViewsAsync(TwinUrn.Parse(emu.TwinId)).ToListAsync();

        Assert.Equal(4, Assert.Single(mine).Twin.Links.Count);
        Assert.Equal(["Home", "Level 1"], views.Select(v => v.ViewName));
        Assert.Equal(["", "LEVELS"], views.Select(v => v.Label));
        Assert.All(views, v => Assert.Equal(2, v.Version));
    }

    [Fact]
    public async Task Construct_InvalidOptions_NamesEachSetting()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var options = TandemClientFixture.Options(emu);
        options.ClientId = null;
        options.ClientSecret = null;
        options.TwinId = "not-a-urn";

        var ex = Assert.Throws<ArgumentException>(() => new TandemClient(options));

        Assert.Contains("ClientId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TwinId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_ThrowsAuthenticationExceptionWithoutTheSecret()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu, o => o.ClientSecret = "wrong-secret-value");

        var ex = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId)));

        Assert.DoesNotContain("wrong-secret-value", ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(emu.Requests.ForPath("/tandem"));
    }
}
