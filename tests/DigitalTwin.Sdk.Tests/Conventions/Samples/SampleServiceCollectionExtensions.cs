using DigitalTwin.Sdk.Tests.Conventions.Samples;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration missing two of the four overloads, one returning the wrong type.</summary>
public static class BadServiceCollectionExtensions
{
    public static IServiceCollection AddBad(this IServiceCollection services, Action<BadOptions> configure) => services;

    public static IHttpClientBuilder AddBad(this IServiceCollection services, IConfiguration configuration) => services.AddHttpClient("bad");
}

/// <summary>The template's four overloads.</summary>
public static class GoodServiceCollectionExtensions
{
    public static IHttpClientBuilder AddGood(this IServiceCollection services, Action<GoodOptions> configure) => services.AddHttpClient("good");

    public static IHttpClientBuilder AddGood(this IServiceCollection services, IConfiguration configuration) => services.AddHttpClient("good");

    public static IHttpClientBuilder AddGood(this IServiceCollection services, string name, Action<GoodOptions> configure) => services.AddHttpClient(name);

    public static IHttpClientBuilder AddGood(this IServiceCollection services, string name, IConfiguration configuration) => services.AddHttpClient(name);
}

/// <summary>A type in the DI namespace that is not a static extensions class.</summary>
public sealed class NotAnExtensionsClass;
