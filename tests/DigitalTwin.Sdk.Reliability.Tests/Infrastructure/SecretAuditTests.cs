using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>The audit itself must be able to fail, or a clean result proves nothing.</summary>
[Trait("Category", "Reliability")]
public sealed class SecretAuditTests
{
    [Fact]
    public void AssertClean_SecretInTraceLog_Fails()
    {
        using var audit = new SecretAudit();
        audit.AddSecret("configured-secret-1");
        audit.LoggerFactory.CreateLogger("test").LogTrace("body: {Body}", "password=configured-secret-1");

        var ex = Assert.Throws<FailException>(audit.AssertClean);

        Assert.DoesNotContain("configured-secret-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertClean_SecretInExceptionToString_Fails()
    {
        using var audit = new SecretAudit();
        audit.AddSecret("configured-secret-2");
        audit.Observe(new InvalidOperationException("outer", new InvalidOperationException("inner configured-secret-2")));

        Assert.Throws<FailException>(audit.AssertClean);
    }

    [Fact]
    public void AssertClean_NothingLeaked_Passes()
    {
        using var audit = new SecretAudit();
        audit.AddSecret("configured-secret-3");
        audit.LoggerFactory.CreateLogger("test").LogTrace("body: {Body}", "password=***");

        audit.AssertClean();

        Assert.Equal(1, audit.TextsAudited);
    }
}
