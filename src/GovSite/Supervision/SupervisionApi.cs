using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>Supervision's route group under /api/v1: signed-in supervisors (and site staff where the service allows), Chinese summaries.</summary>
public static class SupervisionApi
{
    public sealed record IndicatorsBody(IndicatorTable Current, List<VersionBody> Versions);

    public sealed record VersionBody(int Id, int Version, string Name, DateTime? PublishedAt);

    public sealed record ScoreBody(int Assessment, string Period, int? Round, string Status, int TableVersion, string Verdict, double? Score,
        double BaseScore, double Bonus, bool WithoutServices, string? SignedBy, DateTime? SignedAt, List<ScoreLine> Lines);

    public sealed record SpotCheckCreated(int Id, List<string> Sampled, int Seed);

    public sealed record SampleBody(int Assessment, string Site, string Name, string Stratum, bool Favoured, string Status, string? Verdict, double? Score);

    public sealed record SpotCheckBody(int Id, string Region, string Quarter, double Ratio, int Seed, int SitesRunning, string Status,
        int IndicatorTableId, List<SampleBody> Sampled);

    public sealed record NoticeBody(int Id, int Round, string Title, string Body, RoundFigures? Figures, DateTime? PublishedAt, string? PublishedBy,
        string? PortalUrl, string Pdf);

    public sealed record OrderBody(int Id, string Site, string SiteName, string Findings, string IssuedAt, int WorkingDays, string DueDate,
        string State, bool Late, string? LastCheckVerdict, string? ClosedAt);

    public sealed record AccountabilityBody(string Region, int Year, int? Quarter, int People, int Records, Dictionary<string, int> ByForm,
        Dictionary<string, int> Report, List<QuarterBody> Quarters);

    public sealed record QuarterBody(string Quarter, int People, int Records, Dictionary<string, int> ByForm, Dictionary<string, int> Report);

    public sealed record MigrationBody(int Id, string Source, string Target, MigrationKind Kind, MigrationStatus Status, int Mappings,
        List<UrlMapping> Map);

    public sealed record ProofBody(int Migration, string Source, string Target, MigrationStatus Status, int Entries, int Matched,
        List<MigrationProofEntry> Proof);

    public sealed record ImportBody(int Recorded, List<ImportProblem> Problems);

