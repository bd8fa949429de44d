using GovSite.Search;

namespace GovSite.Tests.Search;

public class SearchCountTests
{
    [Fact]
    public void Below_the_cap_the_count_is_exact() =>
        ISearchBackend.Estimate(37, 5, 1, 1_000_000).ShouldBe(new SearchCount(37, false));

    [Fact]
    public void At_the_cap_the_total_is_extrapolated_from_the_share_of_ids_counted()
    {
        // The 1000th newest match is half-way down the ids: about twice as many match in all.
        var count = ISearchBackend.Estimate(ISearchBackend.CountCap, 500_001, 1, 1_000_000);
        count.Estimated.ShouldBeTrue();
        count.Value.ShouldBe(2_000);
    }

    [Fact]
    public void At_the_cap_with_every_id_counted_the_count_is_exact() =>
        ISearchBackend.Estimate(ISearchBackend.CountCap, 1, 1, 5_000).ShouldBe(new SearchCount(ISearchBackend.CountCap, false));

    [Fact]
    public void Title_keys_order_shorter_titles_first_and_newer_documents_first_among_equals()
    {
        string Title(int tokens) => string.Join(' ', Enumerable.Range(0, tokens).Select(i => "t" + i));
        var keys = new[] { (Id: 10, Tokens: 30), (Id: 11, Tokens: 30), (Id: 999_999, Tokens: 31), (Id: 1, Tokens: 12) }
            .Select(d => (d.Id, Key: SqliteSearchBackend.TitleKey(d.Id, Title(d.Tokens)))).OrderBy(k => k.Key).ToList();
        keys.Select(k => k.Id).ShouldBe([1, 11, 10, 999_999]);
        keys.ShouldAllBe(k => uint.MaxValue - (k.Key & uint.MaxValue) == k.Id);
    }
}
