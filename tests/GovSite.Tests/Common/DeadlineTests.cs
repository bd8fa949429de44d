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

public class ParticipationDeadlineTests
{
    private static readonly DateTime LastSecond = new(2026, 3, 3, 15, 59, 59, DateTimeKind.Utc);

    [Fact]
    public void A_consultation_closing_on_a_date_takes_opinions_until_the_end_of_that_day_in_china()
    {
        var c = new GovSite.Interaction.Participation.Consultation { OpensOn = new DateOnly(2026, 3, 1), ClosesOn = new DateOnly(2026, 3, 3) };
        GovSite.Interaction.Participation.ConsultationService.Phase(c, LastSecond).ShouldBe(GovSite.Interaction.Participation.ConsultationPhase.Open);
        GovSite.Interaction.Participation.ConsultationService.Phase(c, LastSecond.AddSeconds(1)).ShouldBe(GovSite.Interaction.Participation.ConsultationPhase.Closed);
        // It opens at midnight China time (16:00 UTC the day before), not at 08:00.
        GovSite.Interaction.Participation.ConsultationService.Phase(c, new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc))
            .ShouldBe(GovSite.Interaction.Participation.ConsultationPhase.Open);
        GovSite.Interaction.Participation.ConsultationService.Phase(c, new DateTime(2026, 2, 28, 15, 59, 59, DateTimeKind.Utc))
            .ShouldBe(GovSite.Interaction.Participation.ConsultationPhase.NotYetOpen);
    }

    [Fact]
    public void A_survey_closing_on_a_date_is_open_until_the_end_of_that_day_in_china()
    {
        var s = new GovSite.Interaction.Participation.Survey { IsPublished = true, OpensOn = new DateOnly(2026, 3, 1), ClosesOn = new DateOnly(2026, 3, 3) };
        GovSite.Interaction.Participation.SurveyService.IsOpen(s, LastSecond).ShouldBeTrue();
        GovSite.Interaction.Participation.SurveyService.IsOpen(s, LastSecond.AddSeconds(1)).ShouldBeFalse();
    }
}
