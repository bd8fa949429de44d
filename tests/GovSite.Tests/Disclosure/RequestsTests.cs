using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.Interaction;
using GovSite.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>依申请公开 through the API and the services, on a clock the tests move: receipt, the clock's events, letters, fees and alerts.</summary>
public class RequestsTests(DisclosureFactory app) : IClassFixture<DisclosureFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<HttpClient> StaffAsync(string user = "dept-editor") => await app.ClientWithTokenAsync(user, DisclosureFactory.Password);

    private async Task<JsonElement> LookupAsync(string number, string code)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/information-requests/{number}?queryCode={code}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ActAsync(HttpClient staff, string number, string action, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/information-requests/{number}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task An_application_before_spring_festival_is_due_twenty_working_days_later_and_the_applicant_follows_it()
    {
        app.Clock.SetChina(2026, 2, 6);
        var receipt = await app.ApplyAsync();
        receipt.Number.ShouldMatch(@"^GK20260206\d{6}$");
        receipt.QueryCode.Length.ShouldBe(8);
        receipt.ReceivedOn.ShouldBe("2026-02-06");
        receipt.DueDate.ShouldBe("2026-03-12");

        var status = await LookupAsync(receipt.Number, receipt.QueryCode.ToLowerInvariant());
        status.GetProperty("status").GetString().ShouldBe("handling");
        status.GetProperty("dueDate").GetString().ShouldBe("2026-03-12");
        status.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["Received"]);
        status.GetProperty("staff").ValueKind.ShouldBe(JsonValueKind.Null);

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/api/v1/information-requests/{receipt.Number}?queryCode=WRONG234")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/v1/information-requests/{receipt.Number}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The ID image is the site's file: its staff may read it, nobody else.
        var fileId = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.Where(r => r.Number == receipt.Number)
            .Select(r => r.IdFileId).SingleAsync());
        fileId.ShouldNotBeNull();
        (await anonymous.GetAsync($"/files/{fileId}/x.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var staff = await StaffAsync();
        (await staff.GetAsync($"/files/{fileId}/x.png")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_chinese_and_nothing_is_stored()
    {
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.CountAsync());
        var body = DisclosureFactory.Application(idNumber: "110101199003070039");
        body["applicantKind"] = null;
        body["description"] = "  ";
        body["email"] = null;
        body["idImage"] = null;
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("applicantKind")[0].GetString()!.ShouldContain("申请人类型");
        errors.GetProperty("idNumber")[0].GetString()!.ShouldContain("校验位");
        errors.GetProperty("description")[0].GetString()!.ShouldContain("所需政府信息");
        errors.GetProperty("email")[0].GetString()!.ShouldContain("电子邮箱");
        errors.GetProperty("idImage")[0].GetString()!.ShouldContain("证件");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.CountAsync())).ShouldBe(before);

        // An organisation needs a credit code, a legal representative and a contact.
        var organisation = DisclosureFactory.Application();
        organisation["applicantKind"] = "Company";
        organisation["idKind"] = "ResidentIdCard";
        var refused = await (await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests", organisation))
            .Content.ReadFromJsonAsync<JsonElement>();
        refused.GetProperty("errors").GetProperty("idKind")[0].GetString()!.ShouldContain("统一社会信用代码");
        refused.GetProperty("errors").GetProperty("legalRepresentative")[0].GetString()!.ShouldContain("法定代表人");
        organisation["idKind"] = "CreditCode";
        organisation["idNumber"] = "91350100M000100Y43";
        organisation["legalRepresentative"] = "张三";
        organisation["contactName"] = "李四";
        (await app.ApplyAsync(body: organisation)).Number.ShouldStartWith("GK");
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_with_a_chinese_message_or_kept_away_from_the_public()
    {
        foreach (var upload in HostileUploads.All().Where(u => u.Bytes.Length < 3 * 1024 * 1024))
        {
            var body = DisclosureFactory.Application();
            body["idImage"] = Convert.ToBase64String(upload.Bytes);
            body["idImageName"] = upload.FileName;
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests", body);
            var text = await response.Content.ReadAsStringAsync();
            var isImage = upload.Bytes.Length > 4 && (upload.Bytes[0] == 0x89 || upload.Bytes[0] == 0xFF || (upload.Bytes[0] == '%' && upload.Bytes[1] == 'P'));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                // Only what starts as a PNG, JPEG or PDF gets in, and then only staff read it, as that type.
                isImage.ShouldBeTrue($"{upload.Kind} {upload.FileName} was accepted");
                var number = JsonDocument.Parse(text).RootElement.GetProperty("number").GetString();
                var file = await app.AsSystemAsync(sp => (from r in sp.GetRequiredService<GovSiteDb>().InformationRequests
                                                          join f in sp.GetRequiredService<GovSiteDb>().StoredFiles on r.IdFileId equals f.Id
                                                          where r.Number == number select f).SingleAsync());
                file.ContentType.ShouldBeOneOf("image/png", "image/jpeg", "application/pdf");
                using var anonymous = app.CreateClient();
                (await anonymous.GetAsync(file.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{upload.Kind} {upload.FileName}: {text}");
                var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
                if (upload.FileName.Contains('\0', StringComparison.Ordinal))
                {
                    // A NUL in a JSON string is refused while the body is read, under the field that holds it.
                    errors.TryGetProperty("idImageName", out var name).ShouldBeTrue(text);
                    name[0].GetString()!.ShouldContain("idImageName");
                }
                else
                {
                    errors.TryGetProperty("idImage", out var image).ShouldBeTrue($"{upload.Kind} {upload.FileName}: {text}");
                    image[0].GetString()!.ShouldContain("证件");
                }
            }
        }
    }

    [Fact]
    public async Task Staff_run_a_request_through_correction_third_party_extension_and_answer_and_every_step_is_a_letter_or_an_event()
    {
        app.Clock.SetChina(2026, 9, 15);
        var receipt = await app.ApplyAsync();
        receipt.DueDate.ShouldBe("2026-10-19");
        using var staff = await StaffAsync();
        await ActAsync(staff, receipt.Number, "assign", new { office = "政策法规科" });

        // 补正 after the seventh working day is refused; within it, it stops the clock.
        app.Clock.SetChina(2026, 9, 25);
        // Seven working days from Tue 15 Sep: 16–18, Sun 20 (调休), 21–23 Sep.
        var late = await ActAsync(staff, receipt.Number, "correction", new { text = "请写明所需文件的年份和名称。", on = "2026-09-24" }, HttpStatusCode.BadRequest);
        late.GetProperty("errors").GetProperty("on")[0].GetString()!.ShouldContain("最迟 2026-09-23");
        var asked = await ActAsync(staff, receipt.Number, "correction", new { text = "请写明所需文件的年份和名称。", on = "2026-09-23" });
        asked.GetProperty("status").GetString().ShouldBe("awaitingCorrection");
        // Completed on Tue 29 Sep: twenty working days from then (30 Sep, 8–10 Oct, 12–16, 19–23, 26–30 Oct, 2 Nov).
        app.Clock.SetChina(2026, 9, 29);
        var restarted = await ActAsync(staff, receipt.Number, "correction-received", new { text = "申请人补充：2025年度供地计划。" });
        restarted.GetProperty("dueDate").GetString().ShouldBe("2026-11-02");

        app.Clock.SetChina(2026, 10, 9);
        var paused = await ActAsync(staff, receipt.Number, "third-party", new { party = "测试房地产开发有限公司", text = "涉及企业商业信息。" });
        paused.GetProperty("status").GetString().ShouldBe("thirdParty");
        paused.GetProperty("dueDateProvisional").GetBoolean().ShouldBeTrue();
        app.Clock.SetChina(2026, 10, 16);
        await ActAsync(staff, receipt.Number, "third-party-opinion", new { text = "第三方同意公开。" });
        var extended = await ActAsync(staff, receipt.Number, "extend", new { days = 10, approvedBy = "赵局长", reason = "需要调取档案室历史资料" });
        extended.GetProperty("extended").GetBoolean().ShouldBeTrue();
        (await ActAsync(staff, receipt.Number, "extend", new { days = 5, approvedBy = "赵局长", reason = "再次延期试试" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("days")[0].GetString()!.ShouldContain("只能延期一次");

        var refusedAnswer = await ActAsync(staff, receipt.Number, "answer", new { type = "Refused" }, HttpStatusCode.BadRequest);
        refusedAnswer.GetProperty("errors").GetProperty("ground")[0].GetString()!.ShouldContain("法定理由");
        refusedAnswer.GetProperty("errors").GetProperty("detail")[0].GetString()!.ShouldContain("理由");
        var answered = await ActAsync(staff, receipt.Number, "answer", new
        {
            type = "AlreadyPublic", detail = "该信息已于2025年3月在本局网站“政府信息公开目录—规划计划”栏目公开，网址 https://zrzyj.gk.test.gov.cn/articles/1。",
        });
        answered.GetProperty("status").GetString().ShouldBe("answered");

        var applicant = await LookupAsync(receipt.Number, receipt.QueryCode);
        applicant.GetProperty("answerTypeText").GetString().ShouldBe("已主动公开");
        var kinds = applicant.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["Received", "Assigned", "CorrectionRequested", "CorrectionReceived", "ThirdPartyConsulted", "ThirdPartyReplied", "Extended", "Answered"]);
        // The applicant sees the letters addressed to them, not the third party's.
        var letters = applicant.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("kind").GetString()).ToList();
        letters.ShouldBe(["Correction", "Extension", "Decision"]);
        var stored = await app.AsSystemAsync(sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            return (from l in db.RequestLetters join r in db.InformationRequests on l.RequestId equals r.Id
                    where r.Number == receipt.Number orderby l.Id select l).ToListAsync();
        });
        stored.Select(l => l.Kind).ShouldBe([LetterKind.Correction, LetterKind.ThirdParty, LetterKind.Extension, LetterKind.Decision]);
        stored.Single(l => l.Kind == LetterKind.Decision).Body.ShouldContain("第三十六条第（一）项");
        stored.Single(l => l.Kind == LetterKind.Extension).Body.ShouldContain("赵局长");
        stored.Single(l => l.Kind == LetterKind.ThirdParty).Addressee.ShouldBe("测试房地产开发有限公司");
        stored.Select(l => l.Reference).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task Another_sites_staff_cannot_see_or_act_on_a_request()
    {
        var receipt = await app.ApplyAsync();
        using var other = await StaffAsync("other-editor");
        (await other.GetAsync($"/api/v1/information-requests/{receipt.Number}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/information-requests/{receipt.Number}/assign", new { office = "办公室" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var mine = await StaffAsync();
        var seen = await (await mine.GetAsync($"/api/v1/information-requests/{receipt.Number}")).Content.ReadFromJsonAsync<JsonElement>();
        seen.GetProperty("staff").GetProperty("idNumber").GetString().ShouldBe("110101199003070038");
    }

    [Fact]
    public async Task Only_those_who_handle_a_request_see_the_applicants_whole_id_number()
    {
        var receipt = await app.ApplyAsync();
        async Task<string> ShownToAsync(string user)
        {
            using var client = await StaffAsync(user);
            var seen = await (await client.GetAsync($"/api/v1/information-requests/{receipt.Number}")).Content.ReadFromJsonAsync<JsonElement>();
            return seen.GetProperty("staff").GetProperty("idNumber").GetString()!;
        }
        (await ShownToAsync("dept-editor")).ShouldBe("110101199003070038");
        (await ShownToAsync("dept-admin")).ShouldBe("110101199003070038");
        // The site's reviewer and the region's supervisor read the request, but not who the applicant is by number.
        (await ShownToAsync("dept-reviewer")).ShouldBe("1101**********0038");
        (await ShownToAsync("supervisor")).ShouldBe("1101**********0038");

        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.Where(r => r.Number == receipt.Number).Select(r => r.Id).SingleAsync());
        using (var reviewer = await BackOfficeSession.SignInAsync(app, "dept-reviewer", DisclosureFactory.Password))
        {
            var page = await reviewer.OpenAsync($"/admin/disclosure/requests/{id}");
            page.Document.QuerySelector("#id-number")!.TextContent.ShouldBe("1101**********0038");
            page.Html.ShouldNotContain("110101199003070038");
        }
        using var editor = await BackOfficeSession.SignInAsync(app, "dept-editor", DisclosureFactory.Password);
        (await editor.OpenAsync($"/admin/disclosure/requests/{id}")).Document.QuerySelector("#id-number")!.TextContent.ShouldBe("110101199003070038");
    }

    [Theory]
    [InlineData("110101199003070038", "1101**********0038")]
    [InlineData("91350100M000100Y43", "9135**********0Y43")]
    [InlineData("G1234567", "G1****67")]
    [InlineData("A12", "A*2")]
    [InlineData("AB", "**")]
    public void An_id_number_keeps_only_its_ends(string id, string shown) => RequestService.MaskIdNumber(id).ShouldBe(shown);

    [Fact]
    public async Task Fees_count_per_applicant_per_calendar_month_by_one_method_and_stop_the_clock_until_paid()
    {
        app.Clock.SetChina(2026, 3, 2);
        var id = "110101198505120029";
        var receipts = new List<DisclosureFactory.Receipt>();
        for (var i = 0; i < 11; i++)
        {
            receipts.Add(await app.ApplyAsync(body: DisclosureFactory.Application(idNumber: id, description: $"请公开第{i + 1}批征地补偿安置方案。")));
        }
        using var staff = await StaffAsync();
        // The tenth request of the month is free by the request.
        (await ActAsync(staff, receipts[9].Number, "fee", new { method = "ByRequests" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("method")[0].GetString()!.ShouldContain("第 10 件");
        var eleventh = await ActAsync(staff, receipts[10].Number, "fee", new { method = "ByRequests" });
        eleventh.GetProperty("fee").GetDecimal().ShouldBe(100m);
        eleventh.GetProperty("status").GetString().ShouldBe("awaitingFee");
        // One method per request, never both.
        (await ActAsync(staff, receipts[10].Number, "fee", new { method = "ByPages", pages = 40 }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("method")[0].GetString()!.ShouldContain("已发出过收费通知");
        // By pages: 31 pages of one request cost ¥10.
        var byPages = await ActAsync(staff, receipts[0].Number, "fee", new { method = "ByPages", pages = 31 });
        byPages.GetProperty("fee").GetDecimal().ShouldBe(10m);
        // A second request charged by the page continues the month's count: pages 32–101, sixty-nine at ¥10 and the 101st at ¥20.
        (await ActAsync(staff, receipts[1].Number, "fee", new { method = "ByPages", pages = 70 })).GetProperty("fee").GetDecimal().ShouldBe(710m);
        (await ActAsync(staff, receipts[2].Number, "fee", new { method = "ByPages", pages = 1 })).GetProperty("fee").GetDecimal().ShouldBe(20m);
        // Not abandoned before the twenty working days to pay (until 30 March) have passed.
        (await ActAsync(staff, receipts[0].Number, "close", new { reason = "Unpaid" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("on")[0].GetString()!.ShouldContain("缴费期限（2026-03-30）");

        // The next month starts again from the first request.
        app.Clock.SetChina(2026, 4, 1);
        var april = await app.ApplyAsync(body: DisclosureFactory.Application(idNumber: id, description: "请公开四月份的征地公告。"));
        (await ActAsync(staff, april.Number, "fee", new { method = "ByRequests" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("method")[0].GetString()!.ShouldContain("第 1 件");

        // Paid: the clock runs again; unpaid past the 20 working days: deemed abandoned.
        var paid = await ActAsync(staff, receipts[10].Number, "fee-paid", new { text = "已通过银行转账缴纳。" });
        paid.GetProperty("status").GetString().ShouldBe("handling");
        var closed = await ActAsync(staff, receipts[0].Number, "close", new { reason = "Unpaid" });
        closed.GetProperty("status").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task Staff_record_a_posted_request_with_its_date_of_receipt_and_a_future_date_is_refused()
    {
        app.Clock.SetChina(2026, 2, 27);
        using var staff = await StaffAsync();
        var body = DisclosureFactory.Application();
        body["idImage"] = null;
        body["channel"] = "SignedPost";
        body["receivedOn"] = "2026-03-02";
        var future = await staff.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests/recorded", body);
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("receivedOn")[0].GetString()!.ShouldContain("不能晚于今天");
        body["receivedOn"] = "2026-02-13";
        var recorded = await staff.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests/recorded", body);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = (await recorded.Content.ReadFromJsonAsync<DisclosureFactory.Receipt>())!;
        // Signed for on Friday 13 Feb: Sat 14 Feb, 24–27 Feb, Sat 28 Feb, 2–6, 9–13, 16–19 March.
        r.ReceivedOn.ShouldBe("2026-02-13");
        r.DueDate.ShouldBe("2026-03-19");
        var view = await (await staff.GetAsync($"/api/v1/information-requests/{r.Number}")).Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("events")[0].GetProperty("text").GetString()!.ShouldContain("签收之日");
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/information-requests/recorded", body)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_running_request_is_reminded_before_its_deadline_and_escalated_after_it_once_and_a_stopped_one_is_left_alone()
    {
        app.Clock.SetChina(2026, 5, 6);
        var running = await app.ApplyAsync(body: DisclosureFactory.Application(description: "请公开本县2026年度建设用地供应计划。"));
        var stopped = await app.ApplyAsync(body: DisclosureFactory.Application(description: "请公开本县2026年度耕地保护目标。"));
        using var staff = await StaffAsync();
        await ActAsync(staff, stopped.Number, "correction", new { text = "请写明所需信息的年份。" });
        var due = DateOnly.Parse(running.DueDate, System.Globalization.CultureInfo.InvariantCulture);
        async Task<List<DeadlineAlert>> AlertsAsync(string number) => await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var id = await db.InformationRequests.Where(r => r.Number == number).Select(r => r.Id).SingleAsync();
            return await db.DeadlineAlerts.Where(a => a.Work == RequestDeadlines.Work && a.ItemId == id).OrderBy(a => a.Id).ToListAsync();
        });
        var sweep = app.Services.GetRequiredService<DeadlineAlerts>();
        app.Clock.SetChina(due.Year, due.Month, due.Day, 9);
        await sweep.RunOnceAsync(default);
        await sweep.RunOnceAsync(default);
        (await AlertsAsync(running.Number)).Select(a => a.Kind).ShouldBe([AlertKind.Reminder]);
        var after = due.AddDays(10);
        app.Clock.SetChina(after.Year, after.Month, after.Day, 9);
        await sweep.RunOnceAsync(default);
        var alerts = await AlertsAsync(running.Number);
        alerts.Select(a => a.Kind).ShouldBe([AlertKind.Reminder, AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor]);
        alerts[0].Link.ShouldStartWith("/admin/disclosure/requests/");
        alerts[0].Title.ShouldContain("建设用地供应计划");
        (await AlertsAsync(stopped.Number)).ShouldBeEmpty();
    }
}
