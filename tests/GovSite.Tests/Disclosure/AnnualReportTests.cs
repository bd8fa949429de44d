using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// 政府信息公开工作年度报告 for 2025 from a year of requests and documents: the official table's
/// cells, its arithmetic enforced before publishing, hand-entered cells marked, publication into
/// the column, the xlsx read back and the PDF's text and pages.
/// </summary>
public class AnnualReportTests(AnnualReportTests.Fixture app) : IClassFixture<AnnualReportTests.Fixture>
{
    public sealed class Fixture : DisclosureFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await SeedYearAsync();
        }

        private Task<InformationRequest> RequestAsync(string number) =>
            AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.SingleAsync(r => r.Number == number));

        private Task Staff(Func<RequestService, int, Task<SaveResult<InformationRequest>>> act, int id) => AsUserAsync("dept-editor", async sp =>
        {
            var result = await act(sp.GetRequiredService<RequestService>(), id);
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            return 0;
        });

        private async Task<int> ApplyAsync(string kind, string id, string description)
        {
            var body = Application(idNumber: id, description: description);
            body["applicantKind"] = kind;
            if (kind != "NaturalPerson")
            {
                body["idKind"] = "CreditCode";
                body["legalRepresentative"] = "张三";
                body["contactName"] = "李四";
            }
            return (await RequestAsync((await ApplyAsync(body: body)).Number)).Id;
        }

        private async Task SeedYearAsync()
        {
            const string person = "110101199003070038";
            Clock.SetChina(2024, 12, 20);
            var carriedIn = await ApplyAsync("NaturalPerson", person, "请公开2024年度城镇土地使用税征收情况。");
            Clock.SetChina(2025, 1, 10);
            await Staff((s, id) => s.AnswerAsync(id, new AnswerInput { Type = AnswerType.Disclosed, Detail = "见附件。" }, default), carriedIn);
            Clock.SetChina(2025, 3, 3);
            var company = await ApplyAsync("Company", "91350100M000100Y43", "请公开某地块的出让底价评估报告。");
            Clock.SetChina(2025, 3, 20);
            await Staff((s, id) => s.AnswerAsync(id, new AnswerInput { Type = AnswerType.Refused, Ground = "StateSecret", Detail = "经保密审查属于国家秘密。" }, default), company);
            Clock.SetChina(2025, 5, 6);
            var noCorrection = await ApplyAsync("NaturalPerson", person, "请公开那个文件。");
            Clock.SetChina(2025, 5, 7);
            await Staff((s, id) => s.AskCorrectionAsync(id, "请写明所需文件的名称或文号。", null, default), noCorrection);
            Clock.SetChina(2025, 6, 2);
            var notOurs = await ApplyAsync("NaturalPerson", person, "请公开本县2025年度教师招聘计划。");
            await Staff((s, id) => s.AnswerAsync(id, new AnswerInput { Type = AnswerType.NotThisAgency, Detail = "测试公开县教育局，电话 0000-12345678" }, default), notOurs);
            Clock.SetChina(2025, 6, 10);
            await Staff((s, id) => s.CloseAsync(id, CloseReason.NoCorrection, null, null, default), noCorrection);
            Clock.SetChina(2025, 7, 1);
            var repeat = await ApplyAsync("LegalServiceOrganisation", "52350100MJ00000019", "请公开某地块的出让底价评估报告（再次申请）。");
            await Staff((s, id) => s.AnswerAsync(id, new AnswerInput { Type = AnswerType.Repeat, Detail = "本机关已于2025年3月20日答复。" }, default), repeat);
            Clock.SetChina(2025, 12, 22);
            var carriedOut = await ApplyAsync("ResearchInstitute", "91350100M000100Y43", "请公开本县第三次国土调查主要数据成果。");
            Clock.SetChina(2026, 1, 8);
            await Staff((s, id) => s.AnswerAsync(id, new AnswerInput { Type = AnswerType.AlreadyPublic, Detail = "已在本局网站公开。" }, default), carriedOut);

            // 规章 and 规范性文件: made in 2025, repealed in 2025, in force at its end.
            Clock.SetChina(2026, 1, 9);
            await DocumentAsync("测试公开县土地储备管理办法", "规章", new DateOnly(2025, 2, 1), null, null);
            await DocumentAsync("测试公开县闲置土地处置规定", "规范性文件", new DateOnly(2025, 4, 1), null, null);
            await DocumentAsync("测试公开县征地补偿标准（2023年版）", "规范性文件", new DateOnly(2023, 5, 1), PolicyValidity.Repealed, new DateOnly(2025, 8, 1));
            Clock.SetChina(2026, 1, 12);
        }

        private Task DocumentAsync(string title, string genre, DateOnly written, PolicyValidity? validity, DateOnly? validityDate) => AsSystemAsync(async sp =>
        {
            var created = await sp.GetRequiredService<LibraryService>().CreateAsync(Department.Id, new ItemInput
            {
                ColumnId = await ColumnIdAsync(Department.Id, "政策文件"), Title = title, Body = $"<p>{title}全文。</p>", GenreClass = genre,
                Issuer = "测试公开县自然资源局", WrittenDate = written, Validity = validity, ValidityDate = validityDate,
            });
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.All.SelectMany(e => e.Value)));
            (await sp.GetRequiredService<Workflow>().PublishAsync(created.Value!.Id, null)).Errors.IsValid.ShouldBeTrue();
            return 0;
        });
    }

    private async Task<JsonElement> ReportAsync(HttpClient client, int year = 2025)
    {
        var response = await client.GetAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/{year}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static decimal Cell(JsonElement report, string key) => report.GetProperty("cells").GetProperty(key).GetDecimal();

    [Fact]
    public async Task The_figures_come_from_the_years_requests_and_documents_and_balance()
    {
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        var report = await ReportAsync(staff);
        report.GetProperty("title").GetString().ShouldBe("测试公开县自然资源局办公室2025年政府信息公开工作年度报告");
        Cell(report, "3.new.NaturalPerson").ShouldBe(2);
        Cell(report, "3.new.Company").ShouldBe(1);
        Cell(report, "3.new.ResearchInstitute").ShouldBe(1);
        Cell(report, "3.new.LegalServiceOrganisation").ShouldBe(1);
        Cell(report, "3.new.Total").ShouldBe(5);
        Cell(report, "3.carried.NaturalPerson").ShouldBe(1);
        Cell(report, "3.disclosed.NaturalPerson").ShouldBe(1);
        Cell(report, "3.refused.StateSecret.Company").ShouldBe(1);
        Cell(report, "3.unavailable.NotHeld.NaturalPerson").ShouldBe(1);
        Cell(report, "3.other.NoCorrection.NaturalPerson").ShouldBe(1);
        Cell(report, "3.notProcessed.Repeat.LegalServiceOrganisation").ShouldBe(1);
        Cell(report, "3.total.NaturalPerson").ShouldBe(3);
        Cell(report, "3.total.Total").ShouldBe(5);
        Cell(report, "3.carriedOut.ResearchInstitute").ShouldBe(1);
        Cell(report, "3.carriedOut.Total").ShouldBe(1);
        Cell(report, "2.regulations.made").ShouldBe(1);
        Cell(report, "2.regulations.valid").ShouldBe(1);
        Cell(report, "2.normative.made").ShouldBe(1);
        Cell(report, "2.normative.repealed").ShouldBe(1);
        Cell(report, "2.normative.valid").ShouldBe(1);
        report.GetProperty("checks").GetArrayLength().ShouldBe(0);
        // What the platform cannot know is marked as entered by hand.
        var manual = report.GetProperty("manual").EnumerateArray().Select(m => m.GetString()).ToList();
        manual.ShouldContain("2.licensing");
        manual.ShouldContain("4.review.upheld");
        manual.ShouldNotContain("3.new.NaturalPerson");
        // 2026's report starts with 2025's carried-out request.
        Cell(await ReportAsync(staff, 2026), "3.carried.ResearchInstitute").ShouldBe(1);
        // A draft is the site's: the public does not see it.
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Arithmetic_that_does_not_balance_stops_publication_and_the_published_report_is_frozen_in_its_column()
    {
        using var staff = await app.ClientWithTokenAsync("dept-admin", DisclosureFactory.Password);
        var bad = await staff.PutAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025", new
        {
            manual = new Dictionary<string, string> { ["3.new.NaturalPerson"] = "3", ["2.licensing"] = "12", ["2.fees"] = "1.5", ["4.review.upheld"] = "1" },
            problems = "部分科室对依申请公开的时限把握不够。",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = await bad.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ShouldContain(c => c!.Contains("“自然人”一列"));
        var refused = await staff.PostAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025/publish", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("本年新收 3 + 上年结转 1 = 4，但办理结果总计 3 + 结转下年度 0 = 3");
        // A number that is not a count is refused and named.
        var typo = await staff.PutAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025", new
        {
            manual = new Dictionary<string, string> { ["2.penalty"] = "十二" },
        });
        typo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await typo.Content.ReadAsStringAsync()).ShouldContain("件数应为不小于 0 的整数");

        (await staff.PutAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025", new
        {
            manual = new Dictionary<string, string> { ["2.licensing"] = "12", ["2.fees"] = "1.5", ["4.review.upheld"] = "1" },
            problems = "部分科室对依申请公开的时限把握不够。",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = await staff.PostAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        using var anonymous = app.CreateClient();
        var report = await ReportAsync(anonymous);
        report.GetProperty("status").GetString().ShouldBe("published");
        Cell(report, "2.licensing").ShouldBe(12);
        Cell(report, "4.review.total").ShouldBe(1);
        // Frozen: a request answered later for 2025 does not change the published figures.
        (await staff.PutAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025", new { problems = "改" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var item = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var r = await db.DisclosureReports.SingleAsync(x => x.SiteId == app.Department.Id && x.Year == 2025);
            return await db.LibraryItems.SingleAsync(i => i.Id == r.ItemId);
        });
        item.Status.ShouldBe(ItemStatus.Published);
        item.Disclosure.ShouldBe(DisclosureMode.Proactive);
        item.HomeColumnId.ShouldBe(await app.ColumnIdAsync(app.Department.Id, "政府信息公开年度报告"));
        ItemContent.AttachmentIds(item.Attachments).Count.ShouldBe(2);
        using var site = app.ClientForHost("zrzyj.gk.test.gov.cn");
        var page = await site.GetStringAsync("/disclosure/reports/2025");
        page.ShouldContain("三、收到和处理政府信息公开申请情况");
        page.ShouldContain("部分科室对依申请公开的时限把握不够。");
        (await site.GetStringAsync("/disclosure/reports")).ShouldContain("2025年政府信息公开工作年度报告");
    }

    [Fact]
    public async Task The_xlsx_has_the_official_table_with_merged_headings_and_numbers_as_numbers()
    {
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        var bytes = await staff.GetByteArrayAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025.xlsx");
        var book = Xlsx.Read(bytes);
        var sheet = book["2025年度报告"];
        sheet["A1"].ShouldContain("2025年政府信息公开工作年度报告");
        var newRow = sheet.Single(c => c.Value == "一、本年新收政府信息公开申请数量").Key[1..];
        sheet[$"D{newRow}"].ShouldBe("2");
        sheet[$"E{newRow}"].ShouldBe("1");
        sheet[$"J{newRow}"].ShouldBe("5");
        var carriedOut = sheet.Single(c => c.Value == "四、结转下年度继续办理").Key[1..];
        // The request carried into 2026 came from a research institute (科研机构, column F).
        sheet[$"F{carriedOut}"].ShouldBe("1");
        sheet[$"G{carriedOut}"].ShouldBe("0");
        sheet[$"J{carriedOut}"].ShouldBe("1");
        sheet.Values.ShouldContain("1.属于国家秘密");
        sheet.Values.ShouldContain("（三）不予公开");
        sheet.Values.ShouldContain("法人或其他组织");
        Xlsx.Merges(bytes, "2025年度报告").ShouldContain(m => m.StartsWith($"A{int.Parse(newRow, System.Globalization.CultureInfo.InvariantCulture) - 3}:", StringComparison.Ordinal));
        book["复议诉讼"]["A1"].ShouldBe("行政复议");
        book["复议诉讼"].Count(c => c.Key.EndsWith('3')).ShouldBe(15);
    }

    [Fact]
    public async Task The_pdf_is_printed_by_chromium_with_the_tables_in_it()
    {
        using var staff = await app.ClientWithTokenAsync("dept-editor", DisclosureFactory.Password);
        var response = await staff.GetAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/disclosure/annual-report/2025.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var (layout, pages) = await PdfText.ReadAsync(pdf);
        // The layout breaks long lines (the title wraps): compare without the whitespace.
        var text = string.Concat(layout.Where(c => !char.IsWhiteSpace(c)));
        text.ShouldContain("2025年政府信息公开工作年度报告");
        text.ShouldContain("本年新收政府信息公开申请数量");
        text.ShouldContain("属于国家秘密");
        pages.ShouldBeInRange(2, 6);
    }

    [Fact]
    public async Task Sites_without_last_years_report_are_reminded_in_january_and_escalated_after_the_thirty_first()
    {
        var sweep = app.Services.GetRequiredService<DeadlineAlerts>();
        async Task<List<AlertKind>> AlertsAsync(int siteId) => await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().DeadlineAlerts
            .Where(a => a.Work == ReportDeadlines.Work && a.ItemId == siteId).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
        app.Clock.SetChina(2026, 1, 5);
        await sweep.RunOnceAsync(default);
        (await AlertsAsync(app.OtherDepartment.Id)).ShouldBe([AlertKind.Reminder]);
        app.Clock.SetChina(2026, 2, 2);
        await sweep.RunOnceAsync(default);
        await sweep.RunOnceAsync(default);
        (await AlertsAsync(app.OtherDepartment.Id)).ShouldBe([AlertKind.Reminder, AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor]);
        app.Clock.SetChina(2026, 1, 12);
    }
}

/// <summary>The text and page count of a PDF, by poppler-utils (pdftotext, pdfinfo) as test.sh installs them.</summary>
public static class PdfText
{
    public static async Task<(string Text, int Pages)> ReadAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"govsite-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var text = await RunAsync("pdftotext", "-layout", file, "-");
            var info = await RunAsync("pdfinfo", file);
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
                System.Globalization.CultureInfo.InvariantCulture);
            return (text, pages);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{program} failed");
        return output;
    }
}
