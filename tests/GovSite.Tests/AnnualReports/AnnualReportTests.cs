using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovSite.Accounts;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Monitoring.Platform;
using GovSite.PublicSite.Topics;
using GovSite.Publishing;
using GovSite.Tests.Interaction;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.AnnualReports;

/// <summary>
/// The 政府网站工作年度报表 on a fixture year (2029) whose every figure is counted by hand below;
/// the clock is moved into the year to make the data and into January 2030 to report.
/// </summary>
public sealed class AnnualReportFactory : InteractionFactory
{
    public const int Year = 2029;

    protected override bool FakeClock => true;

    public override async Task InitializeAsync()
    {
        Clock.SetChina(Year, 5, 10);
        await base.InitializeAsync();
        await CreateUserAsync("dept-admin", Password, (Role.SiteAdmin, Department.Id));
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var regionId = await db.Sites.Where(s => s.Id == Department.Id).Select(s => s.RegionId).SingleAsync();
            var supervisor = new User { UserName = "supervisor", DisplayName = "主管单位", CreatedAt = DateTime.UtcNow };
            supervisor.PasswordHash = AccountService.HashPassword(supervisor, Password);
            supervisor.Grants.Add(new RoleGrant { Role = Role.Supervisor, RegionId = regionId });
            db.Users.Add(supervisor);
            await db.SaveChangesAsync();
            return 0;
        });
        await SeedYearAsync();
    }

    private static DateTime China(int year, int month, int day) => ChinaTime.ToUtc(new DateTime(year, month, day, 10, 0, 0, DateTimeKind.Unspecified));

    private async Task SeedYearAsync()
    {
        // Messages: three received on Thursday 10 May; one answered and published on Monday 14 May.
        var first = await SubmitAsync(Department.Id, "公租房申请", "请问公租房申请需要哪些材料？", phone: "13900002001");
        await SubmitAsync(Department.Id, "物业维修基金", "维修基金如何提取？", phone: "13900002002");
        await SubmitAsync(Department.Id, "加装电梯", "老旧小区加装电梯有补贴吗？", phone: "13900002003");
        var id = (await MessageAsync(first.Ticket)).Id;
        Clock.SetChina(Year, 5, 14);
        await AsUserAsync("dept-editor", async sp =>
        {
            var messages = sp.GetRequiredService<MessageService>();
            (await messages.TriageAsync(id, TriageVerdict.Valid, null, null, default)).Succeeded.ShouldBeTrue();
            (await messages.ReplyAsync(id, "您好，需要身份证、户口簿和收入证明。", default)).Succeeded.ShouldBeTrue();
            (await messages.PublishAsync(id, null, default)).Succeeded.ShouldBeTrue();
            return 0;
        });

        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var columns = await db.Columns.Where(c => c.SiteId == Department.Id).ToListAsync();
            int Of(ColumnType type) => columns.First(c => c.Type == type).Id;
            Article Placed(ColumnType type, DateTime at, ArticleStatus status = ArticleStatus.Published, DisclosureMode? disclosure = null) => new()
            {
                SiteId = Department.Id, ColumnId = Of(type), Title = $"{type} {at:yyyy-MM-dd}", Body = "<p>正文</p>",
                Status = status, PublishedAt = status == ArticleStatus.Published ? at : null, CreatedAt = at, UpdatedAt = at,
                Disclosure = disclosure,
            };
            // In 2029: two news, one overview, one interpretation = 4. Outside or unpublished: not counted.
            // 主动公开 in the catalogue and published in 2029: the overview and the 31 December news = 2
            // (the 依申请公开 one, the one of 2028 and the draft are not).
            db.Articles.AddRange(
                Placed(ColumnType.News, China(Year, 1, 1), disclosure: DisclosureMode.OnRequest),
                Placed(ColumnType.News, China(Year, 12, 31), disclosure: DisclosureMode.Proactive),
                Placed(ColumnType.Overview, China(Year, 6, 1), disclosure: DisclosureMode.Proactive),
                Placed(ColumnType.Interpretation, China(Year, 7, 1)),
                Placed(ColumnType.News, China(Year - 1, 12, 31), disclosure: DisclosureMode.Proactive),
                Placed(ColumnType.News, China(Year + 1, 1, 1)),
                Placed(ColumnType.News, China(Year, 8, 1), ArticleStatus.Draft, DisclosureMode.Proactive));

            // Topics: open since 2028 (maintained), opened in 2029 (new and maintained), closed in 2028 (neither).
            db.SpecialTopics.AddRange(
                new SpecialTopic { SiteId = Department.Id, Name = "长期专题", ColumnId = Of(ColumnType.News), OpenedAt = China(Year - 1, 3, 1) },
                new SpecialTopic { SiteId = Department.Id, Name = "新专题", ColumnId = Of(ColumnType.Notice), OpenedAt = China(Year, 3, 1) },
                new SpecialTopic { SiteId = Department.Id, Name = "旧专题", ColumnId = Of(ColumnType.Overview), OpenedAt = China(Year - 1, 1, 1), ClosedAt = China(Year - 1, 6, 1) });

            // Visits: 150 views and 50 visitors in 2029; 1 January 2030 is next year's.
            db.SiteVisitDays.AddRange(
                new SiteVisitDay { SiteId = Department.Id, Day = new DateOnly(Year, 3, 1), Views = 100, Visitors = 40 },
                new SiteVisitDay { SiteId = Department.Id, Day = new DateOnly(Year, 12, 31), Views = 50, Visitors = 10 },
                new SiteVisitDay { SiteId = Department.Id, Day = new DateOnly(Year + 1, 1, 1), Views = 999, Visitors = 999 },
                new SiteVisitDay { SiteId = Department.Id, Day = new DateOnly(Year - 1, 6, 1), Views = 70, Visitors = 30 });

            // Security: two checks and two tamper alerts (one fixed) in 2029; one check in 2028.
            var monitored = await db.MonitoredSites.FirstOrDefaultAsync(m => m.SiteId == Department.Id);
            if (monitored is null)
            {
                monitored = new MonitoredSite { Url = "https://zjj.hd.test.gov.cn/", Name = Department.Name, RegionId = await db.Sites.Where(s => s.Id == Department.Id).Select(s => s.RegionId).SingleAsync(), SiteId = Department.Id, CreatedAt = DateTime.UtcNow };
                db.MonitoredSites.Add(monitored);
                await db.SaveChangesAsync();
            }
            CheckRun Run(DateTime at) => new() { MonitoredSiteId = monitored.Id, StartedAt = at, FinishedAt = at, AsOf = DateOnly.FromDateTime(at), Verdict = "pass" };
            db.CheckRuns.AddRange(Run(China(Year, 2, 1)), Run(China(Year, 9, 1)), Run(China(Year - 1, 9, 1)));
            TamperAlert Alert(DateTime at, bool fixedAlready) => new()
            {
                MonitoredSiteId = monitored.Id, Path = "/", DetectedAt = at, BaselineAt = at, OldHash = "a", NewHash = "b",
                ResolvedAt = fixedAlready ? at.AddHours(1) : null,
            };
            db.TamperAlerts.AddRange(Alert(China(Year, 4, 1), true), Alert(China(Year, 10, 1), false));
            await db.SaveChangesAsync();
            await SeedServicesAsync(db);
            SeedErrorReports(db);
            await SeedNewMediaAsync(db);
            await db.SaveChangesAsync();
            return 0;
        });
        // Reporting time: January of the next year. A message received now belongs to 2030.
        Clock.SetChina(Year + 1, 1, 10);
        await SubmitAsync(Department.Id, "明年的留言", "不计入2029年", phone: "13900002009");
    }

    /// <summary>
    /// In service at the end of 2029: A (全程网办, published in 2029), B (published in 2028) and D
    /// (全程网办, withdrawn only in 2030) = 3, of which 2 fully online. C was withdrawn in 2029, E is a
    /// draft, F was published in 2030. Ratings given in 2029 on the site: 4, of which 2 差评 (不满意
    /// and 非常不满意), 1 of them followed up; one of 2028 and one of 2030 are not counted. Citizens
    /// (portal only): one registered in 2029, one in 2030 = 1.
    /// </summary>
    private async Task SeedServicesAsync(GovSiteDb db)
    {
        GovSite.Services.ServiceItem Item(string code, GovSite.Services.ServiceItemStatus status, DateTime? published, DateTime? withdrawn,
            GovSite.Services.OnlineDepth depth) => new()
        {
            SiteId = Department.Id, Code = code, Name = $"事项{code}", Department = "住建局", Status = status, PublishedAt = published,
            WithdrawnAt = withdrawn, OnlineDepth = depth, CreatedAt = China(Year - 1, 1, 1), UpdatedAt = China(Year - 1, 1, 1),
        };
        var a = Item("A", GovSite.Services.ServiceItemStatus.Published, China(Year, 2, 1), null, GovSite.Services.OnlineDepth.FullyOnline);
        db.ServiceItems.AddRange(a,
            Item("B", GovSite.Services.ServiceItemStatus.Published, China(Year - 1, 5, 1), null, GovSite.Services.OnlineDepth.OnlineAcceptance),
            Item("C", GovSite.Services.ServiceItemStatus.Withdrawn, China(Year - 1, 5, 1), China(Year, 6, 1), GovSite.Services.OnlineDepth.FullyOnline),
            Item("D", GovSite.Services.ServiceItemStatus.Withdrawn, China(Year, 3, 1), China(Year + 1, 1, 5), GovSite.Services.OnlineDepth.FullyOnline),
            Item("E", GovSite.Services.ServiceItemStatus.Draft, null, null, GovSite.Services.OnlineDepth.FullyOnline),
            Item("F", GovSite.Services.ServiceItemStatus.Published, China(Year + 1, 1, 5), null, GovSite.Services.OnlineDepth.FullyOnline));
        await db.SaveChangesAsync();
        GovSite.Services.ServiceRating Rating(GovSite.Services.RatingLevel level, DateTime at, bool followedUp = false) => new()
        {
            ItemId = a.Id, SiteId = Department.Id, Level = level, CreatedAt = at, ClientHash = "h",
            FollowUp = followedUp ? "已回访" : null, FollowedUpAt = followedUp ? at.AddDays(1) : null,
        };
        db.ServiceRatings.AddRange(
            Rating(GovSite.Services.RatingLevel.VerySatisfied, China(Year, 3, 1)),
            Rating(GovSite.Services.RatingLevel.Basic, China(Year, 4, 1)),
            Rating(GovSite.Services.RatingLevel.Dissatisfied, China(Year, 5, 1), followedUp: true),
            Rating(GovSite.Services.RatingLevel.VeryDissatisfied, China(Year, 6, 1)),
            Rating(GovSite.Services.RatingLevel.Dissatisfied, China(Year - 1, 6, 1)),
            Rating(GovSite.Services.RatingLevel.VeryDissatisfied, China(Year + 1, 1, 2)));
        db.Citizens.AddRange(
            new GovSite.Citizens.Citizen { Mobile = "13900003001", Name = "市民甲", CreatedAt = China(Year, 3, 1) },
            new GovSite.Citizens.Citizen { Mobile = "13900003002", Name = "市民乙", CreatedAt = China(Year + 1, 1, 2) });
    }

    /// <summary>Received in 2029: 4 (two closed by their due date, one after it, one open) → 3 closed, 66.67% on time; one of 2028 not counted.</summary>
    private void SeedErrorReports(GovSiteDb db)
    {
        var n = 0;
        GovSite.ErrorReports.ErrorReport Report(DateOnly received, DateOnly due, DateOnly? closed) => new()
        {
            SiteId = Department.Id, HandlingSiteId = Department.Id, Number = $"JC2029000000{++n:00}", PageUrl = "https://zjj.hd.test.gov.cn/",
            Kind = GovSite.ErrorReports.ErrorKind.Content, Description = "错别字", ReceivedAt = China(received.Year, received.Month, received.Day),
            ReceivedOn = received, DueDate = due, ClosedOn = closed,
            Status = closed is null ? GovSite.ErrorReports.ErrorReportStatus.Open : GovSite.ErrorReports.ErrorReportStatus.Answered,
            UpdatedAt = China(Year, 1, 1),
        };
        db.ErrorReports.AddRange(
            Report(new DateOnly(Year, 3, 1), new DateOnly(Year, 3, 5), new DateOnly(Year, 3, 5)),
            Report(new DateOnly(Year, 4, 2), new DateOnly(Year, 4, 4), new DateOnly(Year, 4, 3)),
            Report(new DateOnly(Year, 5, 7), new DateOnly(Year, 5, 9), new DateOnly(Year, 5, 15)),
            Report(new DateOnly(Year, 12, 28), new DateOnly(Year + 1, 1, 2), null),
            Report(new DateOnly(Year - 1, 6, 1), new DateOnly(Year - 1, 6, 4), new DateOnly(Year - 1, 6, 4)));
    }

    /// <summary>
    /// The site's accounts: a Weibo naming the site (posts 220 − 100 = 120 in 2029, 1,200 followers at
    /// its end; the 2030 figure is not read), a WeChat of its host unit naming no site (40, 500) and a
    /// WeChat naming the site (10, 300) → 50 and 800; a Douyin with no figure in 2029 (0 posts, 50
    /// followers). The portal's Weibo is not the department's.
    /// </summary>
    private async Task SeedNewMediaAsync(GovSiteDb db)
    {
        var site = await db.Sites.SingleAsync(s => s.Id == Department.Id);
        var portal = await db.Sites.SingleAsync(s => s.Id == Portal.Id);
        GovSite.Supervision.NewMediaAccount Account(string name, GovSite.Supervision.NewMediaPlatform platform, int? siteId, int organisation) => new()
        {
            Name = name, Platform = platform, AccountId = name, SiteId = siteId, OrganisationId = organisation, RegionId = site.RegionId,
            Status = GovSite.Supervision.NewMediaStatus.Approved, CreatedAt = China(Year - 1, 1, 1), UpdatedAt = China(Year - 1, 1, 1),
        };
        var weibo = Account("住建微博", GovSite.Supervision.NewMediaPlatform.Weibo, site.Id, site.HostUnitId!.Value);
        var wechat = Account("住建微信", GovSite.Supervision.NewMediaPlatform.WeChat, null, site.HostUnitId!.Value);
        var service = Account("住建服务号", GovSite.Supervision.NewMediaPlatform.WeChat, site.Id, site.HostUnitId!.Value);
        var douyin = Account("住建抖音", GovSite.Supervision.NewMediaPlatform.Douyin, site.Id, site.HostUnitId!.Value);
        var portalWeibo = Account("市政府微博", GovSite.Supervision.NewMediaPlatform.Weibo, portal.Id, portal.HostUnitId!.Value);
        foreach (var account in new[] { weibo, wechat, service, douyin, portalWeibo })
        {
            db.NewMediaAccounts.Add(account);
            await db.SaveChangesAsync();
        }
        GovSite.Supervision.NewMediaFigures F(GovSite.Supervision.NewMediaAccount a, DateOnly asOf, int posts, int followers) => new()
        {
            AccountId = a.Id, AsOf = asOf, Posts = posts, Followers = followers, RecordedAt = China(Year, 1, 1), RecordedBy = "测试",
        };
        db.NewMediaFigures.AddRange(
            F(weibo, new DateOnly(Year - 1, 12, 31), 100, 1000), F(weibo, new DateOnly(Year, 6, 30), 150, 1100),
            F(weibo, new DateOnly(Year, 12, 31), 220, 1200), F(weibo, new DateOnly(Year + 1, 1, 5), 230, 1300),
            F(wechat, new DateOnly(Year, 12, 1), 40, 500),
            F(service, new DateOnly(Year, 12, 31), 10, 300),
            F(douyin, new DateOnly(Year - 1, 12, 31), 5, 50),
            F(portalWeibo, new DateOnly(Year, 12, 31), 999, 999));
    }
}

