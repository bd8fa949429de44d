using System.Text.Json;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using GovSite.Publishing;
using GovSite.Sites;
using GovSite.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// The demo region's year of supervision: four quarterly rounds with failures and their 通报,
/// rectifications closed (one late and still open), accountability records, a county department
/// site integrated into the county portal (redirects and proof), a closed site showing its notice,
/// two counterfeit cases and new-media accounts. Check runs are the demo's own reports (it never
/// runs the checker or contacts anything); everything else goes through the supervision services.
/// </summary>
public static class DemoSupervision
{
    public const string AgricultureCode = "9901210002";
    public const string InvestmentCode = "9901210003";

    /// <summary>The seed of the demo's rounds: the same year on every first start.</summary>
    public const int Seed = 20261206;

    public static async Task SeedAsync(IServiceProvider services, Dictionary<string, int> sites, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var calendar = services.GetRequiredService<CalendarService>().Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(now));

        var agriculture = await AddSiteAsync(services, AgricultureCode, "清河县农业农村局", "www.nyj.qinghe.gov.cn", "0999-66021301", ct);
        var investment = await AddSiteAsync(services, InvestmentCode, "清河县投资促进中心", "www.tzcj.qinghe.gov.cn", "0999-66021401", ct);
        sites[AgricultureCode] = agriculture;
        sites[InvestmentCode] = investment;
        await AddArticlesAsync(db, agriculture, today, ["全县春季农业生产现场推进会召开", "高标准农田建设项目通过县级验收", "清河县开展农机安全生产大检查"], ct);
        await AddArticlesAsync(db, investment, today, ["清河县举办重点产业招商推介会", "一季度全县新签约项目12个"], ct);

