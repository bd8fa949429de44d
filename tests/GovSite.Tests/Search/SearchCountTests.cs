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
    public void A_title_carries_every_length_threshold_it_fits_under()
    {
        var tokens = string.Join(' ', Enumerable.Range(0, 30).Select(i => "t" + i));
        SqliteSearchBackend.Bands(tokens).ShouldBe("zle32 zle36 zle40 zle44 zle48 zle53 zle58 zle64 zle70 zle77 zle85 zle94 zle103 zle113 zle124 zle136 zle150 zle165 zle181 zle200 zle220 zle242 zle266");
        SqliteSearchBackend.Bands(string.Join(' ', Enumerable.Range(0, 300).Select(i => "t" + i))).ShouldBeEmpty();
    }
}
