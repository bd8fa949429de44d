using GovSite.Citizens;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing;
using GovSite.Services;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// Two accounts of 千人千网 on the demo portal: a young parent and a new company, each with saved
/// guides, a saved article and subscriptions (SMS and e-mail), so the personal page has
/// something to show. They sign in with <see cref="Password"/> or a code from the SMS outbox.
/// </summary>
public static class DemoCitizens
{
    public const string PersonMobile = "13800000001";
    public const string EnterpriseMobile = "13800000002";
    public const string Password = "Demo2026citizen";

    /// <summary>A valid 统一社会信用代码 (its check character computed, as the register form checks it).</summary>
    public static readonly string EnterpriseCreditCode = CitizenAccounts.WithCheckCharacter("91990000MA00DEM01");

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, int> siteIds, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        if (await db.Citizens.AnyAsync(ct))
        {
            return;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var portal = siteIds[DemoRegion.ProvincialPortalCode];
        var host = services.GetRequiredService<SiteDirectory>().FindById(portal)?.MainHost;
        var origin = host is null ? $"http://localhost:5000/sites/{DemoRegion.ProvincialPortalCode}" : $"https://{host}";

        var person = new Citizen
        {
            Kind = CitizenKind.Person, Mobile = PersonMobile, Name = "张晓梅", Email = "zhang.xiaomei@example.cn", Events = "出生,上学",
            CreatedAt = now.AddDays(-40), LastSignInAt = now.AddDays(-2),
        };
        var company = new Citizen
        {
            Kind = CitizenKind.Enterprise, Mobile = EnterpriseMobile, Name = "江川示范科技有限公司", CreditCode = EnterpriseCreditCode,
            Email = "office@jcdemo-tech.example.cn", Events = "开办,纳税,用工", CreatedAt = now.AddDays(-20), LastSignInAt = now.AddDays(-1),
        };
        person.PasswordHash = CitizenAccounts.HashPassword(person, Password);
        company.PasswordHash = CitizenAccounts.HashPassword(company, Password);
        db.Citizens.AddRange(person, company);
        await db.SaveChangesAsync(ct);

        var names = await db.ServiceItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == ServiceItemStatus.Published)
            .Select(i => new { i.Code, i.Name }).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        void SaveService(Citizen c, string code, int daysAgo)
        {
            if (names.TryGetValue(code, out var name))
            {
                db.SavedEntries.Add(new SavedEntry { CitizenId = c.Id, Kind = SavedKind.Service, SiteId = portal, Target = code, Title = name, SavedAt = now.AddDays(-daysAgo) });
            }
        }
        SaveService(person, DemoServices.HottestCode, 30);
        SaveService(person, "990000WJ001", 29);
        SaveService(person, "990000YB001", 12);
        SaveService(company, "990000SJ002", 18);
        SaveService(company, "990000SW001", 17);
        SaveService(company, "990000RS009", 5);

        var article = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == portal && a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt)
            .Select(a => new { a.Id, a.Title, a.ColumnId }).FirstOrDefaultAsync(ct);
        if (article is not null)
        {
            db.SavedEntries.Add(new SavedEntry
            {
                CitizenId = person.Id, Kind = SavedKind.Article, SiteId = portal, Title = article.Title, SavedAt = now.AddDays(-3),
                Target = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        var column = article is null ? null : await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == article.ColumnId)
            .Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        var policyTheme = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == portal && a.Status == ArticleStatus.Published && a.SubjectCategory != null)
            .Select(a => a.SubjectCategory).FirstOrDefaultAsync(ct);

        Subscription Sub(Citizen c, SubscriptionKind kind, string target, string title, OutboxChannel channel) => new()
        {
            CitizenId = c.Id, Kind = kind, SiteId = portal, Target = target, Title = title, Channel = channel, Since = now, CreatedAt = now,
            Token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), Origin = origin,
        };
        db.Subscriptions.Add(Sub(person, SubscriptionKind.Service, DemoServices.HottestCode, $"办事指南：{names.GetValueOrDefault(DemoServices.HottestCode)}", OutboxChannel.Sms));
        if (column is not null)
        {
            db.Subscriptions.Add(Sub(person, SubscriptionKind.Column, column.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"栏目：{column.Name}", OutboxChannel.Email));
        }
        if (policyTheme is not null)
        {
            db.Subscriptions.Add(Sub(company, SubscriptionKind.PolicyTheme, policyTheme, $"政策文件：{policyTheme}", OutboxChannel.Email));
        }
        db.Subscriptions.Add(Sub(company, SubscriptionKind.Service, "990000SJ002", $"办事指南：{names.GetValueOrDefault("990000SJ002")}", OutboxChannel.Sms));
        await db.SaveChangesAsync(ct);
    }
}
