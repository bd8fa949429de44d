using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// One demo account per role, so a newcomer can try the editor's, the reviewer's, the 保密审查员's,
/// the site admin's and the supervisor's view without creating users and granting roles first.
/// They share one password: GOVSITE_DEMO_PASSWORD, or one generated and printed at first start.
/// </summary>
public static class DemoAccounts
{
    /// <param name="UserName">What is typed at sign-in.</param>
    /// <param name="Name">Who the account is, in the demo's story.</param>
    /// <param name="What">The role in the words of the UI.</param>
    public sealed record Account(string UserName, string Name, string What, Role Role, string? SiteCode, string? RegionCode);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("siteadmin", "陈晓梅", "网站管理员（清河县人民政府门户网站）", Role.SiteAdmin, DemoRegion.CountyPortalCode, null),
        new("editor", "张文华", "编辑（清河县人民政府门户网站）", Role.Editor, DemoRegion.CountyPortalCode, null),
        new("contributor", "李明", "信息员（清河县人民政府门户网站）", Role.Contributor, DemoRegion.CountyPortalCode, null),
        new("reviewer", "王建国", "审核员（清河县人民政府门户网站）", Role.Reviewer, DemoRegion.CountyPortalCode, null),
        new("secrecy", "赵静", "保密审查员（清河县人民政府门户网站）", Role.ConfidentialityReviewer, DemoRegion.CountyPortalCode, null),
        new("edu-editor", "孙丽", "编辑（江川省教育厅网站）", Role.Editor, DemoRegion.EducationCode, null),
        new("supervisor", "刘志强", "监管人员（江川省，含下级地区的全部网站）", Role.Supervisor, null, DemoRegion.ProvinceCode),
    ];

    /// <summary>Creates the accounts that do not exist yet; returns the password when it was generated here.</summary>
    public static async Task<string?> SeedAsync(GovSiteDb db, string? configuredPassword, TimeProvider clock, CancellationToken ct = default)
    {
        var names = All.Select(a => a.UserName).ToList();
        var existing = await db.Users.Where(u => names.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(ct);
        var missing = All.Where(a => !existing.Contains(a.UserName)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? AccountService.GeneratePassword() : configuredPassword!;
        // One hash for all: hashing is deliberately slow, and the accounts share the password anyway.
        var hash = new PasswordHasher<User>().HashPassword(new User(), password);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in missing)
        {
            var siteId = account.SiteCode is { } code ? await db.Sites.Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) : null;
            var regionId = account.RegionCode is { } region ? await db.Regions.Where(r => r.Code == region).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct) : null;
            if ((account.SiteCode is not null && siteId is null) || (account.RegionCode is not null && regionId is null))
            {
                continue;
            }
            var user = new User { UserName = account.UserName, DisplayName = account.Name, CreatedAt = now };
            user.PasswordHash = hash;
            user.Grants.Add(new RoleGrant { Role = account.Role, SiteId = siteId, RegionId = regionId });
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(ct);
        return generated ? password : null;
    }
}
