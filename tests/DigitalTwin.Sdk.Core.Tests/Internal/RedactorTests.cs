using System.Text;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Core.Tests.Internal;

public sealed class RedactorTests
{
    [Fact]
    public void RedactUri_MasksQueryValuesOutsideAllowList()
    {
        var text = Redactor.RedactUri(new Uri("https://h.test/api/devices?filter[serialNumber]=12345&page[limit]=5&apiKey=abc&include=points"));

        Assert.Equal("https://h.test/api/devices?filter[serialNumber]=***&page[limit]=5&apiKey=***&include=points", text);
    }

    [Fact]
    public void RedactBody_Json_MasksSecretNamedValuesAtAnyDepth()
    {
        var text = Redactor.RedactBody(Encoding.UTF8.GetBytes("""{"client_id":"id","client_secret":"S","nested":{"password":"P","refresh_token":{"a":1}},"list":[{"apiKey":"K"}],"name":"ok"}"""));

        Assert.DoesNotContain("\"S\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"P\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"K\"", text, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"ok\"", text, StringComparison.Ordinal);
        Assert.Contains("\"client_id\":\"id\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactBody_Form_MasksSecretFields()
    {
        var text = Redactor.RedactBody(Encoding.UTF8.GetBytes("client_id=me&client_secret=S3&username=u&password=P4&grant_type=password"));

        Assert.Equal("client_id=me&client_secret=***&username=u&password=***&grant_type=password", text);
    }

    [Fact]
    public void RedactBody_MalformedJson_IsNotEchoed()
    {
        var text = Redactor.RedactBody(Encoding.UTF8.GetBytes("{\"password\":\"P5\","));

        Assert.DoesNotContain("P5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactBody_JwtLikeString_IsMasked()
    {
        var text = Redactor.RedactBody(Encoding.UTF8.GetBytes("{\"value\":\"eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl\"}"));

        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
    }
}
