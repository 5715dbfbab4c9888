using System.Net;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Core.Tests.Configuration;

public sealed class UseCredentialTests
{
    [Fact]
    public async Task UseCredential_ReplacesTheVendorGrantFlow_AndItsTokenReachesTheApi()
    {
        var services = new ServiceCollection();
        var grantFlowCalls = 0;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var credential = new StaticTokens("vault-token");
        services.AddSingleton(credential);
        var builder = ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, string.Empty, (_, _, _) =>
        {
            grantFlowCalls++;
            return null;
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => handler).UseCredential(sp => sp.GetRequiredService<StaticTokens>());

        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, string.Empty));
        using var response = await runtime.GetAsync();

        Assert.Same(credential, runtime.Tokens);
        Assert.Equal(0, grantFlowCalls);
        Assert.Equal("Bearer vault-token", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task UseCredential_OnlyForItsOwnRegistration()
    {
        var services = new ServiceCollection();
        ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, "a", (_, _, _) => null)
            .UseCredential(_ => new StaticTokens("for-a"));
        ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, "b", (_, _, _) => null);

        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, "a")).Tokens);
        Assert.Null(provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, "b")).Tokens);
    }

    [Fact]
    public void UseCredential_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddHttpClient("x");
        Assert.Throws<ArgumentNullException>(() => builder.UseCredential(null!));
        Assert.Throws<ArgumentNullException>(() => DigitalTwinHttpClientBuilderExtensions.UseCredential(null!, _ => new StaticTokens()));
    }
}