public class AnnualReportTests(AnnualReportFactory app) : IClassFixture<AnnualReportFactory>
{
    private const string Code = InteractionFactory.DepartmentCode;
    private const int Year = AnnualReportFactory.Year;

    private Task<HttpClient> As(string user) => app.ClientWithTokenAsync(user, InteractionFactory.Password);

    private static readonly Dictionary<string, string> HandCounted = new()
    {
        ["header.siteName"] = "测试互动市住房和城乡建设局",
        ["header.homepage"] = "https://zjj.hd.test.gov.cn/",
        ["header.hostUnit"] = "测试互动市住房和城乡建设局办公室",
        ["header.siteType"] = "部门网站",
        ["header.siteCode"] = Code,
        ["header.icp"] = "测ICP备00000001号",
        ["header.police"] = "测公网安备 00000000000001号",
        ["header.visitors"] = "50",
        ["header.views"] = "150",
        ["info.total"] = "4",
        ["info.overview"] = "1",
        ["info.news"] = "2",
        ["topics.maintained"] = "2",
        ["topics.new"] = "1",
        ["interpret.total"] = "1",
        ["interaction.platform"] = "是",
        ["interaction.received"] = "3",
        ["interaction.closed"] = "1",
        ["interaction.replies"] = "1",
        ["interaction.consultations"] = "0",
        ["interaction.opinions"] = "0",
        ["interaction.results"] = "0",
        ["interaction.interviews"] = "0",
        ["interaction.questions"] = "0",
        ["interaction.answered"] = "0",
        ["interaction.smartqa"] = "否",
        ["security.assessments"] = "2",
        ["security.problems"] = "2",
        ["security.fixed"] = "1",
        ["security.monitoring"] = "是",
        ["innovation.search"] = "否",
        ["innovation.accessibility"] = "是",
        // Disclosure/, Services/, ErrorReports/ and Supervision/ through the seam (see the fixture's comments).
        ["info.disclosure"] = "2",
        ["services.catalogue"] = "是",
        ["services.items"] = "3",
        ["services.online"] = "2",
        ["services.ratings"] = "4",
        ["services.badRatings"] = "2",
        ["services.badFollowedUp"] = "1",
        ["innovation.personal"] = "是",
        ["interaction.errorReports"] = "4",
        ["interaction.errorClosed"] = "3",
        ["interaction.errorOnTime"] = "66.67",
        ["media.weiboName"] = "住建微博",
        ["media.weiboPosts"] = "120",
        ["media.weiboFollowers"] = "1200",
        ["media.wechatName"] = "住建微信、住建服务号",
        ["media.wechatPosts"] = "50",
        ["media.wechatFollowers"] = "800",
        ["media.other"] = "抖音“住建抖音”：发布0条，关注50",
    };