    public static void Map(IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Supervision");
        open.MapGet("/indicators", IndicatorsAsync).AllowAnonymous()
            .WithSummary("检查指标体系（当前版本及历史版本）").WithDescription("单项否决、扣分（四组合计100分）和加分指标，每项写明评判方式和对应的检测代码。");

        var api = app.MapGroup("/api/v1").WithTags("Supervision").RequireAuthorization(AccountsSetup.Writer);
        api.MapGet("/sites/{code}/scores", ScoresAsync).WithSummary("网站考评得分表").WithDescription("按季度（period=2026Q3）列出考评表：每项指标的分值、来源和确认人。");
        api.MapPost("/spot-checks", OpenSpotCheckAsync).RequireAuthorization(AccountsSetup.Supervising).WithSummary("发起季度抽查")
            .WithDescription("按地区（含下级）或网站清单分层随机抽样，记录随机种子；对每个被抽中的网站排队运行检测程序。");
        api.MapGet("/spot-checks/{id:int}", SpotCheckAsync).WithSummary("抽查轮次及抽中网站")
            .WithDescription("返回抽查轮次、抽查比例和抽中的网站及各网站的考评进度。");
        api.MapPost("/spot-checks/{id:int}/close", CloseSpotCheckAsync).WithSummary("结束抽查并下发整改通知").WithDescription("全部考评表签字后结束本轮，对不合格网站下发整改通知。");
        api.MapPost("/spot-checks/{id:int}/notice", DraftNoticeAsync).WithSummary("起草通报").WithDescription("根据已结束的抽查生成通报草稿（抽查情况、不合格网站、好的做法、上次整改情况）。");
        api.MapGet("/spot-checks/{id:int}/notice", NoticeAsync).WithSummary("查看通报")
            .WithDescription("返回本轮抽查通报的当前内容（草稿或已发布）。");
        api.MapPut("/spot-checks/{id:int}/notice", SaveNoticeAsync).WithSummary("修改通报草稿")
            .WithDescription("修改尚未发布的通报草稿的文字。");
        api.MapPost("/spot-checks/{id:int}/notice/publish", PublishNoticeAsync).WithSummary("发布通报").WithDescription("在本地区门户网站发布通报，并由 Chromium 生成 PDF 存档。");
        api.MapMethods("/spot-checks/{id:int}/notice.pdf", ["GET", "POST"], NoticePdfAsync).WithSummary("通报 PDF")
            .WithDescription("一轮抽查的通报（PDF，由 Chromium 生成）：各网站得分、单项否决和问题清单；POST 重新生成。");
        api.MapGet("/assessments/{id:int}", AssessmentAsync).WithSummary("考评表")
            .WithDescription("返回一个网站在本轮抽查中的考评表：各项指标、检测结果、人工评判和得分。");
        api.MapPost("/assessments/{id:int}/reviews", ReviewAsync).WithSummary("确认或推翻检测结果（须填写意见）")
            .WithDescription("监管人员确认或推翻一项自动检测结果，comment 必填，记入考评表。");
        api.MapPost("/assessments/{id:int}/entries", AddEntryAsync).WithSummary("补充检查发现或人工评判指标")
            .WithDescription("补充检查中发现的问题或为需人工评判的指标打分。");
        api.MapPost("/assessments/{id:int}/sign", SignAsync).WithSummary("考评表签字确认")
            .WithDescription("监管人员签字确认考评表，签字后不能再修改。");
        api.MapGet("/rectifications", RectificationsAsync).WithSummary("整改通知列表").WithDescription("state：open（整改中）、submitted（待复查）、closed（已整改）、late（逾期）。");
        api.MapPost("/rectifications/{id:int}/responses", RespondAsync).WithSummary("提交整改情况").WithDescription("网站提交整改情况和佐证材料，检测程序随即复查；复查合格才办结。");
        api.MapPost("/accountability", RecordAccountabilityAsync).RequireAuthorization(AccountsSetup.Supervising).WithSummary("登记问责情况")
            .WithDescription("登记对问题网站的问责情况（约谈、通报、处分等）。");
        api.MapGet("/regions/{code}/accountability", AccountabilityAsync).WithSummary("问责统计")
            .WithDescription("按季度统计各问责方式人数：同一人同一季度只计一次，按最重的方式计（其他<约谈<书面检查<通报批评<警告或记过处分<调离岗位<免职<辞退）。");
        api.MapGet("/regions/{code}/desk", DeskAsync).WithSummary("监管工作台数据")
            .WithDescription("监管工作台：地区内各网站的检测结果、待整改事项、抽查进度和预警。");
        api.MapPost("/sites/{code}/migration", PrepareMigrationAsync).WithSummary("网站迁移或整合：网址对照表")
            .WithDescription("把内容放入承接网站，按栏目和文章生成旧地址到新地址的对照表；可提交人工修改的对照行（新地址留空表示返回410）。");
        api.MapPost("/sites/{code}/migration/complete", CompleteMigrationAsync).WithSummary("完成迁移并关停原网站").WithDescription("生成迁移证明，原网站关停，旧地址301跳转或410。");
        api.MapGet("/sites/{code}/migration/proof", ProofAsync).WithSummary("迁移证明（内容不少、数据不丢）").WithDescription("每条信息、页面和附件的原地址、新地址和内容哈希；format=csv 下载表格。")
            .Produces<ProofBody>(StatusCodes.Status200OK);
        api.MapPost("/sites/{code}/offline", OfflineAsync).WithSummary("网站临时下线")
            .WithDescription("网站临时下线，须说明原因和预计恢复时间；下线期间公众看到临时下线公告。");
        api.MapPost("/sites/{code}/online", OnlineAsync).WithSummary("网站上线或恢复上线")
            .WithDescription("网站上线或恢复上线。");
        api.MapPost("/sites/{code}/close", CloseSiteAsync).WithSummary("关停网站")
            .WithDescription("关停网站：须先完成内容迁移或归档，关停后原域名显示关停公告。");
        api.MapGet("/sites/{code}/look-alikes", LookAlikesAsync).WithSummary("仿冒域名清单")
            .WithDescription("与本网站域名相似、可能仿冒的域名清单及其探测结果。");
        api.MapPost("/sites/{code}/look-alikes/scan", ScanAsync).WithSummary("探测仿冒域名").WithDescription("仅在运维开启域名解析（GOVSITE_COUNTERFEIT_LOOKUP）后查询；能解析的仿冒域名自动立案待核实。");
        api.MapPost("/counterfeits", ReportCounterfeitAsync).RequireAuthorization(AccountsSetup.Supervising).WithSummary("登记假冒政府网站")
            .WithDescription("登记发现的假冒政府网站：网址、发现方式和仿冒对象。");
        api.MapGet("/counterfeits", CounterfeitsAsync).WithSummary("假冒政府网站案件")
            .WithDescription("假冒政府网站案件列表及处置进度。");
        api.MapPost("/counterfeits/{id:int}/steps", CounterfeitStepAsync).WithSummary("登记处置步骤（报告网信/公安、关停、公告）")
            .WithDescription("登记一个处置步骤：报告网信部门或公安机关、关停、发布公告。");
        api.MapPost("/new-media", AddNewMediaAsync).RequireAuthorization(AccountsSetup.Supervising).WithSummary("登记政务新媒体账号")
            .WithDescription("登记政务新媒体账号（平台、账号名称、主办单位）。");
        api.MapGet("/new-media", NewMediaListAsync).WithSummary("政务新媒体账号")
            .WithDescription("已登记的政务新媒体账号及其最近数据。");
        api.MapPost("/new-media/{id:int}/figures", NewMediaFiguresAsync).WithSummary("录入账号数据（发文量、关注量、最近发布）")
            .WithDescription("录入账号的发文量、关注量和最近发布时间，用于检查是否长期不更新。");
    }

