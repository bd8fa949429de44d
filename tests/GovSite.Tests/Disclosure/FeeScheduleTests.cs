using GovSite.Disclosure;

namespace GovSite.Tests.Disclosure;

/// <summary>国办函〔2020〕109号 at every band edge: each band charges only the part of the month that falls in it.</summary>
public class FeeScheduleTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(60, 400)]
    [InlineData(61, 500)]
    public void The_nth_request_of_a_month_costs_its_band(int n, int price)
    {
        FeeSchedule.PriceOfRequest(n).ShouldBe(price);
        FeeSchedule.ByRequests(n - 1).ShouldBe(price);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    [InlineData(50, 7000)]
    [InlineData(51, 7400)]
    public void A_months_requests_add_up_band_by_band(int n, int total) => FeeSchedule.RequestsTotal(n).ShouldBe(total);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 10)]
    [InlineData(101, 20)]
    [InlineData(200, 20)]
    [InlineData(201, 40)]
    [InlineData(1000, 40)]
    public void The_nth_page_of_a_month_costs_its_band(int n, int price)
    {
        FeeSchedule.PriceOfPage(n).ShouldBe(price);
        FeeSchedule.ByPages(n - 1, 1).ShouldBe(price);
    }

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    public void A_months_pages_add_up_band_by_band(int pages, int total)
    {
        FeeSchedule.PagesTotal(pages).ShouldBe(total);
        FeeSchedule.ByPages(0, pages).ShouldBe(total);
    }

    [Fact]
    public void A_request_that_straddles_a_band_edge_pays_each_part_at_its_own_price()
    {
        // 29 pages earlier this month, 2 now: the 30th is free, the 31st costs ¥10.
        FeeSchedule.ByPages(29, 2).ShouldBe(10);
        // Pages 100 and 101: ¥10 + ¥20.
        FeeSchedule.ByPages(99, 2).ShouldBe(30);
        // Pages 200 and 201: ¥20 + ¥40.
        FeeSchedule.ByPages(199, 2).ShouldBe(60);
        // The 30th and 31st requests: ¥100 + ¥200.
        FeeSchedule.ByRequests(29, 2).ShouldBe(300);
        // However a month is cut into requests, its total is the same.
        var cut = FeeSchedule.ByPages(0, 25) + FeeSchedule.ByPages(25, 90) + FeeSchedule.ByPages(115, 100);
        cut.ShouldBe(FeeSchedule.PagesTotal(215));
    }
}
