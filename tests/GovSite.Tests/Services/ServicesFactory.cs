using GovSite.Accounts;
using GovSite.Data;
using GovSite.Services;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>
/// A portal with a department under it (the portal shows the department's items) and an unrelated
/// department, each with its own staff, on a platform without the demo region.
/// </summary>
public class ServicesFactory : EmptyPlatformFactory
{
    public const string PortalCode = "3503000001";
    public const string DepartmentCode = "3503000002";
    public const string OtherCode = "3503000003";
    public const string Password = "Staff12345x";
    public const string DepartmentHost = "mz.svc.test.gov.cn";

    public Site Portal { get; private set; } = null!;
    public Site Department { get; private set; } = null!;
    public Site Other { get; private set; } = null!;

    /// <summary>Hosts the hall-link check may contact (a loopback double in the tests that need one).</summary>
    public virtual string? HallHosts => null;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal = await CreateSiteAsync(PortalCode, "测试服务市人民政府", SiteType.Portal, "www.svc.test.gov.cn");
        Department = await CreateSiteAsync(DepartmentCode, "测试服务市民政局", SiteType.Department, DepartmentHost);
        Other = await CreateSiteAsync(OtherCode, "测试服务市教育局", SiteType.Department, "jy.svc.test.gov.cn");
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            await db.Sites.Where(s => s.Id == Department.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ParentId, Portal.Id));
            sp.GetRequiredService<SiteDirectory>().Invalidate();
            return 0;
        });
        await CreateUserAsync("svc-editor", Password, (Role.Editor, Department.Id));
        await CreateUserAsync("svc-reviewer", Password, (Role.Reviewer, Department.Id));
        await CreateUserAsync("svc-admin", Password, (Role.SiteAdmin, Department.Id));
        await CreateUserAsync("other-editor", Password, (Role.Editor, Other.Id));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The shared job queue is run by hand (JobWorker.RunDueAsync) where a test needs it.
        builder.UseSetting("GOVSITE_NO_WORKERS", "true");
        if (HallHosts is { } hosts)
        {
            builder.UseSetting("GOVSITE_SERVICE_HALL_HOSTS", hosts);
        }
    }

    /// <summary>Runs work in a fresh scope as a signed-in user, with that user's rights.</summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<GovSiteDb>().Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.SecurityStamp }).SingleAsync();
        (await sp.GetRequiredService<AccountService>().LoadAccessAsync(sp.GetRequiredService<SiteAccess>(), user.Id, user.SecurityStamp)).ShouldBeTrue();
        return await work(sp);
    }

    /// <summary>A guide with all ten elements, each stated plainly.</summary>
    public static ServiceGuideContent CompleteGuide(string code, string name = "最低生活保障金申领") => new()
    {
        Code = code,
        Name = name,
        Type = ServiceItemType.Payment,
        ForPersons = true,
        Themes = ["社会保障"],
        LifeEvents = ["就医"],
        Department = "测试服务市民政局",
        LegalBasis = "《社会救助暂行办法》第九条至第十一条",
        Conditions = "共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地家庭财产状况规定。",
        Location = "测试服务市政务服务中心民政窗口（人民路1号）",
        Fee = "不收费",
        OfficeHours = "法定工作日上午9:00—12:00，下午13:30—17:30",
        LegalDays = 30,
        PromisedDays = 20,
        Phone = "0591-12345678",
        HallUrl = "https://hall.example.test/item/" + code,
        OnlineDepth = OnlineDepth.OnlineAcceptance,
        Keywords = "低保 吃低保",
        Materials =
        [
            new MaterialInput { Name = "居民身份证", Form = MaterialForm.OriginalAndCopy, Originals = 1, Copies = 1 },
            new MaterialInput { Name = "户口簿", Form = MaterialForm.Original, Originals = 1 },
        ],
        Steps = [new StepInput { Name = "受理" }, new StepInput { Name = "审核", TimeLimit = "15个工作日" }, new StepInput { Name = "审批" }],
        Questions = [new QuestionInput { Question = "多久能批下来？", Answer = "材料齐全的，20个工作日内办结。" }],
    };

    /// <summary>Writes, submits and approves a guide on the department's site: what the public then sees.</summary>
    public async Task<ServiceItem> PublishedAsync(ServiceGuideContent content)
    {
        var item = await AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            var created = await editor.CreateAsync(Department.Id, content);
            created.Succeeded.ShouldBeTrue(string.Join("；", created.Errors.All.SelectMany(e => e.Value)));
            (await editor.ActAsync(created.Value!.Id, ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
            return created.Value!;
        });
        return await AsUserAsync("svc-reviewer", async sp =>
        {
            var approved = await sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Approve, null);
            approved.Succeeded.ShouldBeTrue(string.Join("；", approved.Errors.All.SelectMany(e => e.Value)));
            return approved.Value!;
        });
    }
}