    private static async Task<Ok<IndicatorsBody>> IndicatorsAsync(IndicatorTables tables, CancellationToken ct)
    {
        var current = await tables.CurrentAsync(ct);
        var versions = await tables.VersionsAsync(ct);
        return TypedResults.Ok(new IndicatorsBody(current, [.. versions.Select(v => new VersionBody(v.Id, v.Version, v.Name, v.PublishedAt))]));
    }

    private static ScoreBody ToScore(AssessmentView v) => new(v.Assessment.Id, v.Assessment.Period, v.Assessment.RoundId, v.Assessment.Status.ToString(),
        v.Sheet.TableVersion, v.Report is null ? "pending" : v.Sheet.Verdict, v.Report is null ? null : v.Sheet.Score, v.Sheet.BaseScore, v.Sheet.Bonus,
        v.Sheet.WithoutServices, v.Assessment.SignedBy, v.Assessment.SignedAt, v.Sheet.Lines);

    private static async Task<Results<Ok<List<ScoreBody>>, NotFound>> ScoresAsync(string code, string? period, Assessments sheets, CancellationToken ct)
    {
        var views = await sheets.ForSiteAsync(code, period, ct);
        return views is null ? TypedResults.NotFound() : TypedResults.Ok(views.Select(ToScore).ToList());
    }

