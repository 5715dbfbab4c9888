using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Acquires app tokens with the client-credentials grant.</summary>
internal sealed class TwoLeggedTokenSource(ClientRuntime tokenRuntime, TandemOptions options) : ITokenSource
{
    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        using var request = ApsTokenRequests.ClientCredentials(options);
        return await OAuthTokenClient.RequestAsync(tokenRuntime, request, cancellationToken).ConfigureAwait(false);
    }
}
