using GovSite.Accounts;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>Opens the standard channels and a few FAQ answers on the demo portal, so the demo shows a working mailbox.</summary>
public sealed class InteractionDemo(IServiceProvider services, IConfiguration configuration, ILogger<InteractionDemo> log) : IHostedService
{
    public const string PortalCode = "9900000001";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("GOVSITE_NO_DEMO", false))
        {
            return;
        }
        try
        {
            await OpenDemoChannelsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Demo content is a convenience: a database that is not there yet must not stop the server.
            log.LogWarning(e, "Could not open the demo portal's message channels");
        }
    }

    private async Task OpenDemoChannelsAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == PortalCode, cancellationToken);
        if (site is null || await db.MessageChannels.AnyAsync(c => c.SiteId == site.Id, cancellationToken))
        {
            return;
        }
        await scope.ServiceProvider.GetRequiredService<MessageService>().EnsureChannelsAsync(site.Id, cancellationToken);
        db.FaqEntries.AddRange(
            new FaqEntry { SiteId = site.Id, Question = "如何办理居住证？", Answer = "携带身份证、居住登记凭证到居住地派出所或政务服务中心办理，一般 15 个工作日内发证。", Keywords = "居住证", SortOrder = 10, UpdatedAt = DateTime.UtcNow },
            new FaqEntry { SiteId = site.Id, Question = "社保卡丢失怎么补办？", Answer = "可通过“江川人社”小程序在线挂失并申请补卡，也可到社保经办窗口办理。", Keywords = "社保卡,补办", SortOrder = 20, UpdatedAt = DateTime.UtcNow },
            new FaqEntry { SiteId = site.Id, Question = "留言多久能得到答复？", Answer = "有效留言在 7 个工作日内答复；情况复杂的经延期后在 15 个工作日内答复。", Keywords = "多久答复,答复时间", SortOrder = 30, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
