using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Core.Tests.TestUtilities;

internal sealed class TestOptions : DigitalTwinClientOptions
{
    public TestOptions()
    {
        BaseUrl = new Uri("https://api.example.test/v1/");
        Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
        Retry.MaxDelay = TimeSpan.FromSeconds(2);
    }
}
