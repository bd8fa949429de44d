using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>
/// The services platform with a stand-in for the provincial hall on loopback: its item pages
/// answer (or not) and it is the only hall host the link check may contact.
/// </summary>
public sealed class ImportFactory : ServicesFactory
{
    private WebApplication? _hall;

    public string HallBase { get; private set; } = "";

    public override string? HallHosts => new Uri(HallBase).Authority;

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _hall = builder.Build();
        _hall.MapGet("/item/{code}", (string code) => code.StartsWith("GONE", StringComparison.Ordinal) ? Results.NotFound() : Results.Text("办事页面"));
        await _hall.StartAsync();
        HallBase = _hall.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_hall is not null)
        {
            await _hall.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    public Task<ServiceImportSource> SourceAsync(string name, ImportFormat format, string mapping = "", string departments = "", string? location = null,
        bool publish = true) =>
        AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var source = new ServiceImportSource
            {
                Name = name, Format = format, Mapping = mapping, DepartmentSites = departments, SiteId = Portal.Id, PublishComplete = publish,
                Location = location, IntervalHours = location is null ? 0 : 24, CreatedAt = DateTime.UtcNow,
            };
            db.ServiceImportSources.Add(source);
            await db.SaveChangesAsync();
            return source;
        });

    public Task<ServiceImportRun> ImportAsync(ServiceImportSource source, string export, bool allowMass = false) =>
        AsSystemAsync(sp => sp.GetRequiredService<ServiceImporter>().ImportAsync(source, new MemoryStream(Encoding.UTF8.GetBytes(export)), allowMass));

    public Task<List<ServiceItem>> ItemsAsync(int sourceId) =>
        AsSystemAsync(sp => ServiceEditor.WithLists(sp.GetRequiredService<GovSiteDb>().ServiceItems).Where(i => i.SourceId == sourceId).OrderBy(i => i.Code).ToListAsync());
}

/// <summary>Imports from the provincial hall's export: what changes, what is refused and why, what is withdrawn, which hall links lead nowhere.</summary>
public class ServiceImportTests(ImportFactory app) : IClassFixture<ImportFactory>
{
    private const string Header = "事项编码,事项名称,事项类型,服务对象,主题分类,人生事件,企业事件,实施机构,设定依据,受理条件,申请材料,办理地点,收费标准,办理时间,法定办结时限,承诺办结时限,咨询电话,在线办理地址,网上办理深度,办理流程,事项状态";

    private async Task RunQueueAsync()
    {
        var worker = app.Services.GetRequiredService<JobWorker>();
        for (var i = 0; i < 50 && await worker.RunDueAsync(default) > 0; i++)
        {
        }
    }

    private string Row(string code, string name, string fee = "不收费", string status = "在用", string basis = "《社会救助暂行办法》第九条", string? hall = null,
        string department = "测试服务市民政局") =>
        string.Join(',', new[]
        {
            code, name, "行政给付", "自然人", "社会保障", "就医", "", department, basis, "家庭人均收入低于当地最低生活保障标准",
            "\"居民身份证（原件1份，复印件1份）\n户口簿（原件1份）\n收入证明（复印件2份，如有）\"", "政务服务中心民政窗口", fee,
            "法定工作日9:00—17:00", "30个工作日", "20", "0591-1234567", hall ?? $"{app.HallBase}/item/{code}", "在线受理", "\"1.受理：窗口收件\n2.审核\n3.审批\"", status,
        });

