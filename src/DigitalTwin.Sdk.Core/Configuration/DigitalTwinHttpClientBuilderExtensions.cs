using DigitalTwin.Sdk.Core.Auth;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extends the builder every <c>Add&lt;Vendor&gt;</c> registration returns.</summary>
public static class DigitalTwinHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes the registered vendor client take its tokens from <paramref name="credential"/> (for example a vault or the
    /// host app's identity service) instead of the vendor's grant flow configured in its options.
    /// </summary>
    /// <param name="builder">The builder an <c>Add&lt;Vendor&gt;</c> call returned.</param>
    /// <param name="credential">Creates the credential; called once per client registration.</param>
    /// <returns>The same builder.</returns>
    /// <example><code>services.AddLifecycleTwin(configuration.GetSection("DigitalTwin:LifecycleTwin")).UseCredential(sp => sp.GetRequiredService&lt;MyVaultTokens&gt;());</code></example>
    public static IHttpClientBuilder UseCredential(this IHttpClientBuilder builder, Func<IServiceProvider, ITokenProvider> credential)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credential);
        builder.Services.AddKeyedSingleton(builder.Name, (sp, _) => credential(sp) ?? throw new InvalidOperationException($"The credential factory for '{builder.Name}' returned null."));
        return builder;
    }
}
