using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// Work in progress on the county portal, so each demo account lands on a 工作台 with something
/// in it: the editor's draft and an item the reviewer sent back, an item in the reviewer's queue
/// and one waiting for the 保密审查员. Every step is taken through the library and the workflow
/// as the demo person who would take it, so the trail reads as real work did.
/// </summary>
public static class DemoWorkflow
{
    /// <summary>The county's 政策文件 column: one review level, then 保密审查 (a normative document leaves the county government only cleared).</summary>
    public const string ReviewedColumn = "政策文件";

    public const string DraftTitle = "清河县开展冬季校园及周边安全隐患大排查";
    public const string ReturnedTitle = "清河县人民政府办公室关于做好2027年度城乡居民基本医疗保险参保缴费工作的通知";
    public const string ReturnComment = "请补充个人缴费标准表和各乡镇咨询电话；文号待县政府办公室核定后再提交。";
    public const string SubmittedTitle = "清河县人民政府关于公布第三批县级非物质文化遗产代表性项目名录的通知";
    public const string SecrecyTitle = "清河县人民政府办公室关于印发清河县森林火灾应急预案的通知";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        int siteId, policyColumn, newsColumn;
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            siteId = await db.Sites.Where(s => s.Code == DemoRegion.CountyPortalCode).Select(s => s.Id).SingleAsync(ct);
            if (await db.LibraryItems.AnyAsync(i => i.OwnerSiteId == siteId && i.Title == DraftTitle, ct))
            {
                return;
            }
            var columns = await db.Columns.Where(c => c.SiteId == siteId && c.ParentId == null).ToListAsync(ct);
            var policy = columns.Single(c => c.Name == ReviewedColumn);
            policy.ReviewLevels = 1;
            policy.RequiresConfidentialityReview = true;
            await db.SaveChangesAsync(ct);
            policyColumn = policy.Id;
            newsColumn = columns.Where(c => c.Type == ColumnType.News).OrderBy(c => c.SortOrder).First().Id;
        }

        await AsAsync(services, "editor", (sp, _) => Create(sp, siteId, newsColumn, DraftTitle,
            "<p>为切实保障广大师生冬季在校安全，县教育局会同县公安局、县市场监管局、县消防救援大队，自12月起对全县中小学、幼儿园及校园周边开展为期一个月的安全隐患大排查。</p>" +
            "<p>排查重点包括校舍及取暖设施用电安全、食堂食品安全、校车运营和校园周边交通秩序。对排查发现的问题，建立台账、明确责任人和整改时限，实行销号管理。</p>",
            null, null, ct), ct);

        var returned = await AsAsync(services, "editor", (sp, _) => Create(sp, siteId, policyColumn, ReturnedTitle,
            "<p>各乡镇人民政府，县直有关单位：</p><p>为做好2027年度城乡居民基本医疗保险参保缴费工作，现将有关事项通知如下。</p>" +
            "<p>一、集中缴费期为2026年9月1日至12月31日。二、参保人员可通过“江川医保”小程序、银行网点或村（社区）代收点缴费。三、各乡镇要落实属地责任，确保应保尽保。</p>",
            "清河县人民政府办公室", null, ct), ct);
        await AsAsync(services, "editor", (sp, _) => Step(sp, w => w.SubmitAsync(returned, ct)), ct);
        await AsAsync(services, "reviewer", (sp, _) => Step(sp, w => w.RejectAsync(returned, ReturnComment, ct)), ct);

        var submitted = await AsAsync(services, "contributor", (sp, _) => Create(sp, siteId, policyColumn, SubmittedTitle,
            "<p>各乡镇人民政府，县直各单位：</p><p>经县非物质文化遗产保护工作专家委员会评审并公示，县人民政府同意将清河渔鼓、桃源黄桃传统栽培技艺等12个项目列入第三批县级非物质文化遗产代表性项目名录，现予公布。</p>" +
            "<p>各地各有关部门要坚持保护为主、抢救第一、合理利用、传承发展的方针，加强对名录项目的保护和管理。</p>",
            "清河县人民政府", "清政发〔2026〕14号", ct), ct);
        await AsAsync(services, "contributor", (sp, _) => Step(sp, w => w.SubmitAsync(submitted, ct)), ct);

        var secrecy = await AsAsync(services, "editor", (sp, _) => Create(sp, siteId, policyColumn, SecrecyTitle,
            "<p>各乡镇人民政府，县直有关单位：</p><p>《清河县森林火灾应急预案》已经县人民政府同意，现印发给你们，请认真组织实施。</p>" +
            "<p>预案明确了县森林防灭火指挥部的组成和职责、火情分级响应程序、扑救力量调集和后期处置要求，适用于本县行政区域内发生的森林火灾应对工作。</p>",
            "清河县人民政府办公室", "清政办发〔2026〕31号", ct), ct);
        await AsAsync(services, "editor", (sp, _) => Step(sp, w => w.SubmitAsync(secrecy, ct)), ct);
        await AsAsync(services, "reviewer", (sp, _) => Step(sp, w => w.ApproveAsync(secrecy, "内容准确，同意发布，请送保密审查。", ct)), ct);
    }

    private static async Task<int> Create(IServiceProvider sp, int siteId, int columnId, string title, string body, string? issuer, string? docNumber,
        CancellationToken ct)
    {
        var result = await sp.GetRequiredService<LibraryService>().CreateAsync(siteId, new ItemInput
        {
            ColumnId = columnId, Title = title, Body = body, Issuer = issuer, DocNumber = docNumber,
            // A document in the workflow was signed a few days ago (成文日期); its 索引号 comes at publication.
            WrittenDate = docNumber is null ? null
                : DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)).AddDays(-3),
            Source = "清河县人民政府", Disclosure = DisclosureMode.Proactive,
        }, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo item '{title}' was refused: " + string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
        }
        return result.Value!.Id;
    }

    private static async Task<int> Step(IServiceProvider sp, Func<Workflow, Task<StepResult>> step)
    {
        var result = await step(sp.GetRequiredService<Workflow>());
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"A demo workflow step on item {result.Item?.Id} was refused: "
                + string.Join("; ", result.Errors.All.SelectMany(e => e.Value).Concat(result.Findings.Select(f => f.Detail))));
        }
        return result.Item!.Id;
    }

    /// <summary>Runs work in a scope signed in as a demo account, as a request of theirs would be.</summary>
    private static async Task<T> AsAsync<T>(IServiceProvider services, string userName, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<GovSiteDb>().Users.AsNoTracking()
            .Where(u => u.UserName == userName).Select(u => new { u.Id, u.SecurityStamp }).SingleAsync(ct);
        if (!await sp.GetRequiredService<AccountService>().LoadAccessAsync(sp.GetRequiredService<SiteAccess>(), user.Id, user.SecurityStamp, ct))
        {
            throw new InvalidOperationException($"Demo account {userName} could not be signed in");
        }
        return await work(sp, ct);
    }
}