    private static async Task<Results<Ok<ScoreBody>, NotFound>> AssessmentAsync(int id, Assessments sheets, CancellationToken ct) =>
        await sheets.LoadAsync(id, ct) is { } view ? TypedResults.Ok(ToScore(view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<SpotCheckCreated>, ValidationProblem, NotFound, ForbidHttpResult>> OpenSpotCheckAsync(
        SpotCheckInput input, SpotChecks spotChecks, GovSiteDb db, CancellationToken ct)
    {
        var (result, sample) = await spotChecks.OpenAsync(input, ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, r => new SpotCheckCreated(r.Id, [], r.Seed));
        }
        var names = await SiteNamesAsync(db, sample, ct);
        return TypedResults.Ok(new SpotCheckCreated(result.Value!.Id, [.. sample.Select(a => names[a.MonitoredSiteId].Code)], result.Value.Seed));
    }

    private static async Task<Dictionary<int, (string Code, string Name)>> SiteNamesAsync(GovSiteDb db, List<Assessment> sample, CancellationToken ct)
    {
        var ids = sample.Select(a => a.MonitoredSiteId).ToList();
        var rows = await (from m in db.MonitoredSites.IgnoreQueryFilters().AsNoTracking()
                          join s in db.Sites.AsNoTracking() on m.SiteId equals (int?)s.Id into hosted
                          from s in hosted.DefaultIfEmpty()
                          where ids.Contains(m.Id)
                          select new { m.Id, m.Url, m.Name, Code = s == null ? null : s.Code }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.Code ?? r.Url, r.Name));
    }

