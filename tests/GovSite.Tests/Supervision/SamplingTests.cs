using GovSite.Sites;
using GovSite.Supervision;

namespace GovSite.Tests.Supervision;

public class SamplingTests
{
    private static List<SamplingCandidate> Region(int counties, int countyDepartments, int cityDepartments, Func<int, bool>? recent = null)
    {
        var list = new List<SamplingCandidate>();
        var id = 1;
        void Add(int n, SiteLevel level, SiteType type)
        {
            for (var i = 0; i < n; i++, id++)
            {
                list.Add(new SamplingCandidate(id, id, $"网站{id}", level, type, recent?.Invoke(id) ?? false));
            }
        }
        Add(counties, SiteLevel.County, SiteType.Portal);
        Add(countyDepartments, SiteLevel.County, SiteType.Department);
        Add(cityDepartments, SiteLevel.City, SiteType.Department);
        return list;
    }

    [Fact]
    public void Every_stratum_gets_at_least_the_ratio_so_the_whole_does_too()
    {
        // 30% of 10 is 3, of 7 is 2.1 → 3, of 1 is 0.3 → 1: 7 of 18.
        var sample = Sampling.Draw(Region(1, 10, 7), 0.3, 42);
        sample.Count(s => s.Site.Stratum == "County/Portal").ShouldBe(1);
        sample.Count(s => s.Site.Stratum == "County/Department").ShouldBe(3);
        sample.Count(s => s.Site.Stratum == "City/Department").ShouldBe(3);
        sample.Count.ShouldBe(7);
        ((double)sample.Count / 18).ShouldBeGreaterThanOrEqualTo(0.3);
        sample.Select(s => s.Site.MonitoredSiteId).Distinct().Count().ShouldBe(7);
    }

    [Fact]
    public void The_same_seed_draws_the_same_sample_and_another_seed_another()
    {
        var sites = Region(3, 40, 30);
        var first = Sampling.Draw(sites, 0.3, 20261206).Select(s => s.Site.MonitoredSiteId).ToList();
        Sampling.Draw(sites, 0.3, 20261206).Select(s => s.Site.MonitoredSiteId).ShouldBe(first);
        // Candidates in another order draw the same: the draw sorts them first.
        Sampling.Draw(Enumerable.Reverse(sites), 0.3, 20261206).Select(s => s.Site.MonitoredSiteId).ShouldBe(first);
        Sampling.Draw(sites, 0.3, 7).Select(s => s.Site.MonitoredSiteId).ShouldNotBe(first);
    }

    [Fact]
    public void Sites_not_sampled_in_the_last_quarters_are_sampled_first()
    {
        // Ten county departments, eight sampled lately: the two others are always in a sample of three.
        var sites = Region(0, 10, 0, recent: id => id > 2);
        for (var seed = 0; seed < 50; seed++)
        {
            var sample = Sampling.Draw(sites, 0.3, seed);
            sample.Count.ShouldBe(3);
            sample.Where(s => s.Favoured).Select(s => s.Site.MonitoredSiteId).Order().ShouldBe([1, 2]);
            sample.Count(s => !s.Favoured).ShouldBe(1);
        }
    }

    [Theory]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData("2026-q1", 2026, 1)]
    [InlineData(" 2025 Q4 ", 2025, 4)]
    public void Quarters_are_read_as_people_write_them(string text, int year, int quarter)
    {
        Quarters.TryParse(text, out var y, out var q).ShouldBeTrue();
        (y, q).ShouldBe((year, quarter));
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026")]
    [InlineData("Q3")]
    [InlineData("")]
    [InlineData("二〇二六年第三季度")]
    public void Other_quarters_are_refused(string text) => Quarters.TryParse(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void The_three_quarters_before_one_cross_the_year()
    {
        Quarters.Before(2026, 2, 3).ShouldBe(["2026Q1", "2025Q4", "2025Q3"]);
    }
}
