using DisTok.Data.Validation;

namespace DisTok.Data.Tests.Validation;

public class UnguessableIdTests
{
    [Fact]
    public void Ids_are_22_base64url_characters_and_1000_of_them_are_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => UnguessableId.New()).ToList();
        Assert.All(ids, id =>
        {
            Assert.Equal(22, id.Length);
            Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
            Assert.True(UnguessableId.IsWellFormed(id));
        });
        Assert.Equal(1000, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ids_carry_128_random_bits()
    {
        var bytes = Convert.FromBase64String(UnguessableId.New().Replace('-', '+').Replace('_', '/') + "==");
        Assert.Equal(16, bytes.Length);
        // Every character position takes many values over 1000 ids (a counter or timestamp would not).
        var ids = Enumerable.Range(0, 1000).Select(_ => UnguessableId.New()).ToList();
        for (int position = 0; position < 21; position++) Assert.True(ids.Select(id => id[position]).Distinct().Count() > 40, $"position {position}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA+A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAÄA")]
    public void Junk_is_not_well_formed(string? id) => Assert.False(UnguessableId.IsWellFormed(id));
}
