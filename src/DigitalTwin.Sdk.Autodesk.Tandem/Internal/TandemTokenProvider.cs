using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>The token cache of a Tandem client, remembering the three-legged source so sign-in can hand it fresh tokens.</summary>
internal sealed class TandemTokenProvider(TokenCache cache, ThreeLeggedTokenSource? threeLegged) : ITokenProvider
{
    internal TokenCache Cache { get; } = cache;

    internal ThreeLeggedTokenSource? ThreeLegged { get; } = threeLegged;

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => Cache.GetTokenAsync(cancellationToken);

    public void Invalidate(AccessToken token) => Cache.Invalidate(token);
}