        await services.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync(ct);
        var table = await services.GetRequiredService<IndicatorTables>().CurrentAsync(ct);
        var region = await db.Regions.FirstAsync(r => r.Code == DemoRegion.ProvinceCode, ct);
        var monitored = await db.MonitoredSites.IgnoreQueryFilters().Where(m => m.SiteId != null).ToListAsync(ct);
        var siteRows = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);

        // Four quarters before this one: the year behind the supervisor's desk.
        var (year, quarter) = Quarters.Of(today);
        var quarters = new List<(int Year, int Quarter)>();
        for (var i = 0; i < 4; i++)
        {
            (year, quarter) = Quarters.Previous(year, quarter);
            quarters.Insert(0, (year, quarter));
        }
        var sampledBefore = new HashSet<int>();
        var failing = new Dictionary<(int Year, int Quarter), List<Assessment>>();
        var roundIndex = 0;
        foreach (var (y, q) in quarters)
        {
            var lastDay = Quarters.LastDay(y, q);
            var checkDay = lastDay.AddDays(-20);
            var candidates = monitored.Where(m => m.IsActive).Select(m => siteRows[m.SiteId!.Value])
                .Select(s => new SamplingCandidate(monitored.First(m => m.SiteId == s.Id).Id, s.Id, s.Name, s.Level, s.Type,
                    sampledBefore.Contains(monitored.First(m => m.SiteId == s.Id).Id))).ToList();
            var drawn = Sampling.Draw(candidates, 0.3, Seed + roundIndex);
            var createdAt = ChinaTime.ToUtc(Quarters.FirstDay(y, q).AddDays(45).ToDateTime(new TimeOnly(9, 30)));
            var round = new SpotCheckRound
            {
                RegionId = region.Id, Year = y, Quarter = q, Ratio = 0.3, Seed = Seed + roundIndex, SitesRunning = candidates.Count,
                IndicatorTableId = table.Id, Status = RoundStatus.Checking, CreatedAt = createdAt, CreatedBy = "江川省政务公开办",
            };
            db.SpotCheckRounds.Add(round);
            await db.SaveChangesAsync(ct);
            var sheets = new List<Assessment>();
            var failIndex = 0;
            foreach (var s in drawn)
            {
                sampledBefore.Add(s.Site.MonitoredSiteId);
                var site = siteRows[s.Site.SiteId!.Value];
                var m = monitored.First(x => x.Id == s.Site.MonitoredSiteId);
                // The first sampled department of each round fails (a different veto each time), the rest pass with varied scores.
                var fails = site.Type == SiteType.Department && failIndex++ == 0;
                var report = Report(m.Url, site, fails, roundIndex, checkDay);
                var run = new CheckRun
                {
                    MonitoredSiteId = m.Id, StartedAt = ChinaTime.ToUtc(checkDay.ToDateTime(new TimeOnly(2, 0))), AsOf = checkDay,
                    RequestedFor = "assessment:demo",
                };
                CheckSiteJob.Fill(run, report);
                run.FinishedAt = run.StartedAt.AddMinutes(6);
                db.CheckRuns.Add(run);
                await db.SaveChangesAsync(ct);
                var sheet = new Assessment
                {
                    MonitoredSiteId = m.Id, SiteId = site.Id, RegionId = site.RegionId, RoundId = round.Id, Period = round.Period, IndicatorTableId = table.Id,
                    CheckRunId = run.Id, Stratum = s.Site.Stratum, Favoured = s.Favoured, Portal = site.Type == SiteType.Portal,
                    Status = AssessmentStatus.Confirmed, CreatedAt = createdAt, SignedAt = run.FinishedAt.AddDays(3), SignedBy = "督查员王敏",
                };
                db.Assessments.Add(sheet);
                await db.SaveChangesAsync(ct);
                if (roundIndex == 1 && !fails)
                {
                    // An inspector overturned one finding the checker made: the sheet shows who and why.
                    db.AssessmentReviews.Add(new AssessmentReview
                    {
                        AssessmentId = sheet.Id, EvidenceKey = "finding:0", Upheld = false, Comment = "该链接为外网临时维护，复核时已恢复", By = "督查员王敏", At = sheet.SignedAt!.Value,
                    });
                }
                if (site.Type == SiteType.Portal)
                {
                    db.AssessmentEntries.Add(new AssessmentEntry
                    {
                        AssessmentId = sheet.Id, IndicatorCode = "D4", Points = 2, Comment = "两件重要政策文件未同步发布解读", Evidence = "政策文件栏目", By = "督查员王敏",
                        At = sheet.SignedAt!.Value,
                    });
                }
                await db.SaveChangesAsync(ct);
                var view = Assessments.Compute(table, report, await db.AssessmentReviews.Where(r => r.AssessmentId == sheet.Id).ToListAsync(ct),
                    await db.AssessmentEntries.Where(e => e.AssessmentId == sheet.Id).ToListAsync(ct), sheet);
                (sheet.Verdict, sheet.Score, sheet.VetoCodes) = (view.Verdict, view.Score, string.Join(',', view.Vetoes.Select(v => v.Code)));
                sheets.Add(sheet);
            }
            round.Status = RoundStatus.Closed;
            round.ClosedAt = createdAt.AddDays(20);
            round.ClosedBy = "江川省政务公开办";
            await db.SaveChangesAsync(ct);
            failing[(y, q)] = [.. sheets.Where(a => a.Verdict == "fail")];

            // Orders to the failing sites: all closed in time but the last round's, which is late and open.
            foreach (var a in failing[(y, q)])
            {
                var site = siteRows[a.SiteId!.Value];
                var issued = round.ClosedAt!.Value;
                var due = calendar.AddWorkingDays(DateOnly.FromDateTime(ChinaTime.ToLocal(issued)), 10);
                var late = roundIndex == quarters.Count - 1 || due >= today;
                if (late && due >= today)
                {
                    due = today.AddDays(-5);
                }
                var order = new RectificationOrder
                {
                    MonitoredSiteId = a.MonitoredSiteId, SiteId = site.Id, RegionId = site.RegionId, AssessmentId = a.Id, RoundId = round.Id, SiteName = site.Name,
                    Findings = string.Join('\n', Report(monitored.First(x => x.Id == a.MonitoredSiteId).Url, site, true, roundIndex, checkDay).Vetoes.Select(v => $"{MonitoringLabels.Veto(v.Code)}：{v.Detail}")),
                    IssuedAt = issued, IssuedBy = "江川省政务公开办", WorkingDays = 10, DueDate = due,
                    State = late ? RectificationState.Open : RectificationState.Closed,
                    ClosedAt = late ? null : ChinaTime.ToUtc(due.AddDays(-2).ToDateTime(new TimeOnly(16, 0))),
                    Rechecks = late ? 0 : 1, LastCheckVerdict = late ? null : "pass",
                    LastCheckedAt = late ? null : ChinaTime.ToUtc(due.AddDays(-2).ToDateTime(new TimeOnly(16, 0))),
                };
                db.RectificationOrders.Add(order);
                await db.SaveChangesAsync(ct);
                if (!late)
                {
                    db.RectificationResponses.Add(new RectificationResponse
                    {
                        OrderId = order.Id, Text = "已对照问题清单逐项整改：补充更新栏目内容，完善办事指南要素，并建立每周巡查制度。",
                        Evidence = "整改后栏目页面、办事指南页面", By = $"{site.Name}网站管理员", At = order.ClosedAt!.Value.AddHours(-3),
                    });
                    await db.SaveChangesAsync(ct);
                }
            }

            // The 通报: drafted by GovSite from the round, published on the provincial portal.
            var notice = (await services.GetRequiredService<Notices>().DraftAsync(round.Id, ct: ct)).Value!;
            notice.PortalSiteId = sites[DemoRegion.ProvincialPortalCode];
            notice.PublishedAt = round.ClosedAt.Value.AddDays(5);
            notice.PublishedBy = "江川省政务公开办";
            await db.SaveChangesAsync(ct);
            roundIndex++;
        }

        // Accountability: the late order's site and earlier failures; one person twice in a quarter (counted once, heaviest).
        var accountability = services.GetRequiredService<Accountability>();
        var (ay, aq) = quarters[^1];
        var first = Quarters.FirstDay(ay, aq);
        foreach (var (person, form, offset) in new (string?, AccountabilityForm, int)[]
                 {
                     ("李明", AccountabilityForm.Talk, 10), ("李明", AccountabilityForm.WrittenReview, 40), ("张华", AccountabilityForm.Criticism, 50),
                     (null, AccountabilityForm.Criticism, 55),
                 })
        {
            await accountability.RecordAsync(new AccountabilityInput
            {
                Region = DemoRegion.CountyCode, Site = AgricultureCode, UnitName = "清河县农业农村局", PersonName = person, PersonPost = person is null ? null : "网站负责人",
                Date = first.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Finding = "网站栏目长期不更新，抽查不合格", Form = form, DecidedBy = "清河县人民政府办公室",
            }, ct);
        }
        var (py, pq) = quarters[0];
        await accountability.RecordAsync(new AccountabilityInput
        {
            Region = DemoRegion.ProvinceCode, Site = DemoRegion.EducationCode, UnitName = "江川省教育厅", PersonName = "陈刚", PersonPost = "办公室副主任",
            Date = Quarters.FirstDay(py, pq).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Finding = "留言超过3个月未答复", Form = AccountabilityForm.Talk, DecidedBy = "江川省人民政府办公厅",
        }, ct);

        // The county's agriculture bureau is integrated into the county portal: content moved, map generated, proof made, site closed.
        var moves = services.GetRequiredService<SiteMoves>();
        await moves.PrepareAsync(AgricultureCode, new MigrationInput { Target = DemoRegion.CountyPortalCode, Kind = MigrationKind.Integration }, ct);
        await moves.CompleteAsync(AgricultureCode, new ClosureInput(), ct);
        // The investment centre closed outright, its notice pointing at the county portal.
        await services.GetRequiredService<SiteLifecycle>().CloseAsync(investment, new ClosureInput
        {
            Reason = "机构职能调整", Successor = DemoRegion.CountyPortalCode,
        }, ct);

        // Two counterfeit cases: one reported by staff and closed, one found by a look-alike name and still open.
        var counterfeits = services.GetRequiredService<Counterfeits>();
        var closedCase = (await counterfeits.ReportAsync(new CounterfeitInput
        {
            Url = "http://www.jiangchuan-gov.cn/", Imitates = DemoRegion.ProvincialPortalCode, Description = "仿冒省政府门户网站页面样式和名称，发布虚假补贴申领信息，诱导填写银行卡号。",
            Evidence = "页面标题“江川省人民政府”，页脚冒用网站标识码 9900000001。",
        }, ct)).Value!;
        foreach (var (kind, days) in new[] { (CounterfeitStepKind.ReportCyberspace, 60), (CounterfeitStepKind.ReportPolice, 60), (CounterfeitStepKind.ShutDown, 52), (CounterfeitStepKind.Announce, 50) })
        {
            await counterfeits.AddStepAsync(closedCase.Id, new CounterfeitStepInput
            {
                Kind = kind, Date = today.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Note = kind == CounterfeitStepKind.Announce ? "在省政府门户网站发布提醒公告" : null,
            }, ct);
        }
        var found = new CounterfeitCase
        {
            RegionId = region.Id, ImitatedSiteId = sites[DemoRegion.ProvincialPortalCode], Host = "jiangchuansheng.com.cn", Source = CounterfeitSource.LookAlikeCheck,
            Status = CounterfeitStatus.Open, Description = "仿冒域名探测发现：jiangchuansheng.com.cn 与江川省人民政府的名称拼音相同，且已能解析，需人工核实。",
            ReportedAt = now.AddDays(-3), ReportedBy = "系统",
        };
        db.CounterfeitCases.Add(found);
        await db.SaveChangesAsync(ct);
        db.CounterfeitEvidence.Add(new CounterfeitEvidence { CaseId = found.Id, Kind = "resolution", Content = "jiangchuansheng.com.cn 解析到 203.0.113.25（演示数据）", At = now.AddDays(-3), By = "系统" });
        await db.SaveChangesAsync(ct);

        // New media: the provincial government's accounts and a county one that has gone quiet.
        var newMedia = services.GetRequiredService<NewMedia>();
        var office = await db.Organisations.FirstAsync(o => o.Name == "江川省人民政府办公厅", ct);
        var countyOffice = await db.Organisations.FirstAsync(o => o.Name == "清河县人民政府办公室", ct);
        foreach (var (org, name, platform, id, posts, followers, lastDays) in new (Organisation, string, NewMediaPlatform, string, int, int, int)[]
                 {
                     (office, "江川发布", NewMediaPlatform.WeChat, "jiangchuanfabu", 1820, 356000, 1),
                     (office, "江川发布", NewMediaPlatform.Weibo, "5288001001", 3410, 1204000, 0),
                     (office, "江川政务", NewMediaPlatform.Douyin, "jczw2026", 215, 88000, 6),
                     (countyOffice, "清河县人民政府", NewMediaPlatform.WeChat, "qinghexianzf", 402, 21000, 38),
                 })
        {
            var account = (await newMedia.SaveAsync(null, new NewMediaInput
            {
                OrganisationId = org.Id, Name = name, Platform = platform, AccountId = id, Operator = $"{org.Name}新闻宣传科", Status = NewMediaStatus.Approved,
            }, ct)).Value!;
            var yearStart = new DateOnly(today.Year, 1, 1).AddDays(-1);
            await newMedia.RecordFiguresAsync(account.Id, new FiguresInput
            {
                AsOf = yearStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Posts = posts / 2, Followers = followers * 8 / 10,
                LastPostDate = yearStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, ct);
            await newMedia.RecordFiguresAsync(account.Id, new FiguresInput
            {
                AsOf = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Posts = posts, Followers = followers,
                LastPostDate = today.AddDays(-lastDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, ct);
        }
    }

    /// <summary>A check report as the checker would write it: a failing department gets one veto (a different one each round).</summary>
    private static SiteReport Report(string url, Site site, bool fails, int round, DateOnly asOf)
    {
        var vetoes = new List<Veto>();
        var findings = new List<Finding>
        {
            new("broken_link", "deduction", url + "articles/999", $"HTTP 404（所在页面 {url}）"),
            new("slow_page", "deduction", url + "columns/3", "加载用时 3.6 秒"),
        };
        if (fails)
        {
            vetoes.Add((round % 4) switch
            {
                0 => new Veto(VetoCodes.ColumnsStale, "动态、通知公告、政策文件类栏目中 5 个未按时更新", [url + "columns/1"]),
                1 => new Veto(VetoCodes.InteractionUnresponsive, "1 条一年内的有效留言超过 3 个月未答复", [url + "interaction"]) { Reason = VetoReasons.UnansweredMessage },
                2 => new Veto(VetoCodes.ServiceGuideIncomplete, "5 个办事指南各缺少 4 项及以上要素", [url + "columns/7"]) { Reason = VetoReasons.IncompleteGuides },
                _ => new Veto(VetoCodes.HomepageStale, $"首页最新信息日期为 {asOf.AddDays(-30):yyyy-MM-dd}，已 30 天未更新（超过 14 天）", [url]),
            });
        }
        if (round % 2 == 0)
        {
            findings.Add(new Finding("column_stale", "deduction", url + "columns/2", "栏目“通知公告”最新信息超过6个月，未按时更新"));
            findings.Add(new Finding("missing_footer_item", "deduction", url, "police_record"));
        }
        return new SiteReport
        {
            Url = url, Name = site.Name, IdentifierCode = site.Code, Verdict = fails ? "fail" : "pass",
            Kind = site.Type == SiteType.Portal ? "portal" : "department", Vetoes = vetoes, Findings = findings,
            Columns = [new ColumnReport("工作动态", url + "columns/1", "news", asOf.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 40, false, false),
                       new ColumnReport("办事指南", url + "columns/7", "service", null, 12, false, false)],
            BrokenLinks = [new BrokenLink(url + "articles/999", url, 404, null)],
            Bonus = site.Type == SiteType.Portal ? ["accessibility", "new_media"] : [],
        };
    }

    private static async Task<int> AddSiteAsync(IServiceProvider services, string code, string name, string host, string phone, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var county = await db.Regions.FirstAsync(r => r.Code == DemoRegion.CountyCode, ct);
        var unit = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name && o.RegionId == county.Id, ct);
        if (unit is null)
        {
            unit = new Organisation { Name = name, RegionId = county.Id, Phone = phone, Address = "江川省临江市清河县清河大道88号" };
            db.Organisations.Add(unit);
            await db.SaveChangesAsync(ct);
        }
        var competent = await db.Organisations.FirstAsync(o => o.Name == "清河县人民政府办公室", ct);
        var result = await services.GetRequiredService<SiteService>().CreateAsync(new SiteInput
        {
            Code = code, Name = name, Type = SiteType.Department, Level = SiteLevel.County, Status = SiteStatus.Online, RegionCode = DemoRegion.CountyCode,
            ParentCode = DemoRegion.CountyPortalCode, CompetentUnitId = competent.Id, HostUnitId = unit.Id, OperatorUnitId = competent.Id,
            Domains = [host], MainDomain = host, IcpNumber = "江ICP备20260121号-" + code[^1], PoliceRecordNumber = "江公网安备 9901210200010" + code[^1] + "号",
            ContactPhone = phone, Description = $"{name}网站（演示数据）",
        }, ct);
        return result.Succeeded ? result.Value!.Id
            : throw new InvalidOperationException($"Demo site {code} was refused: " + string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
    }

    private static async Task AddArticlesAsync(GovSiteDb db, int siteId, DateOnly today, string[] titles, CancellationToken ct)
    {
        var column = await db.Columns.FirstAsync(c => c.SiteId == siteId && c.ParentId == null && c.Type == ColumnType.News, ct);
        for (var i = 0; i < titles.Length; i++)
        {
            var at = ChinaTime.ToUtc(today.AddDays(-2 - 9 * i).ToDateTime(new TimeOnly(10, 0)));
            var article = new Article
            {
                SiteId = siteId, ColumnId = column.Id, Title = titles[i], Status = ArticleStatus.Published, PublishedAt = at, CreatedAt = at, UpdatedAt = at,
                Body = HtmlSanitiser.Sanitise($"<p>{titles[i]}。（演示数据）</p><p>会议要求各单位压实责任，确保各项工作按期完成。</p>"),
            };
            article.Item = Publishing.Library.LibraryService.FromArticle(article);
            article.Item.VersionNumber = 1;
            db.Articles.Add(article);
            await db.SaveChangesAsync(ct);
            db.ItemVersions.Add(Publishing.Library.ItemVersion.Of(article.Item, at, null, "系统", "演示数据"));
            await db.SaveChangesAsync(ct);
        }
    }
}
