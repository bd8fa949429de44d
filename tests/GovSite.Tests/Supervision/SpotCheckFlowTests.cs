using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Monitoring;
using GovSite.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Supervision;

/// <summary>
/// A quarter's round end to end through the API: sampling with a seed, the checker (double) on
/// every sampled site through the job queue, reviews, signatures, closing with orders, the 通报
/// with its figures worked out by hand, its PDF read back, and a rectification closed by a re-check.
/// </summary>
public sealed class SpotCheckFlowTests(SupervisionFactory app) : IClassFixture<SupervisionFactory>
{
    private static Finding F(string code, string url) => new(code, "deduction", url, "x");

    private string Quarter
    {
        get
        {
            var (y, q) = Quarters.Of(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8)));
            return Quarters.Name(y, q);
        }
    }

    [Fact]
    public async Task A_round_samples_checks_scores_closes_and_its_notice_states_the_figures()
    {
        using var client = await app.SupervisorAsync();
        var opened = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, "/api/v1/spot-checks",
            new { region = SupervisionFactory.RegionCode, quarter = Quarter, ratio = 0.3, seed = 42 }));
        var sampled = opened.GetProperty("sampled").EnumerateArray().Select(e => e.GetString()!).ToList();
        opened.GetProperty("seed").GetInt32().ShouldBe(42);
        // 30% of one portal is one, of ten departments three.
        sampled.Count.ShouldBe(4);
        sampled.ShouldContain(SupervisionFactory.PortalCode);
        // The same seed draws the same sites again.
        var again = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, "/api/v1/spot-checks",
            new { region = SupervisionFactory.RegionCode, quarter = Quarter, ratio = 0.3, seed = 42 }));
        again.GetProperty("sampled").EnumerateArray().Select(e => e.GetString()!).ShouldBe(sampled);

        // The checker's findings for the sampled sites: one department fails, the others pass with deductions.
        var departments = sampled.Where(c => c != SupervisionFactory.PortalCode).Order().ToList();
        var (failing, plain, overturned) = (departments[0], departments[1], departments[2]);
        var portal = app.Sites[SupervisionFactory.PortalCode];
        app.Checker.Reports[SupervisionFactory.UrlOf(portal)] = new SiteReport
        {
            Verdict = "pass", Kind = "portal", Bonus = ["accessibility"],
            Findings = [F("column_stale", "p1")], Columns = [new ColumnReport("办事", "s", "service", null, 1, false, false)],
        };
        app.Checker.Reports[SupervisionFactory.UrlOf(app.Sites[failing])] = new SiteReport
        {
            Verdict = "fail", Kind = "department", Vetoes = [new Veto(VetoCodes.ColumnsStale, "5 个栏目未更新", ["c1"])],
        };
        app.Checker.Reports[SupervisionFactory.UrlOf(app.Sites[plain])] = new SiteReport
        {
            Verdict = "pass", Kind = "department", Findings = [F("column_stale", "a"), F("column_stale", "b"), F("broken_link", "c")],
            BrokenLinks = [new BrokenLink("c", "x", 404, null)], Columns = [new ColumnReport("办事指南", "s", "service", null, 1, false, false)],
        };
        app.Checker.Reports[SupervisionFactory.UrlOf(app.Sites[overturned])] = new SiteReport
        {
            Verdict = "pass", Kind = "department", Findings = [F("column_empty", "e"), F("slow_page", "s")],
            Columns = [new ColumnReport("办事指南", "s", "service", null, 1, false, false)],
        };
        (await app.RunJobsAsync()).ShouldBeGreaterThan(0);

        var roundId = opened.GetProperty("id").GetInt32();
        var round = await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/spot-checks/{roundId}"));
        round.GetProperty("sitesRunning").GetInt32().ShouldBe(11);
        var sheets = round.GetProperty("sampled").EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!, s => s.GetProperty("assessment").GetInt32());
        async Task<JsonElement> Sheet(string code) => await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/assessments/{sheets[code]}"));
        // Portal: 100 − 2 (one stale column) = 98 > 80, plus B1 5 = 103.
        (await Sheet(SupervisionFactory.PortalCode)).GetProperty("score").GetDouble().ShouldBe(103);
        var vetoed = await Sheet(failing);
        vetoed.GetProperty("verdict").GetString().ShouldBe("fail");
        vetoed.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);
        // 2 × 2 (stale) + 0.5 (broken link) off: 95.5.
        (await Sheet(plain)).GetProperty("score").GetDouble().ShouldBe(95.5);
        // 2 (empty) + 0.5 (slow) off: 97.5; the inspector overturns the empty column with a reason: 99.5.
        (await Sheet(overturned)).GetProperty("score").GetDouble().ShouldBe(97.5);
        var refused = await SupervisionFactory.PostAsync(client, $"/api/v1/assessments/{sheets[overturned]}/reviews", new { key = "finding:0", upheld = false, comment = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("推翻检测结果须填写理由");
        var reviewed = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/assessments/{sheets[overturned]}/reviews",
            new { key = "finding:0", upheld = false, comment = "该栏目为新开设栏目，本季度无应发信息" }));
        reviewed.GetProperty("score").GetDouble().ShouldBe(99.5);
        reviewed.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "D2")
            .GetProperty("confirmedBy").EnumerateArray().Select(e => e.GetString()).ShouldBe([SupervisionFactory.SupervisorName]);
        // A person-judged item: the portal's policies lack interpretations, 3 points: 103 − 3 = 100.
        var judged = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/assessments/{sheets[SupervisionFactory.PortalCode]}/entries",
            new { indicatorCode = "D4", points = 3, comment = "两件政策文件未配发解读", evidence = "政策文件栏目" }));
        judged.GetProperty("score").GetDouble().ShouldBe(100);

        // Closing needs every sheet signed.
        var early = await SupervisionFactory.PostAsync(client, $"/api/v1/spot-checks/{roundId}/close", new { workingDays = 5 });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("张考评表未签字确认");
        foreach (var id in sheets.Values)
        {
            await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/assessments/{id}/sign", null));
        }
        var signedEdit = await SupervisionFactory.PostAsync(client, $"/api/v1/assessments/{sheets[plain]}/entries", new { indicatorCode = "D4", points = 1, comment = "x" });
        signedEdit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Other tests of this class issue orders in the same region: only the ones closing makes count here.
        var before = (await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/rectifications?region={SupervisionFactory.RegionCode}")))
            .EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToHashSet();
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, $"/api/v1/spot-checks/{roundId}/close", new { workingDays = 5 }));
        var orders = (await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/rectifications?region={SupervisionFactory.RegionCode}")))
            .EnumerateArray().Where(o => !before.Contains(o.GetProperty("id").GetInt32())).ToList();
        orders.Select(o => o.GetProperty("site").GetString()).ShouldBe([failing]);

        // The 通报 draft: 11 running, 4 sampled (36.4%), 3 passed (75%); the failing site named with its veto.
        var notice = await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/spot-checks/{roundId}/notice", null));
        var figures = notice.GetProperty("figures");
        figures.GetProperty("sitesRunning").GetInt32().ShouldBe(11);
        figures.GetProperty("sampled").GetInt32().ShouldBe(4);
        figures.GetProperty("sampledRatio").GetDouble().ShouldBe(0.3636);
        figures.GetProperty("passed").GetInt32().ShouldBe(3);
        figures.GetProperty("failed").GetInt32().ShouldBe(1);
        figures.GetProperty("passRate").GetDouble().ShouldBe(0.75);
        figures.GetProperty("failing")[0].GetProperty("vetoes")[0].GetString().ShouldBe("不更新");
        figures.GetProperty("good").EnumerateArray().Select(g => g.GetProperty("score").GetDouble()).ShouldBe([100, 99.5, 95.5]);
        var body = notice.GetProperty("body").GetString()!;
        body.ShouldContain("共有运行中的政府网站11个，本次随机抽查4个，抽查比例36.4%；合格3个，不合格1个，总体合格率75%");
        body.ShouldContain(app.Sites[failing].Name);

        // The supervisor edits it (script removed, text kept) and publishes it on the city's portal, with a PDF.
        var title = $"关于{Quarter}政府网站抽查情况的通报 <修订>";
        await SupervisionFactory.JsonAsync(await client.PutAsJsonAsync($"/api/v1/spot-checks/{roundId}/notice",
            new { title, body = body + "<script>alert(1)</script><p>特此通报。</p>" }));
        var published = await SupervisionFactory.JsonAsync(await client.PostAsync($"/api/v1/spot-checks/{roundId}/notice/publish", null));
        published.GetProperty("body").GetString()!.ShouldNotContain("<script");
        published.GetProperty("title").GetString().ShouldBe(title);
        var pdf = await client.GetByteArrayAsync($"/api/v1/spot-checks/{roundId}/notice.pdf");
        var text = PdfText(pdf, out var pages);
        text.ShouldContain("政府网站抽查情况的通报");
        text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ShouldContain("本次随机抽查4个");
        text.ShouldContain("特此通报");
        pages.ShouldBeInRange(1, 3);
        // On the portal, for the public.
        using var visitor = app.CreateClient();
        var list = await visitor.GetStringAsync($"/sites/{SupervisionFactory.PortalCode}/supervision/notices");
        list.ShouldContain(WebUtility.HtmlEncode(title));
        var page = await visitor.GetStringAsync($"/sites/{SupervisionFactory.PortalCode}/supervision/notices/{published.GetProperty("id").GetInt32()}");
        page.ShouldContain("特此通报");
        page.ShouldNotContain("<script>alert(1)</script>");
        var publicPdf = await visitor.GetAsync($"/sites/{SupervisionFactory.PortalCode}/supervision/notices/{published.GetProperty("id").GetInt32()}/pdf");
        publicPdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        // Published means kept: no more edits.
        (await client.PutAsJsonAsync($"/api/v1/spot-checks/{roundId}/notice", new { title = "改", body = "<p>改</p>" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The failing site's administrator answers; the re-check passes and closes the order.
        var order = orders[0].GetProperty("id").GetInt32();
        var siteAdmin = $"admin{failing}";
        await app.CreateUserAsync(siteAdmin, SupervisionFactory.Password, (GovSite.Accounts.Role.SiteAdmin, app.Sites[failing].Id));
        using var staff = await app.ClientWithTokenAsync(siteAdmin, SupervisionFactory.Password);
        var empty = await SupervisionFactory.PostAsync(staff, $"/api/v1/rectifications/{order}/responses", new { text = "  " });
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请写明整改了哪些问题");
        app.Checker.Reports[SupervisionFactory.UrlOf(app.Sites[failing])] = new SiteReport { Verdict = "fail", Kind = "department", Vetoes = [new Veto(VetoCodes.ColumnsStale, "仍未更新", [])] };
        var answered = await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(staff, $"/api/v1/rectifications/{order}/responses",
            new { text = "已更新5个栏目 <见附件>", evidence = "https://j.jg.test.gov.cn/columns/1" }));
        answered.GetProperty("state").GetString().ShouldBe("submitted");
        await app.RunJobsAsync();
        var afterFail = (await SupervisionFactory.JsonAsync(await staff.GetAsync("/api/v1/rectifications"))).EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == order);
        (afterFail.GetProperty("state").GetString(), afterFail.GetProperty("lastCheckVerdict").GetString()).ShouldBe(("open", "fail"));
        app.Checker.Reports[SupervisionFactory.UrlOf(app.Sites[failing])] = new SiteReport { Verdict = "pass", Kind = "department" };
        await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(staff, $"/api/v1/rectifications/{order}/responses", new { text = "又补充更新了栏目" }));
        await app.RunJobsAsync();
        var closed = (await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/rectifications?region={SupervisionFactory.RegionCode}&state=closed")))
            .EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == order);
        closed.GetProperty("late").GetBoolean().ShouldBeFalse();
        // Another site's administrator cannot answer it.
        var other = $"admin{plain}";
        await app.CreateUserAsync(other, SupervisionFactory.Password, (GovSite.Accounts.Role.SiteAdmin, app.Sites[plain].Id));
        using var stranger = await app.ClientWithTokenAsync(other, SupervisionFactory.Password);
        (await SupervisionFactory.PostAsync(stranger, $"/api/v1/rectifications/{order}/responses", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_late_order_is_rechecked_at_its_deadline_and_escalated_on_the_interaction_sweep()
    {
        var site = app.Sites["3502000110"];
        var order = await app.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<GovSite.Monitoring.Platform.MonitoredSiteRegistry>().ReconcileHostedAsync();
            var db = sp.GetRequiredService<GovSiteDb>();
            var m = await db.MonitoredSites.FirstAsync(x => x.SiteId == site.Id);
            return await sp.GetRequiredService<Rectifications>().IssueAsync(m.Id, site.Id, site.RegionId, site.Name, null, null, "栏目不更新", 2, default);
        });
        var calendar = GovSite.Calendar.CalendarService.ShippedOnly();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        order.DueDate.ShouldBe(calendar.AddWorkingDays(today, 2));
        app.Checker.Reports[SupervisionFactory.UrlOf(site)] = new SiteReport { Verdict = "fail", Kind = "department", Vetoes = [new Veto(VetoCodes.HomepageStale, "x", [])] };

        // Twelve days on: past the due date (whatever the weekends), the due job re-checks; still failing, still open, late.
        app.Clock.Advance(TimeSpan.FromDays(12));
        await app.RunJobsAsync();
        using var client = await app.SupervisorAsync();
        var late = (await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/rectifications?region={SupervisionFactory.RegionCode}&state=late")))
            .EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == order.Id);
        (late.GetProperty("late").GetBoolean(), late.GetProperty("lastCheckVerdict").GetString()).ShouldBe((true, "fail"));
        await app.CreateUserAsync("admin3502000110", SupervisionFactory.Password, (GovSite.Accounts.Role.SiteAdmin, site.Id));
        var written = await app.Services.GetRequiredService<DeadlineAlerts>().RunWatchesAsync(default);
        written.ShouldBeGreaterThan(0);
        var kinds = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().RectificationAlerts.Where(a => a.OrderId == order.Id).Select(a => a.Kind).ToListAsync());
        var overdue = calendar.WorkingDaysAfter(order.DueDate, today.AddDays(12));
        kinds.ShouldContain(AlertKind.OverdueSiteAdmin);
        // The alerts reach people as notices (and e-mail where they have an address): the site's administrator, and once
        // late past the threshold, the region's supervisor.
        var notices = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Notices.IgnoreQueryFilters()
            .Where(n => n.Kind == GovSite.Notifications.NoticeKind.RectificationDue && n.Link == $"/admin/supervision/rectifications/{order.Id}")
            .Select(n => new { n.UserId, n.Title }).ToListAsync());
        var siteAdminId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.Where(u => u.UserName == "admin3502000110").Select(u => u.Id).FirstAsync());
        var supervisorId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.Where(u => u.UserName == SupervisionFactory.SupervisorName).Select(u => u.Id).FirstAsync());
        notices.Where(n => n.UserId == siteAdminId).Select(n => n.Title).ShouldContain($"整改已逾期：{site.Name}");
        if (overdue >= 3)
        {
            kinds.ShouldContain(AlertKind.OverdueSupervisor);
            notices.Where(n => n.UserId == supervisorId).Select(n => n.Title).ShouldBe([$"整改逾期未办结（督办）：{site.Name}"]);
        }
        // A second sweep writes nothing twice.
        (await app.Services.GetRequiredService<DeadlineAlerts>().RunWatchesAsync(default)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromDays(-12));
    }

    [Fact]
    public async Task Accountability_counts_follow_the_heaviest_form_rule_through_the_api()
    {
        using var client = await app.SupervisorAsync();
        var year = 2025;
        async Task Record(string date, string unit, string? person, string form) =>
            await SupervisionFactory.JsonAsync(await SupervisionFactory.PostAsync(client, "/api/v1/accountability", new
            {
                region = SupervisionFactory.RegionCode, unitName = unit, personName = person, date, finding = "抽查不合格", form, decidedBy = "市政府办公室",
            }));
        await Record($"{year}-01-05", "第1局", "赵一", "talk");
        await Record($"{year}-02-05", "第1局", "赵一", "removal");
        await Record($"{year}-03-05", "第2局", "钱二", "criticism");
        await Record($"{year}-03-06", "第2局", null, "writtenReview");
        await Record($"{year}-05-05", "第1局", "赵一", "transfer");
        var bad = await SupervisionFactory.PostAsync(client, "/api/v1/accountability", new { region = SupervisionFactory.RegionCode, date = "2025/13/01", form = "talk" });
        var problems = await bad.Content.ReadAsStringAsync();
        problems.ShouldContain("unitName");
        problems.ShouldContain("请按“2026-03-18”的格式填写问责日期");

        var q1 = await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/regions/{SupervisionFactory.RegionCode}/accountability?year={year}&quarter=1"));
        // Q1: 赵一 once (免职), 钱二 通报批评, 第2局 书面检查: 3 people from 4 records.
        (q1.GetProperty("people").GetInt32(), q1.GetProperty("records").GetInt32()).ShouldBe((3, 4));
        q1.GetProperty("report").GetProperty("调离岗位或免职").GetInt32().ShouldBe(1);
        q1.GetProperty("report").GetProperty("约谈").GetInt32().ShouldBe(0);
        q1.GetProperty("report").GetProperty("通报批评").GetInt32().ShouldBe(1);
        q1.GetProperty("report").GetProperty("书面检查").GetInt32().ShouldBe(1);
        var whole = await SupervisionFactory.JsonAsync(await client.GetAsync($"/api/v1/regions/{SupervisionFactory.RegionCode}/accountability?year={year}"));
        // Q2 counts 赵一 again (调离岗位): 4 in the year; 调离岗位或免职 = 2.
        whole.GetProperty("people").GetInt32().ShouldBe(4);
        whole.GetProperty("report").GetProperty("调离岗位或免职").GetInt32().ShouldBe(2);
        whole.GetProperty("byForm").GetProperty("免职").GetInt32().ShouldBe(1);
        whole.GetProperty("byForm").GetProperty("调离岗位").GetInt32().ShouldBe(1);
        // Another region's supervisor does not see these.
        (await (await app.AdminClientAsync()).GetAsync("/api/v1/regions/999999/accountability")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_desk_exports_an_xlsx_read_back_cell_by_cell_and_a_pdf()
    {
        var client = await app.SignInAsync(SupervisionFactory.SupervisorName, SupervisionFactory.Password);
        var xlsx = await client.GetByteArrayAsync($"/admin/supervision/desk.xlsx?region={SupervisionFactory.RegionCode}");
        var figures = await SupervisionFactory.JsonAsync(await (await app.SupervisorAsync()).GetAsync($"/api/v1/regions/{SupervisionFactory.RegionCode}/desk"));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["概况", "抽查", "逾期整改", "问责"]);
        string Cell(string sheet, string reference)
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheets.Single(s => s.Name == sheet).Id!);
            var cell = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == reference);
            return cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
        }
        Cell("概况", "A1").ShouldBe("项目");
        Cell("概况", "B2").ShouldBe($"测试地区{SupervisionFactory.RegionCode}（{SupervisionFactory.RegionCode}）");
        Cell("概况", "B3").ShouldBe(figures.GetProperty("period").GetString());
        // Sites by status in the enum's order: applied, approved, online …; eleven sites online here.
        Cell("概况", "A6").ShouldBe("网站：已上线");
        Cell("概况", "B6").ShouldBe(figures.GetProperty("sitesByStatus").GetProperty("online").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        figures.GetProperty("sitesByStatus").GetProperty("online").GetInt32().ShouldBeGreaterThanOrEqualTo(11);
        var rounds = figures.GetProperty("rounds").EnumerateArray().ToList();
        for (var i = 0; i < rounds.Count; i++)
        {
            var row = (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Cell("抽查", "A" + row).ShouldBe(rounds[i].GetProperty("period").GetString());
            Cell("抽查", "C" + row).ShouldBe(rounds[i].GetProperty("sitesRunning").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Cell("抽查", "D" + row).ShouldBe(rounds[i].GetProperty("sampled").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            double.Parse(Cell("抽查", "J" + row), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(rounds[i].GetProperty("passRate").GetDouble());
        }
        var pdf = await client.GetByteArrayAsync($"/admin/supervision/desk.pdf?region={SupervisionFactory.RegionCode}");
        var text = PdfText(pdf, out var pages);
        text.ShouldContain("政府网站监管工作台");
        text.ShouldContain("问责");
        pages.ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>The PDF's text by pdftotext (poppler-utils), and its page count by pdfinfo.</summary>
    public static string PdfText(byte[] pdf, out int pages)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            pages = int.Parse(System.Text.RegularExpressions.Regex.Match(Run("pdfinfo", file), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Run("pdftotext", $"-layout {file} -");
        }
        finally
        {
            File.Delete(file);
        }

        static string Run(string tool, string args)
        {
            using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output;
        }
    }
}
