using System.Net;
using System.Text.RegularExpressions;
using GovSite.Citizens;
using GovSite.Common;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Services;
using GovSite.Tests.Corpus;
using GovSite.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>The personal page: saved guides, subscriptions that reach people, one-click unsubscribe, deletion, typed text.</summary>
public partial class PersonalPageTests(CitizensFactory app) : IClassFixture<CitizensFactory>
{
    private Task<(BackOfficeSession Session, string Mobile)> SignedInAsync(string name = "陈七", string? email = null) => app.SignedInCitizenAsync(name, email);

    [Fact]
    public async Task A_guide_is_saved_and_subscribed_from_its_page_and_a_change_reaches_the_citizen_with_a_working_unsubscribe_link()
    {
        var (session, mobile) = await SignedInAsync();
        using var _ = session;
        var guide = await session.OpenAsync($"/sites/{ServicesFactory.DepartmentCode}/services/{CitizensFactory.GuideCode}");
        var saveLink = guide.Document.QuerySelectorAll("a").Single(a => a.TextContent == "收藏").GetAttribute("href")!;
        var save = await session.OpenAsync(saveLink);
        save.Html.ShouldContain(CitizensFactory.GuideName);
        var saved = await session.SubmitAsync(save.Form("form.account-form"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.SubmitAsync(save.Form("form.account-form"))).StatusCode.ShouldBe(HttpStatusCode.Redirect); // twice is once
        var home = await session.OpenAsync(saved.Headers.Location!.ToString());
        home.Html.ShouldContain("已收藏。");
        home.Document.QuerySelectorAll(".saved-list a").Count(a => a.TextContent == CitizensFactory.GuideName).ShouldBe(1);
        // 为您推荐 follows the 人生事件 chosen in the settings.
        home.Html.ShouldNotContain("<span class=\"muted\">测试服务市民政局 · 就医</span>");
        var settings = await session.SubmitAsync(home.Handler("Settings"), new() { ["Events"] = "就医" });
        (await settings.Content.ReadAsStringAsync()).ShouldContain("测试服务市民政局 · 就医");

        var subscribeLink = guide.Document.QuerySelectorAll("a").Single(a => a.TextContent == "订阅变更提醒").GetAttribute("href")!;
        var subscribe = await session.OpenAsync(subscribeLink);
        var noEmail = await CitizensFactory.ReadAsync(await session.SubmitAsync(subscribe.Form("form.account-form"), new() { ["Channel"] = "Email" }), subscribeLink);
        noEmail.Errors.ShouldContain(e => e.Contains("您还没有填写电子邮箱"));
        (await session.SubmitAsync(noEmail.Form("form.account-form"), new() { ["Channel"] = "Sms" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.OpenAsync(CitizensFactory.Account())).Html.ShouldContain($"办事指南：{CitizensFactory.GuideName}");

        // Nothing new yet: no message. The guide is published again (a revision): one SMS, with the unsubscribe address.
        var delivery = app.Services.GetRequiredService<SubscriptionDelivery>();
        await delivery.RunOnceAsync(default);
        (await SmsToAsync(mobile)).ShouldBeEmpty();
        // A real revision: written, submitted and approved (PublishedAt stays the first publication).
        var guideId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.Where(i => i.Code == CitizensFactory.GuideCode)
            .Select(i => i.Id).SingleAsync());
        await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<GovSite.Services.ServiceEditor>();
            var revised = ServicesFactory.CompleteGuide(CitizensFactory.GuideCode, CitizensFactory.GuideName);
            revised.Phone = "0591-87654321";
            (await editor.SaveAsync(guideId, revised)).Succeeded.ShouldBeTrue();
            (await editor.ActAsync(guideId, GovSite.Services.ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
            return 0;
        });
        await app.AsUserAsync("svc-reviewer", async sp =>
        {
            (await sp.GetRequiredService<GovSite.Services.ServiceEditor>().ActAsync(guideId, GovSite.Services.ServiceAction.Approve, null)).Succeeded.ShouldBeTrue();
            return 0;
        });
        (await delivery.RunOnceAsync(default)).ShouldBeGreaterThanOrEqualTo(1);
        (await delivery.RunOnceAsync(default)).ShouldBe(0);
        var messages = await SmsToAsync(mobile);
        messages.Count.ShouldBe(1);
        messages[0].ShouldContain($"{CitizensFactory.GuideName}（办事指南已更新）");
        var unsubscribe = UnsubscribeAddress().Match(messages[0]).Value;
        unsubscribe.ShouldNotBeEmpty();

        // The link needs no sign-in: opening it asks, the one button ends it.
        using var reader = BackOfficeSession.Anonymous(app);
        var path = new Uri(unsubscribe).PathAndQuery;
        var ask = await reader.OpenAsync(path);
        ask.Html.ShouldContain("确认退订");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Subscriptions.CountAsync())).ShouldBeGreaterThan(0);
        var done = await CitizensFactory.ReadAsync(await reader.SubmitAsync(ask.Form("form[method=post]")), path);
        done.Html.ShouldContain("已退订");
        var citizen = (await app.CitizenAsync(mobile))!;
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Subscriptions.CountAsync(s => s.CitizenId == citizen.Id))).ShouldBe(0);
        (await reader.OpenAsync(path)).Html.ShouldContain("该订阅不存在或已经退订");
    }

    [Fact]
    public async Task A_column_subscription_by_email_lists_new_articles_and_a_message_written_while_signed_in_is_on_the_page()
    {
        var (session, mobile) = await SignedInAsync("周八", "zhou.ba@example.cn");
        using var _ = session;
        var columnId = await app.ColumnIdAsync(app.Department.Id, "工作动态");
        var home = await session.OpenAsync(CitizensFactory.Account());
        var subscribed = await session.SubmitAsync(home.Handler("Subscribe"), new() { ["Target"] = $"Column:{columnId}", ["Channel"] = "Email" });
        (await subscribed.Content.ReadAsStringAsync()).ShouldContain("订阅成功");
        var unknown = await session.SubmitAsync(home.Handler("Subscribe"), new() { ["Target"] = "Column:999999", ["Channel"] = "Email" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("要订阅的栏目、专题、政策主题或事项不存在");

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            db.Articles.Add(new GovSite.Publishing.Article
            {
                SiteId = app.Department.Id, ColumnId = columnId, Title = "民政局开展冬季救助 <专项行动>", Body = "<p>正文</p>",
                Status = GovSite.Publishing.ArticleStatus.Published, PublishedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<SubscriptionDelivery>().RunOnceAsync(default);
        var mail = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages
            .SingleAsync(m => m.Channel == OutboxChannel.Email && m.Recipient == "zhou.ba@example.cn"));
        mail.Body.ShouldContain("民政局开展冬季救助 <专项行动>");
        mail.Body.ShouldContain("一键退订：http://localhost/sites/" + ServicesFactory.DepartmentCode + "/unsubscribe/");
        mail.Status.ShouldBe(OutboxStatus.Pending);
    }

    [Fact]
    public async Task Deleting_the_account_removes_everything_personal_and_keeps_the_public_rating_figures()
    {
        var (session, mobile) = await SignedInAsync("要注销的人", "leaving@example.cn");
        using var _ = session;
        var guide = $"/sites/{ServicesFactory.DepartmentCode}/services/{CitizensFactory.GuideCode}";
        var save = await session.OpenAsync(CitizensFactory.Account($"/save?kind=Service&target={CitizensFactory.GuideCode}"));
        await session.SubmitAsync(save.Form("form.account-form"));
        var subscribe = await session.OpenAsync(CitizensFactory.Account($"/subscribe?kind=Service&target={CitizensFactory.GuideCode}"));
        await session.SubmitAsync(subscribe.Form("form.account-form"), new() { ["Channel"] = "Email" });
        var rate = await session.OpenAsync(guide + "/rate");
        await session.SubmitAsync(rate.Form("form.rating-form"), new() { ["Level"] = "Satisfied", ["Comment"] = "我的个人评价内容" });
        var citizen = (await app.CitizenAsync(mobile))!;
        var ratings = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceRatings.CountAsync());
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceRatings.CountAsync(r => r.CitizenId == citizen.Id))).ShouldBe(1);

        var page = await session.OpenAsync(CitizensFactory.Account("/delete"));
        var unconfirmed = await CitizensFactory.ReadAsync(await session.SubmitAsync(page.Form("form.account-form")), CitizensFactory.Account("/delete"));
        unconfirmed.Errors.ShouldContain(e => e.Contains("请勾选"));
        (await app.CitizenAsync(mobile)).ShouldNotBeNull();
        var deleted = await CitizensFactory.ReadAsync(await session.SubmitAsync(page.Form("form.account-form"), new() { ["Confirm"] = "true" }),
            CitizensFactory.Account("/delete"));
        deleted.Html.ShouldContain("账号已注销");

        (await app.CitizenAsync(mobile)).ShouldBeNull();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            (await db.SavedEntries.CountAsync(s => s.CitizenId == citizen.Id)).ShouldBe(0);
            (await db.Subscriptions.CountAsync(s => s.CitizenId == citizen.Id)).ShouldBe(0);
            (await db.CitizenCodes.CountAsync(c => c.Mobile == mobile)).ShouldBe(0);
            (await db.OutboxMessages.CountAsync(m => m.Recipient == mobile || m.Recipient == "leaving@example.cn")).ShouldBe(0);
            (await db.ServiceRatings.IgnoreQueryFilters().CountAsync(r => r.CitizenId == citizen.Id)).ShouldBe(0);
            (await db.ServiceRatings.IgnoreQueryFilters().CountAsync(r => r.Comment == "我的个人评价内容")).ShouldBe(0);
            (await db.ServiceRatings.IgnoreQueryFilters().CountAsync()).ShouldBe(ratings);
            return 0;
        });
        // The old cookie is no account.
        (await session.Client.GetAsync(CitizensFactory.Account())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Registration_names_from_the_typed_text_corpus_are_kept_and_shown_exactly_as_typed()
    {
        var failures = new List<string>();
        var registered = 0;
        foreach (var typed in TypedTextSamples.Load())
        {
            using var session = BackOfficeSession.Anonymous(app);
            var mobile = CitizensFactory.NextMobile();
            var line = TypedText.Line(typed);
            var fits = line is not null && TypedText.Length(line) <= 100;
            var response = await app.RegisterAsync(session, mobile, typed);
            if (!fits)
            {
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    failures.Add($"accepted a name that does not fit: 「{Cut(typed)}」");
                }
                continue;
            }
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"refused: 「{Cut(typed)}」");
                continue;
            }
            registered++;
            var stored = (await app.CitizenAsync(mobile))!;
            if (stored.Name != line)
            {
                failures.Add($"stored: 「{Cut(typed)}」 changed on the way in");
            }
            var home = await session.OpenAsync(CitizensFactory.Account());
            if (!TypedTextSamples.Visible(home.Document.QuerySelector("h1")!.TextContent).Contains(TypedTextSamples.Visible(typed), StringComparison.Ordinal))
            {
                failures.Add($"shown: 「{Cut(typed)}」 not as typed");
            }
            if (home.Document.QuerySelectorAll("main script, main img, main svg").Length > 0)
            {
                failures.Add($"markup: 「{Cut(typed)}」");
            }
        }
        registered.ShouldBeGreaterThan(TypedTextSamples.Load().Count / 2);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rating_comments_from_the_typed_text_corpus_are_kept_and_shown_to_the_items_staff_exactly_as_typed()
    {
        var failures = new List<string>();
        using var staff = await BackOfficeSession.SignInAsync(app, "svc-editor", ServicesFactory.Password);
        var item = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.SingleAsync(i => i.Code == CitizensFactory.GuideCode));
        var n = 0;
        foreach (var typed in TypedTextSamples.Load())
        {
            n++;
            var block = TypedText.Block(typed);
            if (block is null || TypedText.Length(block) > ServiceRatings.MaxCommentLength)
            {
                continue;
            }
            // Each from its own address: one rating per address, item and day is the rule being kept.
            var outcome = await app.AsSystemAsync(sp => sp.GetRequiredService<ServiceRatings>()
                .RateAsync(item, new RatingInput(RatingLevel.Basic, typed), $"10.9.{n / 250}.{n % 250}", null, default));
            if (outcome.Rating is null)
            {
                failures.Add($"refused: 「{Cut(typed)}」 {string.Join("；", outcome.Errors.All.SelectMany(e => e.Value))}");
                continue;
            }
            if (outcome.Rating.Comment != block)
            {
                failures.Add($"stored: 「{Cut(typed)}」 changed on the way in");
            }
            var office = await staff.OpenAsync($"/admin/sites/{app.Department.Id}/services/ratings");
            var shown = office.Document.QuerySelector(".rating-comment")?.TextContent ?? "";
            if (!TypedTextSamples.Visible(shown).Equals(TypedTextSamples.Visible(typed), StringComparison.Ordinal))
            {
                failures.Add($"shown: 「{Cut(typed)}」 not as typed");
            }
        }
        failures.ShouldBeEmpty();
    }

    private Task<List<string>> SmsToAsync(string mobile) => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages
        .Where(m => m.Channel == OutboxChannel.Sms && m.Recipient == mobile && m.Subject != "验证码").OrderBy(m => m.Id).Select(m => m.Body).ToListAsync());

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex(@"https?://\S+/unsubscribe/[0-9a-f]+")]
    private static partial Regex UnsubscribeAddress();
}
