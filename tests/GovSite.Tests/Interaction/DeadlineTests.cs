using GovSite.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction;

/// <summary>Countdowns, overdue lists, reminders and escalation on a clock the test moves.</summary>
public class DeadlineTests(ClockedInteractionFactory app) : IClassFixture<ClockedInteractionFactory>
{
    private Task<List<MessageAlert>> AlertsAsync(int messageId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().MessageAlerts.AsNoTracking()
            .Where(a => a.MessageId == messageId).OrderBy(a => a.Id).ToListAsync());

    private Task<int> RunAsync() => app.Services.GetRequiredService<DeadlineAlerts>().RunOnceAsync(default);

    [Fact]
    public async Task A_message_received_before_spring_festival_is_reminded_then_escalated_exactly_once()
    {
        // Friday 13 Feb 2026: due seven working days later, Monday 2 March (the festival and two 调休 Saturdays counted).
        app.Clock.SetChina(2026, 2, 13);
        var receipt = await app.SubmitAsync(app.Portal.Id, "春节前的留言", "春节前提交的留言，看答复期限。", phone: "13600000001");
        var message = await app.MessageAsync(receipt.Ticket);
        message.DueDate.ShouldBe(new DateOnly(2026, 3, 2));

        // During the holiday nothing is due yet.
        app.Clock.SetChina(2026, 2, 20);
        await RunAsync();
        (await AlertsAsync(message.Id)).ShouldBeEmpty();

        // Saturday 28 Feb is a working day, one working day before the deadline: a reminder.
        app.Clock.SetChina(2026, 2, 28);
        await RunAsync();
        (await AlertsAsync(message.Id)).Select(a => a.Kind).ShouldBe([AlertKind.Reminder]);

        // On the due date it is not yet overdue.
        app.Clock.SetChina(2026, 3, 2, 23);
        await RunAsync();
        (await AlertsAsync(message.Id)).Count.ShouldBe(1);

        // The day after: overdue, escalated to the site's administrators.
        app.Clock.SetChina(2026, 3, 3);
        await RunAsync();
        await RunAsync();
        (await AlertsAsync(message.Id)).Select(a => a.Kind).ShouldBe([AlertKind.Reminder, AlertKind.OverdueSiteAdmin]);

        // Three working days late: escalated to the supervising office as well, once.
        app.Clock.SetChina(2026, 3, 5);
        await RunAsync();
        await RunAsync();
        (await AlertsAsync(message.Id)).Select(a => a.Kind).ShouldBe([AlertKind.Reminder, AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor]);
    }

    [Fact]
    public async Task A_message_due_tomorrow_is_a_notice_to_the_handling_sites_editors_and_admins_once()
    {
        app.Clock.SetChina(2026, 4, 1);
        var receipt = await app.SubmitAsync(app.Portal.Id, "即将到期的留言", "看看到期前一天有没有通知。", phone: "13600000091");
        var message = await app.MessageAsync(receipt.Ticket);
        var reminded = false;
        for (var day = 0; day < 20 && !reminded; day++)
        {
            await RunAsync();
            await RunAsync();
            reminded = (await AlertsAsync(message.Id)).Any(a => a.Kind == AlertKind.Reminder);
            if (!reminded)
            {
                app.Clock.Set(app.Clock.GetUtcNow().AddDays(1));
            }
        }
        reminded.ShouldBeTrue();
        var told = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Notices.AsNoTracking()
            .Where(n => n.Kind == GovSite.Notifications.NoticeKind.MessageDue && n.Link == $"/admin/messages/{message.Id}")
            .Join(sp.GetRequiredService<GovSite.Data.GovSiteDb>().Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync());
        told.Order().ShouldBe(["portal-admin", "portal-editor"]);
    }

