using System.Net;
using GovSite.Citizens;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing;
using GovSite.PublicSite.Topics;
using GovSite.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>
/// Subscriptions to a 专题 and to a 主题分类's policy documents: made from the subscribe page (which
/// offers the RSS feed too), a new publication queues one message per subscriber with its
/// one-click unsubscribe address; what is not public (a draft, a scheduled or 依申请公开 article)
/// queues nothing, and nothing is sent twice.
/// </summary>
public class TopicAndThemeSubscriptionsTests(CitizensFactory app) : IClassFixture<CitizensFactory>
{
    private const string Dept = ServicesFactory.DepartmentCode;

    private async Task<BackOfficeSession> SubscribedAsync(string name, string email, string kind, string target, string channel)
    {
        var (session, _) = await app.SignedInCitizenAsync(name, email);
        var url = CitizensFactory.Account($"/subscribe?kind={kind}&target={Uri.EscapeDataString(target)}");
        var page = await session.OpenAsync(url);
        var done = await session.SubmitAsync(page.Form("form.account-form"), new() { ["Channel"] = channel });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    private Task<int> PublishAsync(ArticleInput input) =>
        app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(app.Department.Id, null, input)).Value!.Id);

    /// <summary>The subscription messages to these addresses (not the sign-up codes).</summary>
    private Task<List<OutboxMessage>> MessagesToAsync(params string[] recipients) => app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages
        .AsNoTracking().Where(m => recipients.Contains(m.Recipient) && m.Subject.StartsWith("订阅更新")).OrderBy(m => m.Id).ToListAsync());

    private async Task<string> MobileOfAsync(string email) =>
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Citizens.Where(c => c.Email == email).Select(c => c.Mobile).SingleAsync());

    [Fact]
    public async Task A_topic_publication_reaches_each_subscriber_once_with_an_unsubscribe_link_and_the_subscribe_page_offers_the_feed()
    {
        var topic = (await app.AsSystemAsync(sp => sp.GetRequiredService<TopicService>().OpenAsync(app.Department.Id,
            new TopicInput { Name = "冬季救助专题", ColumnNames = "救助动态" }))).Value!;
        var column = await app.ColumnIdAsync(app.Department.Id, "救助动态");

        var page = await (await SubscribedAsync("孙九", "sun.jiu@example.cn", "Topic", topic.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Email"))
            .OpenAsync(CitizensFactory.Account($"/subscribe?kind=Topic&target={topic.Id}"));
        page.Html.ShouldContain($"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"专题：冬季救助专题（RSS）\" href=\"/sites/{Dept}/topics/{topic.Id}/rss.xml\">");
        using var second = await SubscribedAsync("李十", "li.shi@example.cn", "Topic", topic.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Sms");
        var mobile = await MobileOfAsync("li.shi@example.cn");

        await PublishAsync(new ArticleInput { ColumnId = column, Title = "救助草稿", Body = "<p>草稿</p>" });
        await PublishAsync(new ArticleInput
        {
            Publish = true, ColumnId = column, Title = "下周才发布的救助通知", Body = "<p>定时</p>", PublishedAt = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow.AddDays(7)),
        });
        var delivery = app.Services.GetRequiredService<SubscriptionDelivery>();
        await delivery.RunOnceAsync(default);
        (await MessagesToAsync("sun.jiu@example.cn", mobile)).ShouldBeEmpty();

        await PublishAsync(new ArticleInput { Publish = true, ColumnId = column, Title = "冬季救助 <物资> & 发放启动", Body = "<p>正文</p>" });
        await delivery.RunOnceAsync(default);
        var messages = await MessagesToAsync("sun.jiu@example.cn", mobile);
        messages.Count.ShouldBe(2);
        var mail = messages.Single(m => m.Channel == OutboxChannel.Email);
        mail.Subject.ShouldBe("订阅更新：专题：冬季救助专题");
        mail.Body.ShouldContain("冬季救助 <物资> & 发放启动");
        mail.Body.ShouldContain($"一键退订：http://localhost/sites/{Dept}/unsubscribe/");
        var sms = messages.Single(m => m.Channel == OutboxChannel.Sms);
        sms.Body.ShouldContain("冬季救助 <物资> & 发放启动");
        sms.Body.ShouldContain("退订：http://localhost/sites/");
        mail.Status.ShouldBe(OutboxStatus.Pending);

        // Nothing new: nothing more.
        await delivery.RunOnceAsync(default);
        (await MessagesToAsync("sun.jiu@example.cn", mobile)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_policy_theme_subscription_gets_the_themes_disclosed_documents_only()
    {
        const string theme = "民政、扶贫、救灾";
        using var session = await SubscribedAsync("周十一", "zhou.shiyi@example.cn", "PolicyTheme", theme, "Email");
        var page = await session.OpenAsync(CitizensFactory.Account($"/subscribe?kind=PolicyTheme&target={Uri.EscapeDataString(theme)}"));
        page.Html.ShouldContain($"href=\"/sites/{Dept}/disclosure/subjects/{Uri.EscapeDataString(theme)}/rss.xml\"");
        var policyColumn = await app.ColumnIdAsync(app.Department.Id, "政策文件");

        var onRequest = await PublishAsync(new ArticleInput
        {
            Publish = true, ColumnId = policyColumn, Title = "依申请公开的救灾文件", Body = "<p>正文</p>",
            SubjectCategory = theme, DocNumber = "测民发〔2026〕2号", Issuer = "测试服务市民政局",
        });
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles.Where(a => a.Id == onRequest)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Disclosure, DisclosureMode.OnRequest)));
        await PublishAsync(new ArticleInput
        {
            Publish = true, ColumnId = policyColumn, Title = "另一主题的教育文件", Body = "<p>正文</p>",
            SubjectCategory = "科技、教育", DocNumber = "测民发〔2026〕3号", Issuer = "测试服务市民政局",
        });
        await PublishAsync(new ArticleInput
        {
            Publish = true, ColumnId = policyColumn, Title = "关于做好冬季救灾工作的通知", Body = "<p>正文</p>",
            SubjectCategory = theme, DocNumber = "测民发〔2026〕4号", Issuer = "测试服务市民政局",
        });
        await app.Services.GetRequiredService<SubscriptionDelivery>().RunOnceAsync(default);

        var mail = (await MessagesToAsync("zhou.shiyi@example.cn")).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"订阅更新：政策文件：{theme}");
        mail.Body.ShouldContain("关于做好冬季救灾工作的通知");
        mail.Body.ShouldNotContain("依申请公开的救灾文件");
        mail.Body.ShouldNotContain("另一主题的教育文件");
        mail.Body.ShouldContain("一键退订：");
    }
}
