using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovSite.Accounts;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.ErrorReports;
using GovSite.Monitoring.Platform;
using GovSite.Publishing;
using GovSite.Sites;
using GovSite.Supervision;
using GovSite.Tests.Interaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.AnnualReports;

/// <summary>
/// The 政府网站监管年度报表 of region 350200 on a fixture year (2029) whose every figure is counted by
/// hand in the comments below; its child region 350203 counts where the rules say the region and
/// below, and region 350300 never counts.
/// </summary>
public sealed class SupervisionReportFactory : InteractionFactory
{
    public const int Year = 2029;
    public const string RegionCode = "350200";

    protected override bool FakeClock => true;

    private static DateTime China(int year, int month, int day) => ChinaTime.ToUtc(new DateTime(year, month, day, 10, 0, 0, DateTimeKind.Unspecified));

    public override async Task InitializeAsync()
    {
        Clock.SetChina(Year, 5, 10);
        await base.InitializeAsync();
        var opened = await CreateSiteAsync("3502000033", "测试互动市新开网站", SiteType.Department, "xk.hd.test.gov.cn");
        var closed = await CreateSiteAsync("3502000044", "测试互动市关停网站", SiteType.Department, "gt.hd.test.gov.cn");
        var merged = await CreateSiteAsync("3502000055", "测试互动市整合网站", SiteType.Department, "zh.hd.test.gov.cn");
        var elsewhere = await CreateSiteAsync("3503000011", "测试外市人民政府", SiteType.Portal, "www.ws.test.gov.cn");
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var region = await db.Regions.SingleAsync(r => r.Code == RegionCode);
            var other = await db.Regions.SingleAsync(r => r.Code == "350300");
            var child = new Region { Code = "350203", Name = "测试下辖区", Level = RegionLevel.County, ParentId = region.Id };
            db.Regions.Add(child);
            var supervisor = new User { UserName = "supervisor", DisplayName = "主管单位", CreatedAt = DateTime.UtcNow };
            supervisor.PasswordHash = AccountService.HashPassword(supervisor, Password);
            supervisor.Grants.Add(new RoleGrant { Role = Role.Supervisor, RegionId = region.Id });
            db.Users.Add(supervisor);
            await db.SaveChangesAsync();

            MonitoredSite Monitored(string name, int regionId) => new() { Url = $"https://{name}.test.gov.cn/", Name = name, RegionId = regionId, CreatedAt = DateTime.UtcNow };
            var m1 = Monitored("m1", region.Id);
            var m2 = Monitored("m2", child.Id);
            var m3 = Monitored("m3", other.Id);
            db.MonitoredSites.AddRange(m1, m2, m3);
            var table = await db.IndicatorTables.OrderBy(t => t.Id).FirstOrDefaultAsync();
            if (table is null)
            {
                table = new IndicatorTable { Version = 1, Name = "测试指标", CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow };
                db.IndicatorTables.Add(table);
            }
            await db.SaveChangesAsync();

            // 抽查, the office's own rounds. Q1: 10 running, 5 sampled (3 pass, 1 fail, 1 not yet judged) → 50%, 75%.
            // Q2: two rounds (10 running: 2 pass; a list of 4: 1 fail) → 10 running, 3 sampled = 30%, 2 of 3 = 66.67%.
            // Q3: none. Q4: 12 running, 4 pass → 33.33%, 100%. Year: 12 running (the last round), 12 sampled of
            // 10 + 10 + 12 = 32 → 37.5%, 9 passed, 2 failed → 81.82%. The round of 2028 and the child region's are not counted.
            async Task Round(int regionId, int year, int quarter, int running, params string?[] verdicts)
            {
                var round = new SpotCheckRound
                {
                    RegionId = regionId, Year = year, Quarter = quarter, Ratio = 0.3, SitesRunning = running, IndicatorTableId = table.Id,
                    Status = RoundStatus.Closed, CreatedAt = China(year, quarter * 3 - 2, 5), CreatedBy = "supervisor",
                };
                db.SpotCheckRounds.Add(round);
                await db.SaveChangesAsync();
                db.Assessments.AddRange(verdicts.Select(v => new Assessment
                {
                    MonitoredSiteId = m1.Id, RegionId = regionId, RoundId = round.Id, Period = round.Period, IndicatorTableId = table.Id,
                    Status = v is null ? AssessmentStatus.Waiting : AssessmentStatus.Confirmed, Verdict = v, CreatedAt = round.CreatedAt,
                }));
                await db.SaveChangesAsync();
            }
            await Round(region.Id, Year, 1, 10, "pass", "pass", "pass", "fail", null);
            await Round(region.Id, Year, 2, 10, "pass", "pass");
            await Round(region.Id, Year, 2, 4, "fail");
            await Round(region.Id, Year, 4, 12, "pass", "pass", "pass", "pass");
            await Round(region.Id, Year - 1, 4, 10, "pass", "pass", "pass", "pass", "pass");
            await Round(child.Id, Year, 1, 6, "fail", "fail");

            // 问责, the region and below, heaviest form per person per quarter. Q1: 张三 约谈 then 通报批评 → 通报批评;
            // 李四 书面检查. Q2: 张三 约谈 again (a new quarter); the unit B itself 其他; 王五 of the child region 免职 →
            // 调离岗位或免职. Q4: 赵六 调离岗位 and 辞退 → 辞退. One of 2028 and one of region 350300 are not counted.
            AccountabilityRecord Record(int regionId, string unit, string? person, DateOnly date, AccountabilityForm form) => new()
            {
                RegionId = regionId, UnitName = unit, PersonName = person, Date = date, Finding = "栏目不更新", Form = form, DecidedBy = "纪委",
                CreatedAt = DateTime.UtcNow, CreatedBy = "supervisor",
            };
            db.AccountabilityRecords.AddRange(
                Record(region.Id, "A局", "张三", new DateOnly(Year, 2, 1), AccountabilityForm.Talk),
                Record(region.Id, "A局", "张三", new DateOnly(Year, 3, 1), AccountabilityForm.Criticism),
                Record(region.Id, "A局", "李四", new DateOnly(Year, 3, 2), AccountabilityForm.WrittenReview),
                Record(region.Id, "A局", "张三", new DateOnly(Year, 4, 10), AccountabilityForm.Talk),
                Record(region.Id, "B局", null, new DateOnly(Year, 5, 1), AccountabilityForm.Other),
                Record(child.Id, "C局", "王五", new DateOnly(Year, 6, 1), AccountabilityForm.Removal),
                Record(region.Id, "D局", "赵六", new DateOnly(Year, 11, 1), AccountabilityForm.Transfer),
                Record(region.Id, "D局", "赵六", new DateOnly(Year, 11, 2), AccountabilityForm.Dismissal),
                Record(region.Id, "A局", "张三", new DateOnly(Year - 1, 12, 31), AccountabilityForm.Dismissal),
                Record(other.Id, "E局", "钱七", new DateOnly(Year, 2, 1), AccountabilityForm.Talk));

            // 安全检查: 2029 runs of m1 (2) and m2 (1) = 3 checks of 2 sites; m3 is elsewhere, m1's 2028 run is last year.
            // Tamper alerts of 2029: m1's (resolved) and m2's = 2 found, 1 fixed.
            CheckRun Run(MonitoredSite m, DateTime at) => new() { MonitoredSiteId = m.Id, StartedAt = at, FinishedAt = at, AsOf = DateOnly.FromDateTime(at), Verdict = "pass" };
            db.CheckRuns.AddRange(Run(m1, China(Year, 2, 1)), Run(m1, China(Year, 8, 1)), Run(m2, China(Year, 9, 1)), Run(m3, China(Year, 9, 1)), Run(m1, China(Year - 1, 9, 1)));
            TamperAlert Alert(MonitoredSite m, DateTime at, bool resolved) => new()
            {
                MonitoredSiteId = m.Id, Path = "/", DetectedAt = at, BaselineAt = at, OldHash = "a", NewHash = "b", ResolvedAt = resolved ? at.AddHours(1) : null,
            };
            db.TamperAlerts.AddRange(Alert(m1, China(Year, 4, 1), true), Alert(m2, China(Year, 10, 1), false), Alert(m3, China(Year, 10, 1), false));

            // 开设/整合/关停: one site went online from 已批准 (the department's return from 临时下线 is no opening), one closed,
            // one integrated into the portal and then closed (counted as integrated only). The other region's opening is not counted.
            SiteLifecycleEvent Step(int siteId, SiteStatus from, SiteStatus to, DateTime at) => new() { SiteId = siteId, From = from, To = to, At = at, By = "supervisor" };
            db.SiteLifecycleEvents.AddRange(
                Step(opened.Id, SiteStatus.Approved, SiteStatus.Online, China(Year, 3, 1)),
                Step(Department.Id, SiteStatus.Online, SiteStatus.Offline, China(Year, 4, 1)),
                Step(Department.Id, SiteStatus.Offline, SiteStatus.Online, China(Year, 4, 3)),
                Step(closed.Id, SiteStatus.Online, SiteStatus.Closed, China(Year, 7, 1)),
                Step(merged.Id, SiteStatus.Online, SiteStatus.Migrating, China(Year, 8, 1)),
                Step(merged.Id, SiteStatus.Migrating, SiteStatus.Closed, China(Year, 8, 20)),
                Step(elsewhere.Id, SiteStatus.Approved, SiteStatus.Online, China(Year, 3, 1)));
            db.SiteMigrations.Add(new SiteMigration
            {
                SourceSiteId = merged.Id, TargetSiteId = Portal.Id, Kind = MigrationKind.Integration, Status = MigrationStatus.Done,
                CreatedAt = China(Year, 8, 1), CreatedBy = "supervisor", CompletedAt = China(Year, 8, 20), CompletedBy = "supervisor",
            });

            // 找错 on the region's sites, received in 2029: 4. Forwarded 2, 1 in time → 50%. Closed 3, 2 by the due date → 66.67%.
            // One on the other region's portal is not counted.
            var n = 0;
            ErrorReport Report(int siteId, DateOnly received, DateOnly due, DateOnly? closedOn, bool? forwardedOnTime = null) => new()
            {
                SiteId = siteId, HandlingSiteId = siteId, Number = $"JC2029100000{++n:00}", PageUrl = "https://zjj.hd.test.gov.cn/", Kind = ErrorKind.Link,
                Description = "链接打不开", ReceivedAt = China(received.Year, received.Month, received.Day), ReceivedOn = received, DueDate = due, ClosedOn = closedOn,
                Status = closedOn is null ? ErrorReportStatus.Open : ErrorReportStatus.Answered, UpdatedAt = DateTime.UtcNow,
                ForwardedOn = forwardedOnTime is null ? null : received.AddDays(1), ForwardedOnTime = forwardedOnTime,
                ForwardedFromSiteId = forwardedOnTime is null ? null : Portal.Id,
            };
            db.ErrorReports.AddRange(
                Report(Department.Id, new DateOnly(Year, 3, 1), new DateOnly(Year, 3, 5), new DateOnly(Year, 3, 4), forwardedOnTime: true),
                Report(Department.Id, new DateOnly(Year, 4, 2), new DateOnly(Year, 4, 4), new DateOnly(Year, 4, 9), forwardedOnTime: false),
                Report(Portal.Id, new DateOnly(Year, 5, 7), new DateOnly(Year, 5, 9), new DateOnly(Year, 5, 9)),
                Report(Portal.Id, new DateOnly(Year, 12, 29), new DateOnly(Year + 1, 1, 3), null),
                Report(elsewhere.Id, new DateOnly(Year, 5, 7), new DateOnly(Year, 5, 9), new DateOnly(Year, 5, 9)));

            // 假冒网站 (Counterfeits.FiguresAsync): found in 2029: C1, C2 = 2; reported to 公安/网信 in 2029: C1, C2 = 2;
            // shut down in 2029: C1 and C3 (found in 2028) = 2; closed in 2029: C1, C3 = 2. C4 is another region's.
            CounterfeitCase Case(int regionId, string host, DateTime reported, DateTime? closedAt) => new()
            {
                RegionId = regionId, Host = host, Source = CounterfeitSource.Staff, Status = closedAt is null ? CounterfeitStatus.Reported : CounterfeitStatus.Closed,
                Description = "仿冒", ReportedAt = reported, ReportedBy = "supervisor", ClosedAt = closedAt,
            };
            var c1 = Case(region.Id, "c1.example.com", China(Year, 3, 1), China(Year, 3, 20));
            var c2 = Case(child.Id, "c2.example.com", China(Year, 6, 1), null);
            var c3 = Case(region.Id, "c3.example.com", China(Year - 1, 12, 1), China(Year, 1, 6));
            var c4 = Case(other.Id, "c4.example.com", China(Year, 6, 1), null);
            db.CounterfeitCases.AddRange(c1, c2, c3, c4);
            await db.SaveChangesAsync();
            CounterfeitStep S(CounterfeitCase c, CounterfeitStepKind kind, DateOnly date) => new() { CaseId = c.Id, Kind = kind, Date = date, By = "supervisor", RecordedAt = DateTime.UtcNow };
            db.CounterfeitSteps.AddRange(
                S(c1, CounterfeitStepKind.ReportPolice, new DateOnly(Year, 3, 2)), S(c1, CounterfeitStepKind.ShutDown, new DateOnly(Year, 3, 10)),
                S(c2, CounterfeitStepKind.ReportCyberspace, new DateOnly(Year, 6, 2)),
                S(c3, CounterfeitStepKind.ShutDown, new DateOnly(Year, 1, 5)),
                S(c4, CounterfeitStepKind.ShutDown, new DateOnly(Year, 6, 5)));
            await db.SaveChangesAsync();
            return 0;
        });
        Clock.SetChina(Year + 1, 1, 10);
        // The January sweep, twice (a second node, a second run): before any test submits the report.
        await AsSystemAsync(sp => sp.GetRequiredService<GovSite.Notifications.ReminderSweep>().RunOnceAsync(default));
        await AsSystemAsync(sp => sp.GetRequiredService<GovSite.Notifications.ReminderSweep>().RunOnceAsync(default));
    }
}