    [Fact]
    public async Task A_csv_export_adds_complete_items_publicly_keeps_incomplete_ones_as_drafts_and_refuses_bad_rows_by_line()
    {
        var source = await app.SourceAsync("省级平台 CSV", ImportFormat.Csv);
        var csv = string.Join('\n', Header, Row("I100", "最低生活保障金申领"), Row("I101", "临时救助申请", basis: "暂无"),
            Row("坏 编码", "编码有空格的事项"), Row("I103", "特困人员认定", fee: "按规定收取"));
        var run = await app.ImportAsync(source, csv);

        run.Error.ShouldBeNull();
        (run.Rows, run.Added, run.Rejected, run.Incomplete).ShouldBe((4, 3, 1, 1));
        var report = ServiceImporter.ReportOf(run);
        var rejected = report.Single(c => c.Kind == ImportChangeKind.Rejected);
        rejected.Line.ShouldBe(12, "the header is line 1 and each row spans five lines (materials and steps one per line)");
        rejected.Detail.ShouldContain("事项编码只能由字母");
        report.Single(c => c.Kind == ImportChangeKind.Incomplete).Detail.ShouldContain("设定依据");

        var items = await app.ItemsAsync(source.Id);
        items.Select(i => (i.Code, i.Status)).ShouldBe([("I100", ServiceItemStatus.Published), ("I101", ServiceItemStatus.Draft), ("I103", ServiceItemStatus.Published)]);
        var first = items[0];
        first.Materials.OrderBy(m => m.SortOrder).Select(m => (m.Name, m.Form, m.Originals, m.Copies, m.Required)).ShouldBe(
        [
            ("居民身份证", MaterialForm.OriginalAndCopy, 1, 1, true), ("户口簿", MaterialForm.Original, 1, 0, true), ("收入证明", MaterialForm.Copy, 0, 2, false),
        ]);
        first.Steps.OrderBy(s => s.SortOrder).Select(s => s.Name).ShouldBe(["受理", "审核", "审批"]);
        (first.LegalDays, first.PromisedDays, first.OnlineDepth).ShouldBe((30, 20, OnlineDepth.OnlineAcceptance));
        items.Single(i => i.Code == "I103").VagueCount.ShouldBe(1);
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/services/I100")).ShouldContain("最低生活保障金申领");
    }

