using System.Net;
using System.Net.Http.Json;
using GovSite.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Calendar;

/// <summary>The calendar API, an imported year and a local holiday overriding the shipped dates.</summary>
public class CalendarApiTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private sealed record DateBody(string Date);

    private sealed record DaysBody(int Days);

    [Fact]
    public async Task The_api_adds_working_days_and_counts_them_across_spring_festival()
    {
        using var client = app.CreateClient();
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2026-02-13&days=7"))!.Date.ShouldBe("2026-03-02");
        (await client.GetFromJsonAsync<DaysBody>("/api/v1/calendar/working-days?from=2026-02-13&to=2026-03-02"))!.Days.ShouldBe(7);
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2025-09-26&days=7"))!.Date.ShouldBe("2025-10-13");
        (await client.GetAsync("/api/v1/calendar/add-working-days?from=2026-2-13&days=7")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/calendar/add-working-days?from=2026-02-13&days=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/calendar/working-days?from=2026-02-13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_imported_year_and_a_local_holiday_change_the_answers()
    {
        using var client = app.CreateClient();
        // 2028 is not shipped: before the import only weekends are off.
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2027-12-31&days=1"))!.Date.ShouldBe("2028-01-03");
        var file = Path.Combine(Path.GetTempPath(), $"holiday-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"year":2028,"days":[
              {"name":"元旦","date":"2028-01-01","isOffDay":true},
              {"name":"元旦","date":"2028-01-03","isOffDay":true},
              {"name":"元旦","date":"2028-01-08","isOffDay":false}]}
            """);
        try
        {
            var (count, error) = await app.AsSystemAsync(sp => CalendarSetup.ImportFileAsync(sp, file, default));
            error.ShouldBeNull();
            count.ShouldBe(3);
        }
        finally
        {
            File.Delete(file);
        }
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2027-12-31&days=1"))!.Date.ShouldBe("2028-01-04");
        (await client.GetFromJsonAsync<DaysBody>("/api/v1/calendar/working-days?from=2028-01-07&to=2028-01-10"))!.Days.ShouldBe(2);

        // A local holiday on a shipped working day overrides the shipped calendar.
        await app.AsSystemAsync(sp => sp.GetRequiredService<CalendarService>()
            .StoreAsync(sp.GetRequiredService<GovSite.Data.GovSiteDb>(), [new ListedDay(new DateOnly(2026, 11, 23), true, "地方节日")], "manual", default));
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2026-11-20&days=1"))!.Date.ShouldBe("2026-11-24");
    }

    [Fact]
    public async Task Only_a_platform_administrator_opens_the_calendar_page()
    {
        using var admin = await app.AdminClientAsync();
        var page = await admin.GetAsync("/admin/calendar");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("2019–2026");
        await app.CreateUserAsync("cal-editor", "Editor12345x");
        using var editor = await app.ClientWithTokenAsync("cal-editor", "Editor12345x");
        (await editor.GetAsync("/admin/calendar")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_platform_administrator_uploads_a_year_in_the_back_office()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        (await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Interaction.HandlingTests.Antiforgery(login),
            ["UserName"] = "admin",
            ["Password"] = GovSiteFactory.AdminPassword,
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync("/admin/calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Interaction.HandlingTests.Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("""{"year":2029,"days":[{"name":"劳动节","date":"2029-04-30","isOffDay":true}]}"""u8.ToArray()), "Upload", "2029.json" },
        };
        var response = await client.PostAsync("/admin/calendar?handler=Import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/admin/calendar")).ShouldContain("2029-04-30");
        // Monday 30 April 2029 is now a holiday: the day after Friday 27 April is Tuesday 1 May.
        (await client.GetFromJsonAsync<DateBody>("/api/v1/calendar/add-working-days?from=2029-04-27&days=1"))!.Date.ShouldBe("2029-05-01");

        using var bad = new MultipartFormDataContent
        {
            { new StringContent(Interaction.HandlingTests.Antiforgery(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("not json"u8.ToArray()), "Upload", "bad.json" },
        };
        (await (await client.PostAsync("/admin/calendar?handler=Import", bad)).Content.ReadAsStringAsync()).ShouldContain("不是有效的 JSON");
    }
}