public class SupervisionReportTests(SupervisionReportFactory app) : IClassFixture<SupervisionReportFactory>
{
    private const int Year = SupervisionReportFactory.Year;
    private static readonly string Path = $"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year}";

    private Task<HttpClient> Supervisor() => app.ClientWithTokenAsync("supervisor", InteractionFactory.Password);

    public static readonly Dictionary<string, string> HandCounted = new()
    {
        ["header.region"] = "测试地区350200",
        ["header.regionCode"] = "350200",
        ["spot.q1.total"] = "10", ["spot.q1.ratio"] = "50", ["spot.q1.sampled"] = "5", ["spot.q1.passed"] = "3", ["spot.q1.passRate"] = "75", ["spot.q1.failed"] = "1",
        ["spot.q2.total"] = "10", ["spot.q2.ratio"] = "30", ["spot.q2.sampled"] = "3", ["spot.q2.passed"] = "2", ["spot.q2.passRate"] = "66.67", ["spot.q2.failed"] = "1",
        ["spot.q3.total"] = "0", ["spot.q3.ratio"] = "0", ["spot.q3.sampled"] = "0", ["spot.q3.passed"] = "0", ["spot.q3.passRate"] = "0", ["spot.q3.failed"] = "0",
        ["spot.q4.total"] = "12", ["spot.q4.ratio"] = "33.33", ["spot.q4.sampled"] = "4", ["spot.q4.passed"] = "4", ["spot.q4.passRate"] = "100", ["spot.q4.failed"] = "0",
        ["spot.year.total"] = "12", ["spot.year.ratio"] = "37.5", ["spot.year.sampled"] = "12", ["spot.year.passed"] = "9", ["spot.year.passRate"] = "81.82", ["spot.year.failed"] = "2",
        ["account.q1.talk"] = "0", ["account.q1.written"] = "1", ["account.q1.criticism"] = "1", ["account.q1.warning"] = "0",
        ["account.q1.transfer"] = "0", ["account.q1.dismissal"] = "0", ["account.q1.other"] = "0",
        ["account.q2.talk"] = "1", ["account.q2.written"] = "0", ["account.q2.criticism"] = "0", ["account.q2.warning"] = "0",
        ["account.q2.transfer"] = "1", ["account.q2.dismissal"] = "0", ["account.q2.other"] = "1",
        ["account.q3.talk"] = "0", ["account.q3.transfer"] = "0", ["account.q3.other"] = "0",
        ["account.q4.talk"] = "0", ["account.q4.transfer"] = "0", ["account.q4.dismissal"] = "1",
        ["account.year.talk"] = "1", ["account.year.written"] = "1", ["account.year.criticism"] = "1", ["account.year.warning"] = "0",
        ["account.year.transfer"] = "1", ["account.year.dismissal"] = "1", ["account.year.other"] = "1",
        ["security.checks"] = "3", ["security.sites"] = "2", ["security.problems"] = "2", ["security.fixed"] = "1",
        ["sites.opened"] = "1", ["sites.integrated"] = "1", ["sites.closed"] = "1",
        ["errors.received"] = "4", ["errors.forwardedOnTime"] = "50", ["errors.closedOnTime"] = "66.67",
        ["counterfeit.found"] = "2", ["counterfeit.reported"] = "2", ["counterfeit.shutDown"] = "2", ["counterfeit.closed"] = "2",
    };