    [Fact]
    public async Task A_later_export_updates_what_changed_and_withdraws_what_the_province_cancelled_or_left_out()
    {
        var source = await app.SourceAsync("省级平台 CSV 同步", ImportFormat.Csv);
        await app.ImportAsync(source, string.Join('\n', Header, Row("S200", "高龄津贴申领"), Row("S201", "残疾人两项补贴"), Row("S202", "殡葬补贴"),
            Row("S203", "孤儿基本生活费")));
        var run = await app.ImportAsync(source, string.Join('\n', Header, Row("S200", "高龄津贴申领", fee: "不收取任何费用"), Row("S201", "残疾人两项补贴"),
            Row("S202", "殡葬补贴", status: "已取消")));

        (run.Updated, run.Unchanged, run.Withdrawn, run.Added).ShouldBe((1, 1, 2, 0));
        var report = ServiceImporter.ReportOf(run);
        report.Single(c => c.Kind == ImportChangeKind.Updated).Detail.ShouldBe("变更：收费标准");
        report.Where(c => c.Kind == ImportChangeKind.Withdrawn).Select(c => (c.Code, c.Detail)).ShouldBe(
            [("S202", "省级平台已取消该事项"), ("S203", "省级平台导出中已无该事项")], ignoreOrder: true);
        var items = await app.ItemsAsync(source.Id);
        items.Single(i => i.Code == "S200").Fee.ShouldBe("不收取任何费用");
        items.Where(i => i.Code is "S202" or "S203").ShouldAllBe(i => i.Status == ServiceItemStatus.Withdrawn);
        using var visitor = app.CreateClient();
        (await visitor.GetAsync($"/sites/{ServicesFactory.PortalCode}/services/S203")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Listed again: published again.
        var back = await app.ImportAsync(source, string.Join('\n', Header, Row("S200", "高龄津贴申领", fee: "不收取任何费用"), Row("S201", "残疾人两项补贴"),
            Row("S203", "孤儿基本生活费")));
        back.Updated.ShouldBe(1);
        (await visitor.GetAsync($"/sites/{ServicesFactory.PortalCode}/services/S203")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_json_export_is_read_through_the_sources_mapping_and_departments_go_to_their_own_sites()
    {
        var source = await app.SourceAsync("省级平台 JSON", ImportFormat.Json,
            mapping: "code=basic.itemCode\nname=basic.itemName\ndepartment=basic.deptName\nmaterials=materials\nsteps=flow\naudience=target",
            departments: $"测试服务市民政局={ServicesFactory.DepartmentCode}");
        var json = JsonSerializer.Serialize(new
        {
            data = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["basic"] = new { itemCode = "J300", itemName = "结婚登记", deptName = "测试服务市民政局" }, ["target"] = "个人",
                    ["事项类型"] = "行政确认", ["设定依据"] = "《婚姻登记条例》第四条", ["受理条件"] = "双方自愿，达到法定婚龄", ["办理地点"] = "婚姻登记处",
                    ["收费标准"] = "不收费", ["办理时间"] = "工作日", ["咨询电话"] = "0591-1111111", ["在线办理地址"] = $"{app.HallBase}/item/J300", ["网上办理深度"] = "在线预审",
                    ["materials"] = new[] { new { name = "居民身份证", form = "原件", originals = 1 }, new { name = "户口簿", form = "原件", originals = 1 } },
                    ["flow"] = new[] { new { name = "申请" }, new { name = "审查" }, new { name = "颁证" } },
                },
                new Dictionary<string, object?>
                {
                    ["basic"] = new { itemCode = "J301", itemName = "公共场所卫生许可", deptName = "测试服务市卫生健康委员会" }, ["target"] = "法人",
                    ["事项类型"] = "行政许可", ["设定依据"] = "《公共场所卫生管理条例》第八条", ["受理条件"] = "经营公共场所", ["办理地点"] = "政务服务中心",
                    ["收费标准"] = "不收费", ["办理时间"] = "工作日", ["咨询电话"] = "0591-2222222", ["网上办理深度"] = "信息公开",
                    ["materials"] = new[] { "申请表（原件1份）" }, ["flow"] = "受理；审查；决定",
                },
                "不是对象",
            },
        });
        var run = await app.ImportAsync(source, json);
        (run.Added, run.Rejected, run.MissingHallLinks).ShouldBe((2, 1, 1));
        ServiceImporter.ReportOf(run).Single(c => c.Kind == ImportChangeKind.Rejected).Line.ShouldBe(3);
        var items = await app.ItemsAsync(source.Id);
        items.Single(i => i.Code == "J300").SiteId.ShouldBe(app.Department.Id);
        items.Single(i => i.Code == "J301").SiteId.ShouldBe(app.Portal.Id);
        items.Single(i => i.Code == "J301").ForEnterprises.ShouldBeTrue();
        items.Single(i => i.Code == "J300").Materials.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.Status == ServiceItemStatus.Published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not,a,catalogue\n\"unclosed quote")]
    [InlineData("\u0000\u0001\u0002\uFFFD")]
    [InlineData("{\"data\": [")]
    [InlineData("[1, 2, 3]")]
    public async Task A_broken_export_crashes_nothing_and_withdraws_nothing(string export)
    {
        foreach (var format in new[] { ImportFormat.Csv, ImportFormat.Json })
        {
            var source = await app.SourceAsync("坏文件 " + format, format);
            await app.ImportAsync(source, string.Join('\n', Header, Row("B" + (int)format + export.Length, "先导入的事项")));
            var run = await app.ImportAsync(source, export);
            (run.Added + run.Updated + run.Withdrawn).ShouldBe(0);
            (await app.ItemsAsync(source.Id)).ShouldAllBe(i => i.Status == ServiceItemStatus.Published);
        }
    }