    [Fact]
    public async Task Every_computed_figure_matches_the_hand_count_of_the_fixture_year()
    {
        using var staff = await As("dept-editor");
        var report = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{Code}/annual-report/{Year}");
        var figures = report.GetProperty("figures");
        foreach (var (key, value) in HandCounted)
        {
            figures.GetProperty(key).GetString().ShouldBe(value, key);
        }
        var lines = report.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray())
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("source").GetString());
        lines["info.total"].ShouldBe("computed");
        lines["info.disclosure"].ShouldBe("computed");
        lines["services.items"].ShouldBe("computed");
        lines["media.weiboName"].ShouldBe("computed");
        // What the platform cannot know stays with the site: cases are handled in the provincial hall, and a
        // department site has no citizen accounts of its own (the portal reports them).
        lines["services.cases"].ShouldBe("manual");
        lines["services.users"].ShouldBe("manual");
        lines["security.drills"].ShouldBe("entered");
        report.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString())
            .ShouldBe(["网站基本情况", "信息发布", "专栏专题", "解读回应", "办事服务", "互动交流", "安全防护", "移动新媒体", "创新发展", "填报信息"]);
    }

    [Fact]
    public async Task The_portal_reports_the_citizen_accounts_and_its_own_new_media_accounts_only()
    {
        using var staff = await As("portal-editor");
        var report = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{InteractionFactory.PortalCode}/annual-report/{Year}");
        var figures = report.GetProperty("figures");
        // One citizen registered in 2029 (the other in 2030); the department's items are not the portal's (no parent set).
        figures.GetProperty("services.users").GetString().ShouldBe("1");
        figures.GetProperty("services.items").GetString().ShouldBe("0");
        figures.GetProperty("services.catalogue").GetString().ShouldBe("否");
        figures.GetProperty("media.weiboName").GetString().ShouldBe("市政府微博");
        figures.GetProperty("media.weiboPosts").GetString().ShouldBe("999");
        figures.GetProperty("media.wechatName").GetString().ShouldBe("");
        figures.GetProperty("interaction.errorReports").GetString().ShouldBe("0");
        figures.GetProperty("interaction.errorOnTime").GetString().ShouldBe("0");
    }

    [Fact]
    public async Task A_site_without_registered_new_media_accounts_enters_those_lines_by_hand()
    {
        await app.CreateSiteAsync("3502000033", "测试互动市统计局", GovSite.Sites.SiteType.Department, "tjj.hd.test.gov.cn");
        var computed = await app.AsSystemAsync(async sp =>
        {
            var site = sp.GetRequiredService<GovSite.Sites.SiteDirectory>().FindByCode("3502000033")!;
            return await sp.GetRequiredService<AnnualReportService>().ComputeAsync(site, Year, default);
        });
        computed.ContainsKey("media.weiboName").ShouldBeFalse();
        computed.ContainsKey("media.other").ShouldBeFalse();
        computed["services.items"].ShouldBe("0");
        computed["info.disclosure"].ShouldBe("0");
        computed["interaction.errorReports"].ShouldBe("0");
    }

    [Fact]
    public async Task A_year_still_to_come_has_no_report_and_others_see_only_published_reports()
    {
        using var staff = await As("dept-editor");
        (await staff.GetAsync($"/api/v1/sites/{Code}/annual-report/{Year + 2}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherStaff = await As("portal-editor");
        (await otherStaff.GetAsync($"/api/v1/sites/{Code}/annual-report/{Year - 1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync($"/api/v1/sites/{Code}/annual-report/{Year - 1}.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entered_figures_are_checked_field_by_field_in_chinese_and_computed_ones_cannot_be_overwritten()
    {
        using var staff = await As("dept-editor");
        var bad = await staff.PutAsJsonAsync($"/api/v1/sites/{Code}/annual-report/{Year - 2}",
            new { values = new Dictionary<string, string> { ["interpret.hot"] = "很多", ["security.drills"] = "也许", ["info.total"] = "9999", ["media.weiboPosts"] = "1" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("interpret.hot")[0].GetString()!.ShouldContain("不小于 0 的数字");
        // The register has the site's accounts: their figures are computed for every year, not typed over.
        errors.GetProperty("media.weiboPosts")[0].GetString()!.ShouldContain("由平台统计");
        errors.GetProperty("security.drills")[0].GetString()!.ShouldContain("“是”或“否”");
        errors.GetProperty("info.total")[0].GetString()!.ShouldContain("由平台统计");

        var typed = "<b>政务微博</b> & “江川”";
        var good = await staff.PutAsJsonAsync($"/api/v1/sites/{Code}/annual-report/{Year - 2}",
            new { values = new Dictionary<string, string> { ["innovation.other"] = typed, ["interpret.hot"] = "1200", ["services.cases"] = "35" } });
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var figures = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("figures");
        figures.GetProperty("innovation.other").GetString().ShouldBe(typed);
        figures.GetProperty("services.cases").GetString().ShouldBe("35");
    }

    [Fact]
    public async Task A_report_is_submitted_returned_resubmitted_approved_and_published_with_its_figures_frozen()
    {
        var path = $"/api/v1/sites/{Code}/annual-report/{Year}";
        using var editor = await As("dept-editor");
        using var admin = await As("dept-admin");
        using var supervisor = await As("supervisor");
        (await app.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The sign-off must be filled in first; only the site's admin submits.
        var early = await admin.PostAsync(path + "/submit", null);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("报送前请填写“单位负责人”");
        (await editor.PutAsJsonAsync(path, new { values = new Dictionary<string, string>
        {
            ["signoff.head"] = "王局长", ["signoff.reviewer"] = "李科长", ["signoff.filler"] = "张三", ["signoff.phone"] = "0592-1234567", ["signoff.date"] = "2030-01-12",
        } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.PostAsync(path + "/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var submitted = await admin.PostAsync(path + "/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Submitted");

        // Submitted figures are frozen: a late-arriving count does not change what the office reviews.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            db.SiteVisitDays.Add(new SiteVisitDay { SiteId = app.Department.Id, Day = new DateOnly(Year, 7, 7), Views = 1000, Visitors = 1000 });
            await db.SaveChangesAsync();
            return 0;
        });
        (await editor.GetFromJsonAsync<JsonElement>(path)).GetProperty("figures").GetProperty("header.views").GetString().ShouldBe("150");
        (await editor.PutAsJsonAsync(path, new { values = new Dictionary<string, string> { ["signoff.head"] = "改名" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Only the supervising office returns (with a reason) or approves.
        (await admin.PostAsJsonAsync(path + "/return", new { reason = "自己退回" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await supervisor.PostAsJsonAsync(path + "/return", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写退回原因");
        var returned = await supervisor.PostAsJsonAsync(path + "/return", new { reason = "请核实政务微博数据" });
        var returnedBody = await returned.Content.ReadFromJsonAsync<JsonElement>();
        returnedBody.GetProperty("status").GetString().ShouldBe("Returned");
        returnedBody.GetProperty("returnReason").GetString().ShouldBe("请核实政务微博数据");
        // Back in the site's hands, the figures are live again (the late count now shows) until the next submission.
        returnedBody.GetProperty("figures").GetProperty("header.views").GetString().ShouldBe("1150");
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            await db.SiteVisitDays.Where(d => d.SiteId == app.Department.Id && d.Day == new DateOnly(Year, 7, 7)).ExecuteDeleteAsync();
            return 0;
        });
        (await admin.PostAsync(path + "/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var approved = await supervisor.PostAsync(path + "/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var published = await approved.Content.ReadFromJsonAsync<JsonElement>();
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.GetProperty("publicUrl").GetString().ShouldBe($"https://zjj.hd.test.gov.cn/annual-reports/{Year}");

        // Published: anyone reads it, on the site and in the portal's 专栏 of its region's reports.
        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>(path);
        anonymous.GetProperty("figures").GetProperty("info.total").GetString().ShouldBe("4");
        using var client = app.CreateClient();
        var page = await client.GetStringAsync($"/sites/{Code}/annual-reports/{Year}");
        page.ShouldContain("政府网站工作年度报表");
        page.ShouldContain("王局长");
        var portalList = await client.GetStringAsync($"/sites/{InteractionFactory.PortalCode}/annual-reports");
        portalList.ShouldContain($"https://zjj.hd.test.gov.cn/annual-reports/{Year}");
        portalList.ShouldContain("测试互动市住房和城乡建设局");
        (await supervisor.PostAsync(path + "/approve", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_xlsx_holds_every_line_in_order_with_numbers_as_numbers()
    {
        using var staff = await As("dept-editor");
        var response = await staff.GetAsync($"/api/v1/sites/{Code}/annual-report/{Year}.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(AnnualReportsApi.XlsxType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        Text(rows[0].Elements<Cell>().First()).ShouldBe($"{Year}年政府网站工作年度报表");
        // Keyed by section and item: "其他" is an item of two sections.
        var byLabel = rows.Skip(3).ToDictionary(r => Text(r.Elements<Cell>().ElementAt(0)) + "|" + Text(r.Elements<Cell>().ElementAt(1)), r => r.Elements<Cell>().ToList());
        var template = app.Services.GetRequiredService<AnnualReportTemplate>();
        byLabel.Count.ShouldBe(template.Fields.Count());
        string Label(string key) => template.Sections.First(s => s.Fields.Any(f => f.Key == key)).Title + "|" + template.Field(key)!.Label;
        foreach (var (key, value) in HandCounted)
        {
            var field = template.Field(key)!;
            var cells = byLabel[Label(key)];
            Text(cells[2]).ShouldBe(value, key);
            if (field.Type == FieldType.Number)
            {
                cells[2].DataType!.Value.ShouldBe(CellValues.Number, key);
            }
            Text(cells[3]).ShouldBe("平台统计");
        }
        Text(byLabel[Label("services.cases")][3]).ShouldBe("手工填报");
    }

    [Fact]
    public async Task The_pdf_is_printed_by_chromium_with_the_reports_text_on_its_pages()
    {
        using var staff = await As("dept-editor");
        var response = await staff.GetAsync($"/api/v1/sites/{Code}/annual-report/{Year}.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
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
            text.ShouldContain($"{Year}年政府网站工作年度报表");
            text.ShouldContain("测试互动市住房和城乡建设局");
            text.ShouldContain("独立用户访问总量");
            text.ShouldContain("创新发展");
            // pdftotext ends every page with a form feed: the table takes three A4 pages.
            text.Count(c => c == '\f').ShouldBe(3);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task In_january_the_sites_admins_are_reminded_once_of_last_years_report()
    {
        var first = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Notifications.ReminderSweep>().RunOnceAsync(default));
        await app.AsSystemAsync(sp => sp.GetRequiredService<GovSite.Notifications.ReminderSweep>().RunOnceAsync(default));
        first.ShouldBeGreaterThan(0);
        var notices = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            // The portal's report is never submitted in these tests, whatever order they run in.
            var adminId = await db.Users.Where(u => u.UserName == "portal-admin").Select(u => u.Id).SingleAsync();
            return await db.Notices.Where(n => n.UserId == adminId && n.Key.StartsWith("annual-report")).ToListAsync();
        });
        // Twice swept, one notice (10 January: not yet the late one).
        notices.Count.ShouldBe(1);
        notices[0].Key.ShouldBe($"annual-report:{Year}:{app.Portal.Id}");
        notices[0].Title.ShouldBe($"请填报{Year}年政府网站工作年度报表");
        notices[0].Link.ShouldBe($"/admin/annual-reports/{InteractionFactory.PortalCode}/{Year}");
    }

    [Fact]
    public void The_workflow_table_allows_each_step_only_to_its_actor()
    {
        ReportWorkflow.Next(ReportStatus.Draft, ReportWorkflow.Action.Submit, ReportWorkflow.Actor.Site).ShouldBe(ReportStatus.Submitted);
        ReportWorkflow.Next(ReportStatus.Draft, ReportWorkflow.Action.Approve, ReportWorkflow.Actor.Supervisor).ShouldBeNull();
        ReportWorkflow.Next(ReportStatus.Submitted, ReportWorkflow.Action.Approve, ReportWorkflow.Actor.Site).ShouldBeNull();
        ReportWorkflow.Next(ReportStatus.Submitted, ReportWorkflow.Action.Return, ReportWorkflow.Actor.Supervisor).ShouldBe(ReportStatus.Returned);
        ReportWorkflow.Next(ReportStatus.Published, ReportWorkflow.Action.Submit, ReportWorkflow.Actor.Site).ShouldBeNull();
        ReportWorkflow.IsLate(ReportStatus.Draft, 2029, new DateOnly(2030, 1, 24)).ShouldBeFalse();
        ReportWorkflow.IsLate(ReportStatus.Draft, 2029, new DateOnly(2030, 1, 25)).ShouldBeTrue();
        ReportWorkflow.IsLate(ReportStatus.Submitted, 2029, new DateOnly(2030, 2, 1)).ShouldBeFalse();
    }
}
