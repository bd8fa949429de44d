using GovSite.Common;
using GovSite.Publishing;

namespace GovSite.Tests.Common;

public class DeadlineTests
{
    [Fact]
    public void A_date_means_the_end_of_that_day_in_china_time()
    {
        var end = Deadline.EndOfDay(new DateOnly(2026, 3, 3));
        end.ShouldBe(new DateTime(2026, 3, 3, 15, 59, 59, DateTimeKind.Utc));
        ChinaTime.Format(end).ShouldBe("2026-03-03 23:59");
        Deadline.IsPast(new DateOnly(2026, 3, 3), new DateTime(2026, 3, 3, 15, 59, 59, DateTimeKind.Utc)).ShouldBeFalse();
        Deadline.IsPast(new DateOnly(2026, 3, 3), new DateTime(2026, 3, 3, 16, 0, 0, DateTimeKind.Utc)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-03-03", "2026-03-03 23:59")]
    [InlineData("2026/3/3", "2026-03-03 23:59")]
    [InlineData("2026年3月3日", "2026-03-03 23:59")]
    [InlineData("2026-03-03T10:30", "2026-03-03 10:30")]
    [InlineData("2026-03-03 10:30", "2026-03-03 10:30")]
    [InlineData("2026-03-03T02:30:00Z", "2026-03-03 10:30")]
    [InlineData("2026-03-03T10:30:00+08:00", "2026-03-03 10:30")]
    public void Deadlines_are_read_as_people_and_clients_write_them(string text, string china) =>
        ChinaTime.Format(Deadline.Parse(text)).ShouldBe(china);

    [Theory]
    [InlineData("")]
    [InlineData("明天")]
    [InlineData("2026-13-45")]
    [InlineData("'; DROP TABLE x")]
    public void What_is_no_deadline_is_refused_not_guessed(string text) => Deadline.Parse(text).ShouldBeNull();
}
