using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovSite.Tests.Interaction;

/// <summary>The annual report's 互动交流 numbers, joined across messages and participation.</summary>
public class InteractionFiguresTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    [Fact]
    public async Task Figures_count_the_messages_a_site_received_in_the_period()
    {
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var submitted = await anonymous.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/messages", new
            {
                channel = "consultation", name = "赵六", phone = $"1390000010{i}", subject = $"关于公租房申请的咨询{i}",
                text = $"请问公租房第{i}批申请需要哪些材料？", isPublic = false,
            });
            submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        }
        using var staff = await app.ClientWithTokenAsync("dept-editor", InteractionFactory.Password);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var figures = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{InteractionFactory.DepartmentCode}/interaction/figures?from={year}-01-01&to={year}-12-31");
        figures.GetProperty("messages").GetProperty("received").GetInt32().ShouldBe(3);
        figures.GetProperty("messages").GetProperty("closed").GetInt32().ShouldBe(0);
        figures.GetProperty("participation").GetProperty("consultationRounds").GetInt32().ShouldBe(0);
        figures.GetProperty("participation").TryGetProperty("interviewRounds", out _).ShouldBeTrue();

        var lastYear = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{InteractionFactory.DepartmentCode}/interaction/figures?from={year - 1}-01-01&to={year - 1}-12-31");
        lastYear.GetProperty("messages").GetProperty("received").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Another_sites_staff_and_anonymous_callers_get_no_figures()
    {
        using var otherStaff = await app.ClientWithTokenAsync("portal-editor", InteractionFactory.Password);
        (await otherStaff.GetAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/interaction/figures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/interaction/figures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_in_chinese()
    {
        using var staff = await app.ClientWithTokenAsync("dept-editor", InteractionFactory.Password);
        var response = await staff.GetAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/interaction/figures?from=2026-05-01&to=2026-01-01");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("结束日期不能早于开始日期");
    }
}