    [Fact]
    public async Task Random_bytes_in_either_format_are_read_without_a_crash()
    {
        var random = new Random(18);
        var source = await app.SourceAsync("随机字节", ImportFormat.Csv);
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            source.Format = i % 2 == 0 ? ImportFormat.Csv : ImportFormat.Json;
            var run = await app.AsSystemAsync(sp => sp.GetRequiredService<ServiceImporter>().ImportAsync(source, new MemoryStream(bytes)));
            run.FinishedAt.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task An_export_that_drops_more_than_half_the_items_is_taken_for_a_truncated_one_until_someone_confirms_it()
    {
        var source = await app.SourceAsync("截断检测", ImportFormat.Csv);
        var rows = Enumerable.Range(0, 24).Select(i => Row($"T4{i:00}", $"测试事项{i}")).ToList();
        await app.ImportAsync(source, string.Join('\n', rows.Prepend(Header)));
        var truncated = string.Join('\n', rows.Take(5).Prepend(Header));
        var run = await app.ImportAsync(source, truncated);
        run.Withdrawn.ShouldBe(0);
        run.Error!.ShouldContain("疑似导出不完整");
        var confirmed = await app.ImportAsync(source, truncated, allowMass: true);
        confirmed.Withdrawn.ShouldBe(19);
    }

    [Fact]
    public async Task Hall_links_are_checked_only_on_allowed_hosts_and_a_broken_one_is_reported_and_hidden()
    {
        var source = await app.SourceAsync("链接检查", ImportFormat.Csv);
        await app.ImportAsync(source, string.Join('\n', Header, Row("H500", "链接正常的事项"), Row("GONE501", "链接失效的事项"),
            Row("H502", "外网链接的事项", hall: "https://hall.example.invalid/item/H502")));
        // The import queued the check; the worker runs it (and whatever else earlier tests queued).
        await RunQueueAsync();
        var items = (await app.ItemsAsync(source.Id)).ToDictionary(i => i.Code);
        items["H500"].HallCheckedAt.ShouldNotBeNull();
        items["H500"].HallBroken.ShouldBeFalse();
        items["GONE501"].HallBroken.ShouldBeTrue();
        items["GONE501"].HallError.ShouldBe("HTTP 404");
        items["H502"].HallCheckedAt.ShouldBeNull("a host nobody allowed is never contacted");
        using var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/services/GONE501");
        page.ShouldNotContain("/item/GONE501");
        page.ShouldContain("本事项请到办理地点现场办理");
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/services/H500")).ShouldContain($"{app.HallBase}/item/H500");
        using var admin = await PublicSite.PublicTestHelpers.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        (await admin.GetStringAsync($"/admin/sites/{app.Portal.Id}/services?filter=brokenhall")).ShouldContain("链接失效的事项");
    }

    [Fact]
    public async Task The_api_imports_an_uploaded_export_for_those_allowed_and_a_scheduled_import_reads_the_sources_file()
    {
        var file = Path.Combine(app.Database.DataDirectory, "hall-export.csv");
        await File.WriteAllTextAsync(file, string.Join('\n', Header, Row("U600", "上传导入的事项")));
        var source = await app.SourceAsync("接口导入", ImportFormat.Csv, location: file);

        using var outsider = await app.ClientWithTokenAsync("other-editor", ServicesFactory.Password);
        using var denied = new MultipartFormDataContent { { new StringContent(source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "sourceId" } };
        (await outsider.PostAsync("/api/v1/services/import", denied)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await app.AdminClientAsync();
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "sourceId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', Header, Row("U601", "接口上传的事项")))) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "export.csv" },
        };
        var response = await admin.PostAsync("/api/v1/services/import", upload);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("added").GetInt32().ShouldBe(1);
        body.GetProperty("changes")[0].GetProperty("code").GetString().ShouldBe("U601");
        (await admin.PostAsJsonAsync("/api/v1/services/import", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The schedule puts the source's import in the queue once per interval; the worker runs it from the file.
        var scheduler = app.Services.GetRequiredService<ServiceImportScheduler>();
        (await scheduler.TickAsync(default)).ShouldBeGreaterThan(0);
        (await scheduler.TickAsync(default)).ShouldBe(0);
        await RunQueueAsync();
        var items = await app.ItemsAsync(source.Id);
        items.Select(i => (i.Code, i.Status)).ShouldBe([("U600", ServiceItemStatus.Published), ("U601", ServiceItemStatus.Withdrawn)]);
    }
}