    [Fact]
    public async Task Every_computed_figure_matches_the_hand_count_of_the_fixture_year()
    {
        using var supervisor = await Supervisor();
        var report = await supervisor.GetFromJsonAsync<JsonElement>(Path);
        var figures = report.GetProperty("figures");
        foreach (var (key, value) in HandCounted)
        {
            figures.GetProperty(key).GetString().ShouldBe(value, key);
        }
        var lines = report.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray())
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("source").GetString());
        lines["spot.q1.total"].ShouldBe("computed");
        lines["training.sessions"].ShouldBe("entered");
        lines["training.people"].ShouldBe("entered");
        lines.Values.ShouldNotContain("manual");
        report.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString())
            .ShouldBe(["基本情况", "抽查情况", "问责情况", "安全检查", "网站开设整合", "网民纠错（我为政府网站找错）", "假冒政府网站", "培训情况", "填报信息"]);
    }

    [Fact]
    public async Task In_january_the_offices_supervisors_are_reminded_once()
    {
        var notices = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var userId = await db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync();
            return await db.Notices.Where(n => n.UserId == userId && n.Key.StartsWith("supervision-report")).ToListAsync();
        });
        var regionId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Regions.Where(r => r.Code == SupervisionReportFactory.RegionCode).Select(r => r.Id).SingleAsync());
        notices.Count.ShouldBe(1);
        notices[0].Key.ShouldBe($"supervision-report:{Year}:{regionId}");
        notices[0].Title.ShouldBe($"请填报{Year}年政府网站监管年度报表");
        notices[0].Link.ShouldBe($"/admin/supervision-reports/{SupervisionReportFactory.RegionCode}/{Year}");
    }

    [Fact]
    public async Task Only_the_office_and_those_above_it_see_a_draft_and_a_year_to_come_has_none()
    {
        // Last year's report is never published in these tests, whatever order they run in.
        var draft = $"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year - 1}";
        (await app.CreateClient().GetAsync(draft)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var staff = await app.ClientWithTokenAsync("dept-editor", InteractionFactory.Password);
        (await staff.GetAsync(draft)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var supervisor = await Supervisor();
        (await supervisor.GetAsync($"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year + 2}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/api/v1/regions/999999/supervision-report/{Year}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another region's report is not this office's.
        (await supervisor.GetAsync($"/api/v1/regions/350300/supervision-report/{Year}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Training_is_entered_and_checked_in_chinese_and_computed_figures_cannot_be_typed_over()
    {
        using var supervisor = await Supervisor();
        var path = $"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year - 1}";
        var bad = await supervisor.PutAsJsonAsync(path, new { values = new Dictionary<string, string> { ["training.people"] = "很多", ["spot.q1.sampled"] = "99" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("training.people")[0].GetString()!.ShouldContain("不小于 0 的数字");
        errors.GetProperty("spot.q1.sampled")[0].GetString()!.ShouldContain("由平台统计");
        var typed = "<b>市政府办公室</b> & “电子政务科”";
        var good = await supervisor.PutAsJsonAsync(path, new { values = new Dictionary<string, string> { ["training.people"] = "120", ["header.office"] = typed } });
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var figures = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("figures");
        figures.GetProperty("training.people").GetString().ShouldBe("120");
        figures.GetProperty("header.office").GetString().ShouldBe(typed);
    }

    [Fact]
    public async Task The_office_submits_the_office_above_approves_and_it_is_published_on_the_regions_portal()
    {
        using var supervisor = await Supervisor();
        using var admin = await app.AdminClientAsync();
        var early = await supervisor.PostAsync(Path + "/submit", null);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("报送前请填写“填报单位（政府网站主管单位）”");
        (await supervisor.PutAsJsonAsync(Path, new { values = new Dictionary<string, string>
        {
            ["header.office"] = "测试互动市人民政府办公室", ["training.sessions"] = "3", ["training.people"] = "150",
            ["signoff.head"] = "王主任", ["signoff.reviewer"] = "李科长", ["signoff.filler"] = "张三", ["signoff.phone"] = "0592-1234567", ["signoff.date"] = "2030-01-12",
        } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await supervisor.PostAsync(Path + "/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        // Frozen at submission: a late record does not change what the office above reviews.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var region = await db.Regions.SingleAsync(r => r.Code == SupervisionReportFactory.RegionCode);
            db.AccountabilityRecords.Add(new AccountabilityRecord
            {
                RegionId = region.Id, UnitName = "F局", PersonName = "孙八", Date = new DateOnly(Year, 12, 1), Finding = "迟报", Form = AccountabilityForm.Warning,
                DecidedBy = "纪委", CreatedAt = DateTime.UtcNow, CreatedBy = "supervisor",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        (await supervisor.GetFromJsonAsync<JsonElement>(Path)).GetProperty("figures").GetProperty("account.year.warning").GetString().ShouldBe("0");

        // A top region's office has no office above it on the platform: a platform administrator approves, not the office itself.
        (await supervisor.PostAsync(Path + "/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await admin.PostAsJsonAsync(Path + "/return", new { reason = " " });
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写退回原因");
        var approved = await admin.PostAsync(Path + "/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var published = await approved.Content.ReadFromJsonAsync<JsonElement>();
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.GetProperty("publicUrl").GetString().ShouldBe($"https://www.hd.test.gov.cn/supervision-reports/{Year}");

        // Published: anyone reads it through the API and on the portal, which lists it beside its sites' reports.
        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>(Path);
        anonymous.GetProperty("figures").GetProperty("spot.year.passRate").GetString().ShouldBe("81.82");
        anonymous.GetProperty("figures").GetProperty("training.people").GetString().ShouldBe("150");
        using var client = app.CreateClient();
        var page = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/supervision-reports/{Year}");
        page.ShouldContain("政府网站监管年度报表");
        page.ShouldContain("王主任");
        var list = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/annual-reports");
        list.ShouldContain($"https://www.hd.test.gov.cn/supervision-reports/{Year}");
        (await admin.PostAsync(Path + "/approve", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_xlsx_holds_every_figure_in_its_cell()
    {
        using var supervisor = await Supervisor();
        var response = await supervisor.GetAsync($"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year}.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(AnnualReportsApi.XlsxType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        Text(rows[0].Elements<Cell>().First()).ShouldBe($"{Year}年政府网站监管年度报表");
        var template = app.Services.GetRequiredService<SupervisionReportTemplate>().Template;
        var byLabel = rows.Skip(3).ToDictionary(r => Text(r.Elements<Cell>().ElementAt(1)), r => r.Elements<Cell>().ToList());
        byLabel.Count.ShouldBe(template.Fields.Count());
        foreach (var (key, value) in HandCounted)
        {
            var field = template.Field(key)!;
            var cells = byLabel[field.Label];
            Text(cells[2]).ShouldBe(value, key);
            if (field.Type == FieldType.Number)
            {
                cells[2].DataType!.Value.ShouldBe(CellValues.Number, key);
            }
            Text(cells[3]).ShouldBe("平台统计", key);
        }
        Text(byLabel[template.Field("training.people")!.Label][3]).ShouldBe("填报");
    }

    [Fact]
    public async Task The_pdf_is_printed_by_chromium_with_the_reports_text()
    {
        using var supervisor = await Supervisor();
        var response = await supervisor.GetAsync($"/api/v1/regions/{SupervisionReportFactory.RegionCode}/supervision-report/{Year}.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"supervision-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
            start.ArgumentList.Add("-layout");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            text.ShouldContain($"{Year}年政府网站监管年度报表");
            text.ShouldContain("测试地区350200");
            text.ShouldContain("第一季度：抽查比例");
            text.ShouldContain("假冒政府网站");
            text.ShouldContain("培训人数");
            // pdftotext ends every page with a form feed: the table's 98 lines take several A4 pages.
            text.Count(c => c == '\f').ShouldBeInRange(3, 6);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
