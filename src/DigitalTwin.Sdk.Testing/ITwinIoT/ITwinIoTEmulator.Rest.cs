using Microsoft.AspNetCore.Builder;

namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <content>REST endpoints (Sensor Data Service) and the IMS token endpoint.</content>
public sealed partial class ITwinIoTEmulator
{
    private readonly HashSet<string> _issuedTokens = new(StringComparer.Ordinal);

    private bool IsIssuedToken(string token)
    {
        lock (_issuedTokens)
        {
            return _issuedTokens.Contains(token);
        }
    }

    private static void MapRest(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