    private static async Task<Results<Ok<SpotCheckBody>, NotFound>> SpotCheckAsync(int id, GovSiteDb db, CancellationToken ct)
    {
        var round = await db.SpotCheckRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return TypedResults.NotFound();
        }
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == round.RegionId).Select(r => r.Code).FirstAsync(ct);
        var sample = await db.Assessments.AsNoTracking().Where(a => a.RoundId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var names = await SiteNamesAsync(db, sample, ct);
        return TypedResults.Ok(new SpotCheckBody(round.Id, region, round.Period, round.Ratio, round.Seed, round.SitesRunning, round.Status.ToString(),
            round.IndicatorTableId,
            [.. sample.Select(a => new SampleBody(a.Id, names[a.MonitoredSiteId].Code, names[a.MonitoredSiteId].Name, a.Stratum, a.Favoured,
                a.Status.ToString(), a.Verdict, a.Score))]));
    }

    public sealed record CloseBody(int? WorkingDays);

    private static async Task<Results<Ok<SpotCheckBody>, ValidationProblem, NotFound, ForbidHttpResult>> CloseSpotCheckAsync(int id, CloseBody? body,
        SpotChecks spotChecks, GovSiteDb db, CancellationToken ct)
    {
        var result = await spotChecks.CloseAsync(id, body?.WorkingDays, ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, _ => (SpotCheckBody)null!);
        }
        if ((await SpotCheckAsync(id, db, ct)).Result is Ok<SpotCheckBody> ok)
        {
            return ok;
        }
        return TypedResults.NotFound();
    }

    private static NoticeBody ToNotice(SupervisionNotice n, string? portalUrl) => new(n.Id, n.RoundId, n.Title, n.Body,
        System.Text.Json.JsonSerializer.Deserialize<RoundFigures>(n.Figures), n.PublishedAt, n.PublishedBy, portalUrl,
        $"/api/v1/spot-checks/{n.RoundId}/notice.pdf");

    private static async Task<Results<Ok<NoticeBody>, ValidationProblem, NotFound, ForbidHttpResult>> DraftNoticeAsync(int id, bool? redraft, Notices notices,
        Sites.SiteDirectory directory, CancellationToken ct) =>
        ApiResults.From(await notices.DraftAsync(id, redraft ?? false, ct), n => ToNotice(n, PortalUrl(n, directory)));

    private static async Task<Results<Ok<NoticeBody>, NotFound>> NoticeAsync(int id, GovSiteDb db, Sites.SiteDirectory directory, CancellationToken ct)
    {
        if (!await db.SpotCheckRounds.AnyAsync(r => r.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var n = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == id, ct);
        return n is null ? TypedResults.NotFound() : TypedResults.Ok(ToNotice(n, PortalUrl(n, directory)));
    }

    public sealed record NoticeEdit(string? Title, string? Body);

    private static async Task<Results<Ok<NoticeBody>, ValidationProblem, NotFound, ForbidHttpResult>> SaveNoticeAsync(int id, NoticeEdit edit, Notices notices,
        Sites.SiteDirectory directory, CancellationToken ct) =>
        ApiResults.From(await notices.SaveAsync(id, edit.Title, edit.Body, ct), n => ToNotice(n, PortalUrl(n, directory)));

    private static async Task<Results<Ok<NoticeBody>, ValidationProblem, NotFound, ForbidHttpResult>> PublishNoticeAsync(int id, Notices notices,
        Sites.SiteDirectory directory, CancellationToken ct) =>
        ApiResults.From(await notices.PublishAsync(id, ct), n => ToNotice(n, PortalUrl(n, directory)));

    private static string? PortalUrl(SupervisionNotice n, Sites.SiteDirectory directory) =>
        n.PortalSiteId is int p && directory.FindById(p) is { } portal ? $"{SiteLifecycle.PublicUrl(portal).TrimEnd('/')}/supervision/notices/{n.Id}" : null;

    /// <summary>The published PDF as kept; a draft's PDF is made on demand.</summary>
    private static async Task<IResult> NoticePdfAsync(int id, GovSiteDb db, PdfPrinter pdf, Notices notices, CancellationToken ct)
    {
        if (!await db.SpotCheckRounds.AnyAsync(r => r.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var n = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == id, ct);
        if (n is null)
        {
            return TypedResults.NotFound();
        }
        var round = await db.SpotCheckRounds.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var bytes = n.Pdf ?? await pdf.PrintAsync(Notices.Document(n, (await notices.PortalOfAsync(round.RegionId, ct))?.Name ?? ""), ct);
        return TypedResults.File(bytes, "application/pdf", $"通报-{round.Period}.pdf");
    }

    public sealed record ReviewBody(string? Key, bool Upheld, string? Comment);

    private static async Task<Results<Ok<ScoreBody>, ValidationProblem, NotFound, ForbidHttpResult>> ReviewAsync(int id, ReviewBody body, Assessments sheets,
        CancellationToken ct)
    {
        var result = await sheets.ReviewAsync(id, body.Key ?? "", body.Upheld, body.Comment, ct);
        return result.Succeeded ? TypedResults.Ok(ToScore((await sheets.LoadAsync(id, ct))!)) : ApiResults.From(result, _ => (ScoreBody)null!);
    }

    private static async Task<Results<Ok<ScoreBody>, ValidationProblem, NotFound, ForbidHttpResult>> AddEntryAsync(int id, EntryInput body, Assessments sheets,
        CancellationToken ct)
    {
        var result = await sheets.AddEntryAsync(id, body, ct);
        return result.Succeeded ? TypedResults.Ok(ToScore((await sheets.LoadAsync(id, ct))!)) : ApiResults.From(result, _ => (ScoreBody)null!);
    }

    private static async Task<Results<Ok<ScoreBody>, ValidationProblem, NotFound, ForbidHttpResult>> SignAsync(int id, Assessments sheets, CancellationToken ct)
    {
        var result = await sheets.SignAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(ToScore((await sheets.LoadAsync(id, ct))!)) : ApiResults.From(result, _ => (ScoreBody)null!);
    }

    public static OrderBody ToOrder(RectificationOrder o, string site, DateOnly today) => new(o.Id, site, o.SiteName, o.Findings,
        GovSite.Common.ChinaTime.Format(o.IssuedAt), o.WorkingDays, SpotChecks.Format(o.DueDate), o.State.ToString().ToLowerInvariant(),
        Rectifications.IsLate(o, today), o.LastCheckVerdict, o.ClosedAt is DateTime c ? GovSite.Common.ChinaTime.Format(c) : null);

    private static async Task<Results<Ok<List<OrderBody>>, NotFound>> RectificationsAsync(string? region, string? state, Rectifications rectifications,
        GovSiteDb db, CancellationToken ct)
    {
        var list = await rectifications.ListAsync(region, state, ct);
        if (list is null)
        {
            return TypedResults.NotFound();
        }
        var sites = await SiteCodesAsync(db, list.Select(o => o.MonitoredSiteId), ct);
        return TypedResults.Ok(list.Select(o => ToOrder(o, sites[o.MonitoredSiteId], rectifications.Today)).ToList());
    }

    private static async Task<Dictionary<int, string>> SiteCodesAsync(GovSiteDb db, IEnumerable<int> monitored, CancellationToken ct)
    {
        var ids = monitored.Distinct().ToList();
        return await (from m in db.MonitoredSites.IgnoreQueryFilters().AsNoTracking()
                      join s in db.Sites.AsNoTracking() on m.SiteId equals (int?)s.Id into hosted
                      from s in hosted.DefaultIfEmpty()
                      where ids.Contains(m.Id)
                      select new { m.Id, Code = s == null ? m.Url : s.Code }).ToDictionaryAsync(x => x.Id, x => x.Code, ct);
    }

    private static async Task<Results<Ok<OrderBody>, ValidationProblem, NotFound, ForbidHttpResult>> RespondAsync(int id, RectificationInput input,
        Rectifications rectifications, GovSiteDb db, CancellationToken ct)
    {
        var result = await rectifications.RespondAsync(id, input, ct);
        if (!result.Succeeded)
        {
            return ApiResults.From(result, _ => (OrderBody)null!);
        }
        var sites = await SiteCodesAsync(db, [result.Value!.MonitoredSiteId], ct);
        return TypedResults.Ok(ToOrder(result.Value, sites[result.Value.MonitoredSiteId], rectifications.Today));
    }

    private static async Task<Results<Ok<AccountabilityRecord>, ValidationProblem, NotFound, ForbidHttpResult>> RecordAccountabilityAsync(
        AccountabilityInput input, Accountability accountability, CancellationToken ct) =>
        ApiResults.From(await accountability.RecordAsync(input, ct), r => r);

    private static async Task<Results<Ok<AccountabilityBody>, NotFound, ValidationProblem>> AccountabilityAsync(string code, int? year, int? quarter,
        Accountability accountability, GovSiteDb db, SiteAccess access, TimeProvider clock, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || !(access.Unrestricted || access.RegionIds.Contains(region.Id)))
        {
            return TypedResults.NotFound();
        }
        if (quarter is not (null or >= 1 and <= 4) || year is not (null or >= 2000 and <= 2100))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["年份应为2000–2100，季度应为1–4"] }, title: "查询条件有误");
        }
        var y = year ?? DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)).Year;
        var counts = AccountabilityCounting.Count(await accountability.RecordsAsync(region.Id, y, quarter, ct));
        var byForm = Enum.GetValues<AccountabilityForm>().ToDictionary(AccountabilityCounting.Label, f => counts.Sum(c => c.ByForm[f]));
        var report = AccountabilityCounting.ReportColumns.ToDictionary(c => c, c => counts.Sum(q => q.Report[c]));
        return TypedResults.Ok(new AccountabilityBody(region.Code, y, quarter, counts.Sum(c => c.People), counts.Sum(c => c.Records), byForm, report,
            [.. counts.Select(c => new QuarterBody(Quarters.Name(c.Year, c.Quarter), c.People, c.Records,
                c.ByForm.ToDictionary(kv => AccountabilityCounting.Label(kv.Key), kv => kv.Value), c.Report))]));
    }

    private static async Task<Results<Ok<DeskFigures>, NotFound>> DeskAsync(string code, SupervisorDesk desk, CancellationToken ct) =>
        await desk.FiguresAsync(code, ct) is { } figures ? TypedResults.Ok(figures) : TypedResults.NotFound();

    private static async Task<MigrationBody> ToMigrationAsync(SiteMigration m, GovSiteDb db, CancellationToken ct)
    {
        var codes = await db.Sites.AsNoTracking().Where(s => s.Id == m.SourceSiteId || s.Id == m.TargetSiteId).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var map = await db.UrlMappings.AsNoTracking().Where(u => u.MigrationId == m.Id).OrderBy(u => u.OldPath).ToListAsync(ct);
        return new MigrationBody(m.Id, codes[m.SourceSiteId], codes[m.TargetSiteId], m.Kind, m.Status, map.Count, map);
    }

    private static async Task<Results<Ok<MigrationBody>, ValidationProblem, NotFound, ForbidHttpResult>> PrepareMigrationAsync(string code,
        MigrationInput input, SiteMoves moves, GovSiteDb db, CancellationToken ct)
    {
        var result = await moves.PrepareAsync(code, input, ct);
        return result.Succeeded ? TypedResults.Ok(await ToMigrationAsync(result.Value!, db, ct)) : ApiResults.From(result, _ => (MigrationBody)null!);
    }

    private static async Task<Results<Ok<MigrationBody>, ValidationProblem, NotFound, ForbidHttpResult>> CompleteMigrationAsync(string code,
        ClosureInput? input, SiteMoves moves, GovSiteDb db, CancellationToken ct)
    {
        var result = await moves.CompleteAsync(code, input ?? new ClosureInput(), ct);
        return result.Succeeded ? TypedResults.Ok(await ToMigrationAsync(result.Value!, db, ct)) : ApiResults.From(result, _ => (MigrationBody)null!);
    }

    private static async Task<IResult> ProofAsync(string code, string? format, SiteMoves moves, GovSiteDb db, CancellationToken ct)
    {
        if (await moves.ProofAsync(code, ct) is not var (migration, proof))
        {
            return TypedResults.NotFound();
        }
        if (format == "csv")
        {
            return TypedResults.File(SiteMoves.ProofCsv(proof), "text/csv; charset=utf-8", $"迁移证明-{code}.csv");
        }
        var codes = await db.Sites.AsNoTracking().Where(s => s.Id == migration.SourceSiteId || s.Id == migration.TargetSiteId)
            .ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return TypedResults.Ok(new ProofBody(migration.Id, codes[migration.SourceSiteId], codes[migration.TargetSiteId], migration.Status, proof.Count,
            proof.Count(p => p.Match), proof));
    }

    private static async Task<int?> SiteIdAsync(GovSiteDb db, string code, CancellationToken ct) =>
        await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);

    public sealed record LifecycleBody(string Code, Sites.SiteStatus Status);

    private static async Task<Results<Ok<LifecycleBody>, ValidationProblem, NotFound, ForbidHttpResult>> OfflineAsync(string code, OfflineInput input,
        SiteLifecycle lifecycle, GovSiteDb db, CancellationToken ct) =>
        await SiteIdAsync(db, code, ct) is int id
            ? ApiResults.From(await lifecycle.TakeOfflineAsync(id, input, ct), s => new LifecycleBody(s.Code, s.Status))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<LifecycleBody>, ValidationProblem, NotFound, ForbidHttpResult>> OnlineAsync(string code,
        SiteLifecycle lifecycle, GovSiteDb db, CancellationToken ct) =>
        await SiteIdAsync(db, code, ct) is int id
            ? ApiResults.From(await lifecycle.GoOnlineAsync(id, ct), s => new LifecycleBody(s.Code, s.Status))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<LifecycleBody>, ValidationProblem, NotFound, ForbidHttpResult>> CloseSiteAsync(string code, ClosureInput input,
        SiteLifecycle lifecycle, GovSiteDb db, CancellationToken ct) =>
        await SiteIdAsync(db, code, ct) is int id
            ? ApiResults.From(await lifecycle.CloseAsync(id, input, ct), s => new LifecycleBody(s.Code, s.Status))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<LookAlike>>, NotFound, ForbidHttpResult>> LookAlikesAsync(string code, Counterfeits counterfeits,
        Sites.SiteDirectory directory, GovSiteDb db, CancellationToken ct)
    {
        if (directory.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var region = await db.Sites.AsNoTracking().Where(s => s.Id == site.Id).Select(s => s.RegionId).FirstAsync(ct);
        return counterfeits.Supervises(region) ? TypedResults.Ok(counterfeits.LookAlikesOf(site)) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<LookAlikeScan>, ValidationProblem, NotFound, ForbidHttpResult>> ScanAsync(string code, Counterfeits counterfeits,
        Sites.SiteDirectory directory, CancellationToken ct) =>
        directory.FindByCode(code) is { } site ? ApiResults.From(await counterfeits.ScanAsync(site.Id, ct), s => s) : TypedResults.NotFound();

    private static async Task<Results<Ok<CounterfeitCase>, ValidationProblem, NotFound, ForbidHttpResult>> ReportCounterfeitAsync(CounterfeitInput input,
        Counterfeits counterfeits, CancellationToken ct) =>
        ApiResults.From(await counterfeits.ReportAsync(input, ct), c => c);

    private static async Task<Ok<List<CounterfeitCase>>> CounterfeitsAsync(string? region, GovSiteDb db, CancellationToken ct)
    {
        var query = db.CounterfeitCases.AsNoTracking();
        if (region is { Length: > 0 } && await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct) is { } r)
        {
            var scope = await RegionScope.WithDescendantsAsync(db, r.Id, ct);
            query = query.Where(c => scope.Contains(c.RegionId));
        }
        return TypedResults.Ok(await query.OrderByDescending(c => c.ReportedAt).Take(1000).ToListAsync(ct));
    }

    private static async Task<Results<Ok<CounterfeitCase>, ValidationProblem, NotFound, ForbidHttpResult>> CounterfeitStepAsync(int id,
        CounterfeitStepInput input, Counterfeits counterfeits, CancellationToken ct) =>
        ApiResults.From(await counterfeits.AddStepAsync(id, input, ct), c => c);

    private static async Task<Results<Ok<NewMediaAccount>, ValidationProblem, NotFound, ForbidHttpResult>> AddNewMediaAsync(NewMediaInput input,
        NewMedia newMedia, CancellationToken ct) =>
        ApiResults.From(await newMedia.SaveAsync(null, input, ct), a => a);

    public sealed record NewMediaRow(NewMediaAccount Account, bool Stale);

    private static async Task<Ok<List<NewMediaRow>>> NewMediaListAsync(string? region, GovSiteDb db, NewMedia newMedia, CancellationToken ct)
    {
        var query = db.NewMediaAccounts.AsNoTracking();
        if (region is { Length: > 0 } && await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct) is { } r)
        {
            var scope = await RegionScope.WithDescendantsAsync(db, r.Id, ct);
            query = query.Where(a => scope.Contains(a.RegionId));
        }
        var today = newMedia.Today;
        return TypedResults.Ok((await query.OrderBy(a => a.Id).Take(5000).ToListAsync(ct)).Select(a => new NewMediaRow(a, newMedia.IsStale(a, today))).ToList());
    }

    private static async Task<Results<Ok<NewMediaAccount>, ValidationProblem, NotFound, ForbidHttpResult>> NewMediaFiguresAsync(int id, FiguresInput input,
        NewMedia newMedia, CancellationToken ct) =>
        ApiResults.From(await newMedia.RecordFiguresAsync(id, input, ct), a => a);
}
