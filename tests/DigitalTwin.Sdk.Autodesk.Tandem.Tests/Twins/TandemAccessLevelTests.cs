using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Twins;

public sealed class TandemAccessLevelTests
{
    [Fact]
    public void Forms_AreDistinctAndPrintable()
    {
        Assert.Equal("Owner", TandemAccessLevel.Owner.ToString());
        Assert.Equal("3", new TandemAccessLevel(3).ToString());
        Assert.NotEqual(new TandemAccessLevel(3), TandemAccessLevel.Owner);
        Assert.True(new TandemAccessLevel("owner").IsOwner);
        Assert.False(new TandemAccessLevel(3).IsOwner);
        Assert.Throws<ArgumentException>(() => new TandemAccessLevel(string.Empty));
    }
}