    [Fact]
    public async Task Two_nodes_running_at_once_write_each_alert_once()
    {
        app.Clock.SetChina(2026, 9, 29);
        var receipt = await app.SubmitAsync(app.Portal.Id, "国庆前的留言", "国庆节前提交的留言，看督办提醒。", phone: "13600000002");
        var message = await app.MessageAsync(receipt.Ticket);
        message.DueDate.ShouldBe(new DateOnly(2026, 10, 14));
        app.Clock.SetChina(2026, 10, 20);
        // Two instances of the background service, as on two nodes sharing one database.
        var second = ActivatorUtilities.CreateInstance<DeadlineAlerts>(app.Services);
        var first = app.Services.GetRequiredService<DeadlineAlerts>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).RunOnceAsync(default)));
        var alerts = await AlertsAsync(message.Id);
        alerts.Select(a => a.Kind).Order().ShouldBe([AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor]);
    }

    [Fact]
    public async Task A_closed_message_is_never_overdue_and_counts_as_on_time_when_closed_by_its_due_date()
    {
        app.Clock.SetChina(2025, 9, 26);
        var receipt = await app.SubmitAsync(app.Department.Id, "国庆2025", "国庆节前提交，节后按期答复。", phone: "13600000003");
        var message = await app.MessageAsync(receipt.Ticket);
        message.DueDate.ShouldBe(new DateOnly(2025, 10, 13));
        app.Clock.SetChina(2025, 10, 13, 17);
        await app.AsUserAsync("dept-editor", async sp =>
        {
            var s = sp.GetRequiredService<MessageService>();
            await s.TriageAsync(message.Id, TriageVerdict.Valid, null, null, default);
            await s.ReplyAsync(message.Id, "经核实，已安排于本周内处理完毕，感谢您的监督。", default);
            return await s.PublishAsync(message.Id, null, default);
        });
        app.Clock.SetChina(2025, 11, 30);
        await RunAsync();
        (await AlertsAsync(message.Id)).ShouldBeEmpty();
        var closed = await app.MessageAsync(receipt.Ticket);
        Deadlines.ClosedOnTime(closed.ClosedAt!.Value, closed.DueDate).ShouldBeTrue();
        var figures = await app.AsSystemAsync(sp => sp.GetRequiredService<MessageStatistics>()
            .ForSiteAsync(app.Department.Id, new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 30), default));
        figures.Received.ShouldBe(1);
        figures.Closed.ShouldBe(1);
        figures.OnTimeShare.ShouldBe(1);
        // 28 (调休 Sunday), 29, 30 Sep, 9, 10, 11 (调休 Saturday), 13 Oct: closed on its seventh working day.
        figures.AverageWorkingDays.ShouldBe(7);
    }

    [Fact]
    public async Task The_overdue_list_and_countdown_follow_the_working_days()
    {
        var calendar = GovSite.Calendar.CalendarService.ShippedOnly();
        var options = new InteractionOptions();
        var due = new DateOnly(2026, 3, 2);
        Deadlines.Remaining(calendar, due, new DateOnly(2026, 2, 13)).ShouldBe(7);
        Deadlines.Remaining(calendar, due, new DateOnly(2026, 2, 27)).ShouldBe(2);
        Deadlines.Remaining(calendar, due, new DateOnly(2026, 3, 2)).ShouldBe(0);
        Deadlines.Remaining(calendar, due, new DateOnly(2026, 3, 3)).ShouldBe(-1);
        Deadlines.StateOf(calendar, MessageStatus.Handling, due, new DateOnly(2026, 2, 20), options).ShouldBe(DeadlineState.OnTrack);
        Deadlines.StateOf(calendar, MessageStatus.Handling, due, new DateOnly(2026, 2, 28), options).ShouldBe(DeadlineState.DueSoon);
        Deadlines.StateOf(calendar, MessageStatus.Handling, due, new DateOnly(2026, 3, 3), options).ShouldBe(DeadlineState.Overdue);
        Deadlines.StateOf(calendar, MessageStatus.Handling, due, new DateOnly(2026, 3, 5), options).ShouldBe(DeadlineState.Escalated);
        Deadlines.StateOf(calendar, MessageStatus.Published, due, new DateOnly(2026, 3, 5), options).ShouldBe(DeadlineState.OnTrack);
    }

    [Fact]
    public void The_state_boundaries_for_a_database_query_agree_with_the_state_of_every_due_date()
    {
        var calendar = GovSite.Calendar.CalendarService.ShippedOnly();
        var options = new InteractionOptions();
        for (var today = new DateOnly(2025, 9, 20); today <= new DateOnly(2026, 3, 10); today = today.AddDays(1))
        {
            var (escalatedBefore, dueSoonUntil) = Deadlines.Boundaries(calendar, today, options);
            for (var due = today.AddDays(-20); due <= today.AddDays(20); due = due.AddDays(1))
            {
                var expected = due < escalatedBefore ? DeadlineState.Escalated
                    : due < today ? DeadlineState.Overdue
                    : due <= dueSoonUntil ? DeadlineState.DueSoon
                    : DeadlineState.OnTrack;
                Deadlines.StateOf(calendar, MessageStatus.Handling, due, today, options).ShouldBe(expected, $"today {today}, due {due}");
            }
        }
    }

    [Fact]
    public async Task Escalations_reach_the_supervisor_of_the_region_and_not_another_sites_staff()
    {
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            if (!db.Users.Any(u => u.UserName == "supervisor"))
            {
                var user = new GovSite.Accounts.User { UserName = "supervisor", DisplayName = "监管", CreatedAt = DateTime.UtcNow };
                user.PasswordHash = GovSite.Accounts.AccountService.HashPassword(user, InteractionFactory.Password);
                user.Grants.Add(new GovSite.Accounts.RoleGrant { Role = GovSite.Accounts.Role.Supervisor, RegionId = app.Portal.RegionId });
                db.Users.Add(user);
                await db.SaveChangesAsync();
            }
            return 0;
        });
        app.Clock.SetChina(2026, 6, 1);
        var receipt = await app.SubmitAsync(app.Portal.Id, "无人答复的留言", "这条留言一直没有人答复，看是否上报监管单位。", phone: "13600000009");
        app.Clock.SetChina(2026, 6, 30);
        await RunAsync();

        var supervisor = await SignInAsync("supervisor");
        var alerts = await supervisor.GetStringAsync("/admin/alerts");
        alerts.ShouldContain(receipt.Ticket);
        alerts.ShouldContain("超期未办（上报监管单位）");
        var department = await SignInAsync("dept-editor");
        (await department.GetStringAsync("/admin/alerts")).ShouldNotContain(receipt.Ticket);
        var portal = await SignInAsync("portal-admin");
        (await portal.GetStringAsync("/admin/alerts")).ShouldContain(receipt.Ticket);
        (await portal.GetStringAsync($"/admin/sites/{app.Portal.Id}/messages?filter=overdue")).ShouldContain("无人答复的留言");
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HandlingTests.Antiforgery(login),
            ["UserName"] = user,
            ["Password"] = InteractionFactory.Password,
        }));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return client;
    }
}
