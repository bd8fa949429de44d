using System.Net.Http.Json;
using GovSite.Accounts;
using GovSite.Sites;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// An empty platform with a county portal and two department sites under it, staff for each and
/// a supervisor of the region, on a clock the tests move (China time).
/// </summary>
public class DisclosureFactory : EmptyPlatformFactory
{
    public const string PortalCode = "3503000011";
    public const string DepartmentCode = "3503000022";
    public const string OtherDepartmentCode = "3503000033";
    public const string Password = "Staff12345x";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 2, 6, 2, 0, 0, TimeSpan.Zero));
    public Site Portal { get; private set; } = null!;
    public Site Department { get; private set; } = null!;
    public Site OtherDepartment { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal = await CreateSiteAsync(PortalCode, "测试公开县人民政府", SiteType.Portal, "www.gk.test.gov.cn");
        Department = await CreateSiteAsync(DepartmentCode, "测试公开县自然资源局", SiteType.Department, "zrzyj.gk.test.gov.cn");
        OtherDepartment = await CreateSiteAsync(OtherDepartmentCode, "测试公开县教育局", SiteType.Department, "jyj.gk.test.gov.cn");
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            foreach (var id in new[] { Department.Id, OtherDepartment.Id })
            {
                (await db.Sites.FindAsync(id))!.ParentId = Portal.Id;
            }
            await db.SaveChangesAsync();
            sp.GetRequiredService<SiteDirectory>().Invalidate();
            return 0;
        });
        await CreateUserAsync("dept-admin", Password, (Role.SiteAdmin, Department.Id));
        await CreateUserAsync("dept-editor", Password, (Role.Editor, Department.Id));
        await CreateUserAsync("dept-reviewer", Password, (Role.Reviewer, Department.Id));
        await CreateUserAsync("other-editor", Password, (Role.Editor, OtherDepartment.Id));
        await CreateUserAsync("portal-admin", Password, (Role.SiteAdmin, Portal.Id));
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var user = new User { UserName = "supervisor", DisplayName = "监管", CreatedAt = DateTime.UtcNow };
            user.PasswordHash = AccountService.HashPassword(user, Password);
            user.Grants.Add(new RoleGrant { Role = Role.Supervisor, RegionId = Portal.RegionId });
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:RequestsPerIpPerHour", "100000");
        builder.UseSetting("ErrorReports:ReportsPerIpPerHour", "100000");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            // Tokens and cookies expire by the same clock: the tests move it by months.
            s.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(
                Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenDefaults.AuthenticationScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(3650));
            s.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
                Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(3650));
        });
    }

    /// <summary>A 1×1 PNG, as a scan of an ID card would start.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A valid application of a citizen, as JSON for the public API.</summary>
    public static Dictionary<string, object?> Application(string idNumber = "110101199003070038", string description = "请公开2025年本县国有建设用地供应计划及其批准文件。") => new()
    {
        ["applicantKind"] = "NaturalPerson",
        ["name"] = "王小明",
        ["idKind"] = "ResidentIdCard",
        ["idNumber"] = idNumber,
        ["phone"] = "13800001111",
        ["email"] = "wxm@example.com",
        ["address"] = "测试县人民路1号",
        ["description"] = description,
        ["delivery"] = "Email",
        ["idImage"] = Convert.ToBase64String(Png),
        ["idImageName"] = "身份证.png",
    };

    public sealed record Receipt(string Number, string QueryCode, string ReceivedOn, string DueDate);

    public async Task<Receipt> ApplyAsync(string siteCode = DepartmentCode, Dictionary<string, object?>? body = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{siteCode}/information-requests", body ?? Application());
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    /// <summary>Runs work as a signed-in staff member (their grants, not system access).</summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
        var user = db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, Grants = u.Grants.ToList() }).Single();
        var access = sp.GetRequiredService<SiteAccess>();
        access.SetUser(user.Id, userName, false, user.Grants.Where(g => g.SiteId is not null).Select(g => (g.SiteId!.Value, g.Role)), [], []);
        return await work(sp);
    }
}
