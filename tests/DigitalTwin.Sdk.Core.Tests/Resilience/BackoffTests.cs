using DigitalTwin.Sdk.Core.Resilience;

namespace DigitalTwin.Sdk.Core.Tests.Resilience;

public class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(1000, 30)]
    [InlineData(int.MaxValue, 30)]
    public void NominalDelay_DoublesUpToTheCap(int retry, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.NominalDelay(retry, Base, Cap));

    [Fact]
    public void NominalDelay_HugeBase_NeverOverflows() =>
        Assert.Equal(TimeSpan.MaxValue, Backoff.NominalDelay(40, TimeSpan.MaxValue, TimeSpan.MaxValue));

    [Fact]
    public void NominalDelay_CapBelowBase_CapsTheFirstDelayToo() =>
        Assert.Equal(TimeSpan.FromMilliseconds(500), Backoff.NominalDelay(0, Base, TimeSpan.FromMilliseconds(500)));

    [Theory]
    [InlineData(0.0, 4000)]
    [InlineData(0.5, 3600)]
    [InlineData(0.999999, 3200.0008)]
    public void Delay_JitterOnlyShortens(double sample, double expectedMs) =>
        Assert.Equal(expectedMs, Backoff.Delay(2, Base, Cap, sample).TotalMilliseconds, 3);

    [Fact]
    public void Delay_Random_StaysWithinTheBand()
    {
        for (var i = 0; i < 1000; i++)
        {
            var delay = Backoff.Delay(3, Base, Cap);
            Assert.InRange(delay, TimeSpan.FromSeconds(8 * 0.8), TimeSpan.FromSeconds(8));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Delay_SampleOutsideTheUnitInterval_Throws(double sample) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, Base, Cap, sample));

    [Fact]
    public void NominalDelay_NegativeInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.NominalDelay(-1, Base, Cap));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.NominalDelay(0, TimeSpan.FromSeconds(-1), Cap));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.NominalDelay(0, Base, TimeSpan.FromSeconds(-1)));
    }
}
