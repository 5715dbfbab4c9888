
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class PaginationTests
{
    [Fact]
    public void ToHeaderValue_UsesTheDocSpacing()
    {
        Assert.Equal("{\"page\" : 0, \"size\" : 20}", new Pagination(0, 20).ToHeaderValue());
        Assert.Equal("{\"page\" : 12, \"size\" : 1000}", new Pagination(12, 1000).ToString());
    }

    [Fact]
    public void FirstPageAndNext_WalkPages()
    {
        var first = Pagination.FirstPage(50);
        var second = first.Next();

        Assert.Equal(new Pagination(0, 50), first);
        Assert.Equal(new Pagination(1, 50), second);
        Assert.Equal(0, first.Page);
        Assert.Equal(50, second.Size);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void Constructor_SizeAtBounds_IsAccepted(int size)
    {
        Assert.Equal(size, new Pagination(0, size).Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_SizeBelowOne_ThrowsArgumentOutOfRange(int size)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Pagination(0, size));

        Assert.Equal("size", ex.ParamName);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(int.MaxValue)]
    public void Constructor_SizeAboveVendorLimit_ThrowsWithExplanation(int size)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Pagination(0, size));

        Assert.Equal("size", ex.ParamName);
        Assert.Equal(size, ex.ActualValue);
        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("should not exceed", ex.Message, StringComparison.Ordinal);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Pagination.FirstPage(size)).ParamName);
    }

    [Fact]
    public void Constructor_NegativePage_ThrowsArgumentOutOfRange()
    {
        Assert.Equal("page", Assert.Throws<ArgumentOutOfRangeException>(() => new Pagination(-1, 20)).ParamName);
    }

    [Fact]
    public void Next_AtLastRepresentablePage_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Pagination(int.MaxValue, 1).Next());
    }

    [Fact]
    public void MaxPageSize_IsTheVendorLimit()
    {
        Assert.Equal(1000, Pagination.MaxPageSize);
    }
}
