
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class SortTests
{
    [Fact]
    public void Descending_SingleKey_MatchesDocSyntax()
    {
        Assert.Equal("{\"Name\": \"descending\"}", Sort.Descending("Name").ToHeaderValue());
    }

    [Fact]
    public void Ascending_SingleKey_MatchesDocSyntax()
    {
        Assert.Equal("{\"Name\": \"ascending\"}", Sort.Ascending("Name").ToHeaderValue());
        Assert.Equal("{\"Name\": \"ascending\"}", Sort.Ascending(FieldPath.Of("Name")).ToHeaderValue());
        Assert.Equal("{\"Name\": \"ascending\"}", Sort.By("Name").ToHeaderValue());
    }

    [Fact]
    public void ThenBy_SeveralKeys_JoinedInOrder()
    {
        var sort = Sort.Descending(FieldPath.Referenced("Location", "Name"))
            .ThenByAscending("Name")
            .ThenByDescending(FieldPath.Of("CreatedOn"))
            .ThenBy("Id");

        Assert.Equal(
            "{\"Location.Name\": \"descending\", \"Name\": \"ascending\", \"CreatedOn\": \"descending\", \"Id\": \"ascending\"}",
            sort.ToHeaderValue());
        Assert.Equal(4, sort.Keys.Count);
        Assert.Equal(new SortKey(FieldPath.Of("CreatedOn"), SortDirection.Descending), sort.Keys[2]);
        Assert.Equal("descending", sort.Keys[0].DirectionText);
        Assert.Equal("\"Id\": \"ascending\"", sort.Keys[3].ToString());
    }

    [Fact]
    public void By_ExplicitDirection_IsUsed()
    {
        Assert.Equal("{\"Name\": \"descending\", \"Id\": \"descending\"}", Sort.By(FieldPath.Of("Name"), SortDirection.Descending).ThenBy(FieldPath.Id, SortDirection.Descending).ToHeaderValue());
    }

    [Fact]
    public void ThenBy_DuplicateKeyAnyCase_ThrowsArgumentException()
    {
        var sort = Sort.Ascending("Name");

        Assert.Equal("path", Assert.Throws<ArgumentException>(() => sort.ThenByDescending("Name")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => sort.ThenBy("name")).ParamName);
    }

    [Fact]
    public void Contains_IsCaseInsensitive()
    {
        var sort = Sort.Ascending("Name").ThenBy("id");

        Assert.True(sort.Contains(FieldPath.Id));
        Assert.True(sort.Contains(FieldPath.Of("NAME")));
        Assert.False(sort.Contains(FieldPath.Of("Description")));
        Assert.False(sort.Contains(null!));
    }

    [Fact]
    public void InvalidArguments_ThrowNamingTheParameter()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Sort.By((FieldPath)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Sort.Descending((string)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Sort.Ascending("Na me")).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => Sort.By("Name", (SortDirection)7)).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => new SortKey(FieldPath.Id, (SortDirection)(-1))).ParamName);
    }

    [Fact]
    public void Equality_IsByHeaderValue()
    {
        Assert.Equal(Sort.Ascending("Name").ThenByDescending("Id"), Sort.By("Name").ThenBy("Id", SortDirection.Descending));
        Assert.Equal(Sort.Ascending("Name").GetHashCode(), Sort.By("Name").GetHashCode());
        Assert.NotEqual(Sort.Ascending("Name"), Sort.Descending("Name"));
        Assert.Equal("{\"Name\": \"ascending\"}", Sort.Ascending("Name").ToString());
    }

    [Fact]
    public void ThenBy_DoesNotMutateOriginal()
    {
        var sort = Sort.Ascending("Name");

        _ = sort.ThenBy("Id");

        Assert.Single(sort.Keys);
    }
}
