using GovSite.Citizens;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Notifications;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Sites;
using GovSite.Tests.Citizens;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>Citizen accounts, their letters with attachments, and e-mail subscriptions (issue 21's inputs of the public's own pages).</summary>
public partial class XssInputsBrowserTests
{
    private const string CitizenPassword = "Citizen2026pass";

    [Fact]
    public async Task Citizen_names_their_letters_attachment_names_and_email_subscriptions_run_nothing_on_the_personal_page_the_back_office_and_the_outbox()
    {
        // Names hold 100 characters: every payload that fits goes into some citizen's name. The
        // first accounts register through the page (获取验证码, the code from the SMS outbox, 注册);
        // the rest are written as the registration writes them, so the outbox lists every one.
        var names = XssCorpus.Batches(100, " ").Select(b => TypedText.LineOrEmpty(string.Join(' ', b))).Where(n => n.Length > 0).ToList();
        const int throughTheForm = 4;
        var column = await app.AsSystemAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<ColumnService>().SaveAsync(app.Portal.Id, null,
                new ColumnInput { Name = names[^1], Type = ColumnType.News, Description = names[^2] });
            saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors.All.SelectMany(e => e.Value)));
            sp.GetRequiredService<SiteDirectory>().Invalidate();
            return saved.Value!;
        });
        var citizens = new List<(string Mobile, string Name, string LetterName, int MessageId, string Subject, string AttachmentName)>();
        for (var i = 0; i < throughTheForm; i++)
        {
            using var session = BackOfficeSession.Anonymous(app);
            var mobile = NextPhone();
            var done = await RegisterAsync(session, mobile, names[i], $"citizen{i}@example.test");
            // The client follows redirects on the Kestrel port: registered is where 注册 leads.
            done.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe($"{Site}/account", string.Join("\n", (await CitizensFactoryBase.ReadAsync(done, "/")).Errors));
            var citizen = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Citizens.AsNoTracking().SingleAsync(c => c.Mobile == mobile));
            citizen.Name.ShouldBe(names[i]);

            // The e-mail subscription, through the personal page's form.
            var home = await session.OpenAsync($"{Site}/account");
            var subscribed = await session.SubmitAsync(home.Handler("Subscribe"), new() { ["Target"] = $"Column:{column.Id}", ["Channel"] = "Email" });
            (await subscribed.Content.ReadAsStringAsync()).ShouldContain("订阅成功", Case.Sensitive, string.Join("\n", (await CitizensFactoryBase.ReadAsync(subscribed, "/")).Errors));

            // A letter written while signed in, its attachment named with payloads.
            var batch = XssCorpus.Batches(150, " ")[i * 7 % 150];
            var subject = XssCorpus.Line(batch, 100);
            // A letter's name field holds 50 characters, the account's 100.
            var letterName = TypedText.Length(names[i]) <= 50 ? names[i] : XssCorpus.Line(batch.AsEnumerable().Reverse(), 50);
            var fileName = XssCorpus.Line(batch.Where(p => !p.Contains('\\', StringComparison.Ordinal)), 140) + ".png";
            var form = (await session.OpenAsync($"{Site}/interaction/write")).Form("form.message-form");
            var written = await PostWithFileAsync(session, form, new()
            {
                ["Input.Channel"] = "Consultation", ["Input.Name"] = letterName, ["Input.Phone"] = mobile, ["Input.Subject"] = subject,
                ["Input.Text"] = string.Join('\n', batch), ["Input.IsPublic"] = "true",
            }, "Attachment", fileName);
            var receipt = await CitizensFactoryBase.ReadAsync(written, "/");
            receipt.Errors.ShouldBeEmpty();
            receipt.Html.ShouldContain("查询码", Case.Sensitive, receipt.Html[..Math.Min(3000, receipt.Html.Length)]);
            var message = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Messages.AsNoTracking().SingleAsync(m => m.Phone == mobile));
            message.AttachmentName.ShouldNotBeNull();
            // A file's name is cleaned for the disk and the download (no path, no <>"), not kept as typed.
            message.AttachmentName.ShouldBe(FileTypes.CleanName(SentFileName(fileName), FileTypes.Png));
            citizens.Add((mobile, names[i], letterName, message.Id, subject, message.AttachmentName));
        }
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var subscriptions = sp.GetRequiredService<Subscriptions>();
            var site = sp.GetRequiredService<SiteDirectory>().FindById(app.Portal.Id)!;
            var target = (await subscriptions.FindAsync(site, SubscriptionKind.Column, column.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default))!;
            for (var i = throughTheForm; i < names.Count; i++)
            {
                var citizen = new Citizen { Name = names[i], Mobile = NextPhone(), Email = $"citizen{i}@example.test", CreatedAt = DateTime.UtcNow };
                db.Citizens.Add(citizen);
                await db.SaveChangesAsync();
                (await subscriptions.SubscribeAsync(citizen, target, OutboxChannel.Email, app.BaseUrl + Site, default)).Succeeded.ShouldBeTrue();
            }
            return 0;
        });

        // News in the column, titled with payloads: one e-mail to each subscriber.
        var titles = new List<string>();
        foreach (var batch in XssCorpus.Batches(500, " ").Take(3))
        {
            var saved = await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<ArticleService>().SaveAsync(app.Portal.Id, null,
                new ArticleInput { ColumnId = column.Id, Title = string.Join(' ', batch), Body = "<p>订阅测试</p>", Publish = true }));
            if (saved.Succeeded)
            {
                titles.Add(saved.Value!.Title);
            }
        }
        titles.ShouldNotBeEmpty();
        await Task.Delay(50);
        (await app.Services.GetRequiredService<SubscriptionDelivery>().RunOnceAsync(default)).ShouldBe(names.Count);
        var mails = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == OutboxChannel.Email && m.Subject.StartsWith("订阅更新")).ToListAsync());
        mails.Count.ShouldBe(names.Count);
        foreach (var mail in mails)
        {
            // Sent as text/plain (SmtpSender): the payloads are text in the mail, exactly as typed.
            var name = mail.RecipientName!;
            names.ShouldContain(name);
            mail.Body.ShouldStartWith(name + "：\n\n您订阅的栏目：" + column.Name + "有以下更新");
            foreach (var title in titles)
            {
                mail.Body.ShouldContain("· " + title + "（");
            }
        }

        foreach (var (mobile, name, _, _, subject, _) in citizens)
        {
            await using var own = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => CitizenSignInAsync(p, mobile));
            await own.VisitAsync($"{Site}/account", [name, column.Name, subject]);
            ShouldHaveNoFailures(own);
        }
        await using var staff = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        foreach (var (_, _, letterName, messageId, subject, attachment) in citizens)
        {
            await staff.VisitAsync($"/admin/messages/{messageId}", [letterName, subject, attachment]);
        }
        ShouldHaveNoFailures(staff);
        await using var platform = await XssProbe.StartAsync(app.Browser, app.BaseUrl, SignInAsPlatformAdminAsync);
        var total = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.CountAsync());
        for (var page = 1; (page - 1) * 50 < total; page++)
        {
            await platform.VisitAsync($"/admin/outbox?page={page}");
        }
        await platform.VisitAsync("/admin/outbox?status=Pending", mails.OrderByDescending(m => m.Id).Take(50).Select(m => m.RecipientName!));
        ShouldHaveNoFailures(platform);
    }

    private async Task<HttpResponseMessage> RegisterAsync(BackOfficeSession session, string mobile, string name, string email)
    {
        var url = $"{Site}/account/register";
        var page = await session.OpenAsync(url);
        var fields = new Dictionary<string, string?>
        {
            ["Kind"] = "Person", ["Name"] = name, ["Mobile"] = mobile, ["Password"] = CitizenPassword, ["Email"] = email,
        };
        var sent = await CitizensFactoryBase.PostToAsync(session, page.Form("form.account-form"), url + "?handler=Code", fields);
        var afterCode = await CitizensFactoryBase.ReadAsync(sent, url);
        afterCode.Html.ShouldContain("验证码已发送", customMessage: string.Join("；", afterCode.Errors));
        fields["Code"] = await app.AsSystemAsync(async sp =>
        {
            var body = await sp.GetRequiredService<GovSiteDb>().OutboxMessages.Where(m => m.Channel == OutboxChannel.Sms && m.Recipient == mobile)
                .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
            return System.Text.RegularExpressions.Regex.Match(body, "[0-9]{6}").Value;
        });
        return await session.SubmitAsync(afterCode.Form("form.account-form"), fields);
    }

    private static async Task CitizenSignInAsync(IPage page, string mobile)
    {
        await page.GotoAsync($"{Site}/account/signin");
        await page.FillAsync("#Mobile", mobile);
        await page.FillAsync("#Password", CitizenPassword);
        await page.ClickAsync("button:text-is('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }
}
