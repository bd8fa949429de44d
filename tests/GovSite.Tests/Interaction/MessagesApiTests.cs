using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Interaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovSite.Tests.Interaction;

/// <summary>The public API: submit a message, look it up, and the protections around it.</summary>
public class MessagesApiTests(InteractionFactory app) : IClassFixture<InteractionFactory>
{
    private sealed record ReceiptBody(string Ticket, string QueryCode, string DueDate);

    private sealed record StatusBody(string Status, string DueDate, string? Reply);

    private static object Body(string phone, string subject = "关于小区停车位的咨询", string text = "请问小区新增停车位什么时候开始登记？", string? website = null) => new
    {
        channel = "consultation",
        name = "王五",
        phone,
        email = "wangwu@example.com",
        subject,
        text,
        isPublic = true,
        website,
    };

    [Fact]
    public async Task A_submitted_message_gets_a_ticket_a_query_code_and_a_due_date_seven_working_days_on()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", Body("13700000001"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptBody>())!;
        receipt.Ticket.ShouldMatch(@"^\d{14}$");
        receipt.QueryCode.Length.ShouldBe(8);
        var calendar = app.Services.GetRequiredService<GovSite.Calendar.CalendarService>().Current;
        var today = MessageService.LocalDate(DateTime.UtcNow);
        receipt.DueDate.ShouldBe(calendar.AddWorkingDays(today, 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var status = await client.GetFromJsonAsync<StatusBody>($"/api/v1/messages/{receipt.Ticket}?queryCode={receipt.QueryCode}");
        status!.Status.ShouldBe("received");
        status.DueDate.ShouldBe(receipt.DueDate);
        status.Reply.ShouldBeNull();
        // The lookup answers exactly these three fields.
        var raw = await client.GetStringAsync($"/api/v1/messages/{receipt.Ticket}?queryCode={receipt.QueryCode.ToLowerInvariant()}");
        JsonDocument.Parse(raw).RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "dueDate", "reply"]);
    }

    [Fact]
    public async Task A_lookup_needs_the_right_query_code()
    {
        using var client = app.CreateClient();
        var receipt = (await (await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", Body("13700000002"))).Content.ReadFromJsonAsync<ReceiptBody>())!;
        (await client.GetAsync($"/api/v1/messages/{receipt.Ticket}?queryCode=WRONG234")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/messages/{receipt.Ticket}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/messages/00000000000000?queryCode={receipt.QueryCode}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_fields_are_refused_with_chinese_messages_per_field()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", new { channel = "consultation", name = "", phone = "12345", subject = "", text = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("name")[0].GetString().ShouldBe("请填写姓名");
        errors.GetProperty("phone")[0].GetString()!.ShouldContain("手机号码");
        errors.GetProperty("subject")[0].GetString().ShouldBe("请填写标题");
        errors.GetProperty("text")[0].GetString()!.ShouldContain("留言内容");
    }

    [Fact]
    public async Task An_unknown_site_is_not_found_and_a_closed_channel_is_refused()
    {
        using var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/sites/0000000000/messages", Body("13700000003"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            var channel = db.MessageChannels.Single(c => c.SiteId == app.Department.Id && c.Kind == ChannelKind.Complaint);
            channel.IsOpen = false;
            return await db.SaveChangesAsync();
        });
        var body = new { channel = "complaint", name = "王五", phone = "13700000003", subject = "投诉", text = "投诉内容投诉内容" };
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.DepartmentCode}/messages", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请选择留言渠道");
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", Body("13700000004", subject: "机器人", website: "http://spam.example"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<GovSite.Data.GovSiteDb>().Messages.Count(m => m.Phone == "13700000004")))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_text_again_from_the_same_phone_is_a_duplicate()
    {
        using var client = app.CreateClient();
        var body = Body("13700000005", subject: "路灯不亮", text: "幸福路的路灯已经坏了一个月，请尽快维修。");
        (await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = Body("13700000005", subject: "路灯不亮！", text: "幸福路的路灯 已经坏了一个月，请尽快维修");
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", again);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("重复提交");
    }

    [Fact]
    public async Task Markup_typed_in_a_message_is_kept_as_text_and_never_stripped()
    {
        using var client = app.CreateClient();
        var text = "我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？<script>alert('x')</script>";
        var body = Body("13700000006", subject: "<b>标题</b> & \"引号\"", text: text);
        var receipt = (await (await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", body)).Content.ReadFromJsonAsync<ReceiptBody>())!;
        var stored = await app.MessageAsync(receipt.Ticket);
        stored.Subject.ShouldBe("<b>标题</b> & \"引号\"");
        stored.Text.ShouldBe(text);
    }

    [Fact]
    public async Task A_phone_number_is_limited_per_day_across_sites()
    {
        using var client = app.CreateClient();
        var limit = app.Services.GetRequiredService<IOptions<InteractionOptions>>().Value.MessagesPerPhonePerDay;
        for (var i = 0; i < limit; i++)
        {
            var site = i % 2 == 0 ? InteractionFactory.PortalCode : InteractionFactory.DepartmentCode;
            (await client.PostAsJsonAsync($"/api/v1/sites/{site}/messages", Body("13700000007", subject: $"第{i}条", text: $"不同的内容第{i}条内容"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var response = await client.PostAsJsonAsync($"/api/v1/sites/{InteractionFactory.PortalCode}/messages", Body("13700000007", subject: "再一条", text: "再一条不同的内容"));
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已达上限");
    }

    [Fact]
    public async Task An_address_is_limited_per_hour()
    {
        // The service's own limit, with a low setting: the suite's factory raises it for everything else.
        var outcome = await app.AsSystemAsync(async sp =>
        {
            var service = ActivatorUtilities.CreateInstance<MessageService>(sp,
                Options.Create(new InteractionOptions { MessagesPerIpPerHour = 2 }));
            SubmitOutcome last = null!;
            for (var i = 0; i < 3; i++)
            {
                last = await service.SubmitAsync(app.Portal.Id, new MessageInput
                {
                    Channel = ChannelKind.Suggestion, Name = "赵六", Phone = $"1360000000{i}", Subject = $"建议{i}", Text = $"建议内容第{i}条，谢谢",
                }, null, "192.0.2.77", default);
            }
            return last;
        });
        outcome.RateLimited.ShouldBeTrue();
        outcome.Receipt.ShouldBeNull();
    }

    [Fact]
    public async Task An_attachment_is_checked_by_its_content_not_its_name_and_kept_outside_the_web_root()
    {
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        var fake = "MZ this is an executable"u8.ToArray();
        var (good, bad, big, document) = await app.AsSystemAsync(async sp =>
        {
            var service = sp.GetRequiredService<MessageService>();
            MessageInput Input(string phone) => new() { Channel = ChannelKind.Consultation, Name = "钱七", Phone = phone, Subject = "附件" + phone, Text = "请看附件内容" + phone };
            var good = await service.SubmitAsync(app.Portal.Id, Input("13500000001"), new AttachmentUpload("scan.exe", pdf), null, default);
            var bad = await service.SubmitAsync(app.Portal.Id, Input("13500000002"), new AttachmentUpload("photo.pdf", fake), null, default);
            var big = await service.SubmitAsync(app.Portal.Id, Input("13500000003"), new AttachmentUpload("big.pdf", [.. pdf, .. new byte[3 * 1024 * 1024]]), null, default);
            // A real Word document: the file library takes it for an article, a citizen's message does not.
            var document = await service.SubmitAsync(app.Portal.Id, Input("13500000004"),
                new AttachmentUpload("材料.docx", GovSite.Tests.Publishing.FileSamples.Docx()), null, default);
            return (good, bad, big, document);
        });
        good.Receipt.ShouldNotBeNull();
        bad.Errors.ToDictionary()["Attachment"][0].ShouldContain("PDF、PNG 或 JPEG");
        big.Errors.ToDictionary()["Attachment"][0].ShouldContain("不能超过");
        document.Errors.ToDictionary()["Attachment"][0].ShouldContain("PDF、PNG 或 JPEG");
        var stored = await app.MessageAsync(good.Receipt!.Ticket);
        stored.AttachmentType.ShouldBe("application/pdf");
        stored.AttachmentFile!.ShouldEndWith(".pdf");
        stored.AttachmentFile.ShouldNotContain("scan");
        var files = app.Services.GetRequiredService<Attachments>();
        File.ReadAllBytes(files.PathOf(stored.AttachmentFile)).ShouldBe(pdf);
        files.Directory.ShouldNotContain("wwwroot");
    }
}
