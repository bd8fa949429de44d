using GovSite.Accounts;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GovSite.Tests.Notifications;

/// <summary>A platform whose SMTP settings point at a server in this process.</summary>
public sealed class MailFactory : EmptyPlatformFactory
{
    public LoopbackSmtpServer Smtp { get; } = new();
    public Site Site { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:Smtp:From", "govsite@test.gov.cn");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = await CreateSiteAsync("3504000001", "邮件测试市人民政府", SiteType.Portal);
        var reviewer = await CreateUserAsync("mail-reviewer", "MailTest123x", (Role.Reviewer, Site.Id));
        await CreateUserAsync("mail-writer", "MailTest123x", (Role.Contributor, Site.Id));
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            (await db.Users.FirstAsync(u => u.Id == reviewer.Id)).Email = "reviewer@mail.test.gov.cn";
            return await db.SaveChangesAsync();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public class OutboxTests(MailFactory app) : IClassFixture<MailFactory>
{
    private async Task<int> SubmitAsync(string title)
    {
        var column = await app.ColumnIdAsync(app.Site.Id, "政策文件");
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            (await db.Columns.FirstAsync(c => c.Id == column)).ReviewLevels = 1;
            return await db.SaveChangesAsync();
        });
        using var writer = await app.ClientWithTokenAsync("mail-writer", "MailTest123x");
        var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(writer, "/api/v1/items",
            new { siteCode = app.Site.Code, columnId = column, title, body = "<p>正文。</p>" });
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("id").GetInt32();
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(writer, $"/api/v1/items/{id}/submit", new { })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_notice_is_mailed_through_smtp_once_whichever_node_drains_the_outbox()
    {
        var id = await SubmitAsync("请审核：关于调整办事时间的公告");
        var drain = app.Services.GetRequiredService<OutboxDrain>();
        // Two passes at once stand for two nodes: the lease lets one send it.
        var sent = await Task.WhenAll(drain.RunOnceAsync(CancellationToken.None), drain.RunOnceAsync(CancellationToken.None));
        sent.Sum().ShouldBe(1);
        var mail = app.Smtp.Received.Single(m => m.Data.Contains("Subject", StringComparison.Ordinal) && (Decode(m.Data).Subject ?? "").Contains("关于调整办事时间的公告"));
        mail.To.ShouldBe(["<reviewer@mail.test.gov.cn>"]);
        var message = Decode(mail.Data);
        (message.TextBody ?? "").ShouldContain($"/admin/library/{id}");
        var row = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.SingleAsync(m => m.Subject.Contains("关于调整办事时间的公告")));
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.SentAt.ShouldNotBeNull();
        (await drain.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "sent once");
    }

    [Fact]
    public async Task A_refused_message_is_kept_with_its_error_and_tried_again_later()
    {
        app.Smtp.RefuseWith = "554 mailbox unavailable";
        try
        {
            await SubmitAsync("请审核：退信测试");
            var drain = app.Services.GetRequiredService<OutboxDrain>();
            (await drain.RunOnceAsync(CancellationToken.None)).ShouldBe(0);
            var row = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.SingleAsync(m => m.Subject.Contains("退信测试")));
            row.Status.ShouldBe(OutboxStatus.Pending);
            row.Attempts.ShouldBe(1);
            row.LastError!.ShouldContain("mailbox unavailable");
            row.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow);
        }
        finally
        {
            app.Smtp.RefuseWith = null;
        }
    }

    private static MimeMessage Decode(string data) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
}
