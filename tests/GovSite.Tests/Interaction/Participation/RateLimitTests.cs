using System.Net;
using GovSite.Interaction.Participation;

namespace GovSite.Tests.Interaction.Participation;

public class RateLimitTests(RateLimitedParticipationFixture app) : IClassFixture<RateLimitedParticipationFixture>
{
    [Fact]
    public async Task Public_submissions_beyond_the_limit_are_refused_but_reading_is_not()
    {
        app.Clock.SetChina(2026, 4, 1);
        var c = await app.NewConsultationAsync(app.SiteA.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var url = $"/sites/{ParticipationFixture.CodeA}/consultations/{c.Id}";
        using var client = app.Browser();
        for (var i = 1; i <= 3; i++)
        {
            (await ParticipationFixture.PostFormAsync(client, url, url, new() { ["Input.Text"] = $"第{i}条意见" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var refused = await ParticipationFixture.PostFormAsync(client, url, url, new() { ["Input.Text"] = "第4条意见" });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
