using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Data;
using GovSite.Tests.Interaction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// The upload-attack platform with what the imports need: a quality word list, a site migration in
/// planning (the department integrated into the portal) and a services import source of each format.
/// </summary>
public sealed class UploadImportFactory : InteractionFactory
{
    /// <summary>The services import's limit here, so that "too large" stays cheap to send.</summary>
    public const int ServicesMaxBytes = 2 * 1024 * 1024;

    public int QualityListId { get; private set; }

    public int CsvSourceId { get; private set; }

    public int JsonSourceId { get; private set; }

    public string RegionCode { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Services:ImportMaxBytes", ServicesMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            RegionCode = await db.Regions.Where(r => r.Id == Portal.RegionId).Select(r => r.Code).SingleAsync();
            var list = await sp.GetRequiredService<GovSite.Publishing.Quality.QualityLists>().CreateAsync(Portal.Id,
                GovSite.Publishing.Quality.QualityListKind.SensitiveWords, "导入测试词库", GovSite.Publishing.Quality.QualitySeverity.Block);
            list.Succeeded.ShouldBeTrue(string.Join("；", list.Errors.All.SelectMany(e => e.Value)));
            QualityListId = list.Value!.Id;
            foreach (var format in new[] { GovSite.Services.ImportFormat.Csv, GovSite.Services.ImportFormat.Json })
            {
                var source = new GovSite.Services.ServiceImportSource { Name = "省级平台 " + format, Format = format, SiteId = Portal.Id, CreatedAt = DateTime.UtcNow };
                db.ServiceImportSources.Add(source);
                await db.SaveChangesAsync();
                (CsvSourceId, JsonSourceId) = format == GovSite.Services.ImportFormat.Csv ? (source.Id, JsonSourceId) : (CsvSourceId, source.Id);
            }
            return 0;
        });
        using var admin = await AdminClientAsync();
        var migration = await admin.PostAsJsonAsync($"/api/v1/sites/{DepartmentCode}/migration", new { target = PortalCode, kind = "integration" });
        migration.StatusCode.ShouldBe(HttpStatusCode.OK, await migration.Content.ReadAsStringAsync());
    }

    /// <summary>Every file under the data directory's upload folders.</summary>
    public int StoredFileCount()
    {
        var root = Database.DataDirectory;
        return new[] { "files", "attachments" }.Select(f => Path.Combine(root, f))
            .Where(Directory.Exists).Sum(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories).Length);
    }
}

/// <summary>
/// Issue 21: the imports that only read a file (CSV, JSON, a word list) sent what a hostile or
/// careless user sends instead of a table: a file over the limit, a zip bomb named .xlsx, a program
/// named .csv, text that is not UTF-8 (broken bytes, GBK, UTF-16 without a byte-order mark or with
/// a lone surrogate), a 10 MB line, NUL bytes, JSON nested 100,000 deep, and cells that a
/// spreadsheet would run as formulas. Each is refused as a whole with a Chinese message that names
/// the field (or, for formula cells, the bad lines are named), nothing of it is imported, nothing
/// lands in the file store, and no request fails with a 500.
/// </summary>
public sealed class UploadAttackImportTests(UploadImportFactory app) : IClassFixture<UploadImportFactory>
{
    /// <summary>An import: what it reads, its limit, a good file, and the word its refusal must use for the field.</summary>
    public sealed record ImportForm(string Name, string Kind, long MaxBytes, string FileName, string Field);

    public static readonly ImportForm[] Imports =
    [
        new("calendar", "JSON", 1024 * 1024, "2031.json", "文件"),
        new("error-reports", "CSV", GovSite.ErrorReports.ErrorReportService.MaxImportBytes, "找错.csv", "文件"),
        new("error-reports-api", "CSV", GovSite.ErrorReports.ErrorReportService.MaxImportBytes, "找错.csv", "文件"),
        new("monitoring-registry", "CSV", GovSite.Monitoring.Platform.Admin.ImportModel.MaxBytes, "网站.csv", "文件"),
        new("quality-list", "文本", GovSite.Publishing.Quality.Admin.QualityListModel.MaxUploadBytes, "词条.txt", "文件"),
        new("new-media", "CSV", GovSite.Supervision.Admin.NewMediaPageModel.MaxImportBytes, "新媒体.csv", "文件"),
        new("site-life", "CSV", GovSite.Supervision.Admin.SiteLifeModel.MaxImportBytes, "对照表.csv", "文件"),
        new("services-csv", "CSV", UploadImportFactory.ServicesMaxBytes, "事项.csv", "文件"),
        new("services-json", "JSON", UploadImportFactory.ServicesMaxBytes, "事项.json", "文件"),
        new("services-page", "CSV", UploadImportFactory.ServicesMaxBytes, "事项.csv", "导入文件"),
    ];

    /// <summary>Attacks on any text import; "deep-json" only where JSON is read, "formula-cells" where the rows come back out in a CSV.</summary>
    public static readonly string[] TextAttacks =
        ["oversized", "zip-bomb-as-xlsx", "program-as-csv", "invalid-utf8", "utf16-without-bom", "utf16-lone-surrogate", "ten-megabyte-line", "nul-bytes"];

    public static TheoryData<string, string> AttackRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var form in Imports)
        {
            foreach (var attack in TextAttacks)
            {
                rows.Add(attack, form.Name);
            }
            if (form.Kind == "JSON")
            {
                rows.Add("deep-json", form.Name);
            }
        }
        rows.Add("formula-cells", "site-life");
        return rows;
    }

    private static ImportForm Form(string name) => Imports.Single(f => f.Name == name);

    private static int _made;

    /// <summary>A good file of the import, which the attacks are made from; each made anew, so that it adds a row wherever it is sent.</summary>
    private string Good(string form) => Good(form, Interlocked.Increment(ref _made));

    private string Good(string form, int n) => form switch
    {
        "calendar" => $$"""{"year":2031,"days":[{"name":"调休","date":"{{new DateOnly(2031, 1, 1).AddDays(n % 360).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}}","isOffDay":true}]}""",
        "error-reports" or "error-reports-api" =>
            $"编号,网站标识码,页面地址,问题类型,问题描述,收到日期\nZC2031{Random.Shared.Next(100000, 999999)},{InteractionFactory.PortalCode},https://www.hd.test.gov.cn/,内容错误,“人民政府”写成了“人民正府”,2026-03-02\n",
        "monitoring-registry" => $"网址,名称,地区代码\nhttps://www.import{Random.Shared.Next(100000, 999999)}.gov.cn/,导入测试县人民政府,{app.RegionCode}\n",
        "quality-list" => $"违禁测试词{n}\n规范用语测试{n}\n",
        "new-media" => "平台,账号,统计日期,发文量,关注量\n微信,nobody,2026-03-01,10,100\n",
        "site-life" => $"旧地址,新地址\n/about-{n}.html,https://www.hd.test.gov.cn/\n",
        "services-csv" or "services-page" => "事项编码,事项名称\nS100,最低生活保障金申领\n",
        "services-json" => """{"items":[{"事项编码":"S100","事项名称":"最低生活保障金申领"}]}""",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    private (string FileName, byte[] Bytes) Make(string attack, ImportForm form)
    {
        var good = Good(form.Name);
        var utf8 = Encoding.UTF8.GetBytes(good);
        switch (attack)
        {
            case "oversized":
            {
                // Valid lines (spaces in JSON), repeated past the limit.
                var line = form.Kind == "JSON" ? new string(' ', 1024) : good[(good.IndexOf('\n') + 1)..];
                var copies = (int)(form.MaxBytes / Encoding.UTF8.GetByteCount(line)) + 1;
                return (form.FileName, Encoding.UTF8.GetBytes(good + string.Concat(Enumerable.Repeat(line, copies))));
            }
            case "zip-bomb-as-xlsx":
                return (Path.ChangeExtension(form.FileName, ".xlsx"), UploadAttacks.All.Single(a => a.Name == "zip-bomb-ratio").Make());
            case "program-as-csv":
                return (form.FileName, [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[64], .. "This program cannot be run in DOS mode."u8]);
            case "invalid-utf8":
            {
                // A byte that starts a sequence and one that never occurs in UTF-8 (nor GBK), inside a value.
                var at = good.LastIndexOf('\n', good.Length - 2) + 3;
                var cut = Encoding.UTF8.GetByteCount(good[..at]);
                return (form.FileName, [.. utf8[..cut], 0xC3, 0x28, 0xFF, .. utf8[cut..]]);
            }
            case "utf16-without-bom":
                return (form.FileName, Encoding.Unicode.GetBytes(good));
            case "utf16-lone-surrogate":
                return (form.FileName, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(good), 0x00, 0xD8, (byte)'a', 0]);
            case "ten-megabyte-line":
            {
                // One line of 10 MB, or as long as the limit lets it be (then it is the line, not the size, that is refused).
                var length = (int)Math.Min(10 * 1024 * 1024, form.MaxBytes - 16);
                var line = new byte[length];
                Array.Fill(line, (byte)'A');
                return (form.FileName, line);
            }
            case "nul-bytes":
            {
                var at = good.IndexOf('\n') + 3;
                return (form.FileName, Encoding.UTF8.GetBytes(good[..at] + "\0\0" + good[at..]));
            }
            case "deep-json":
                return (form.FileName, Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
            case "formula-cells":
                return (form.FileName, Encoding.UTF8.GetBytes("旧地址,新地址\n=cmd|' /C calc'!A0,https://www.hd.test.gov.cn/\n/a.html,@SUM(1+1)*cmd|' /C calc'!A0\n+1+cmd|' /C calc'!A0,\n-2+3,/b.html\n"));
            default:
                throw new ArgumentOutOfRangeException(nameof(attack));
        }
    }

    [Theory]
    [MemberData(nameof(AttackRows))]
    public async Task An_import_attack_is_refused_with_a_chinese_message_naming_the_field_and_nothing_is_imported(string attack, string form)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var import = Form(form);
        var (fileName, bytes) = Make(attack, import);
        var files = app.StoredFileCount();
        var rows = await RowsAsync(form);

        var messages = await SendAsync(form, fileName, bytes);

        messages.ShouldNotBeEmpty($"{attack} through {form} was not refused");
        if (attack == "formula-cells")
        {
            // Line by line: each formula cell's line is named, and none of them is in the table.
            foreach (var line in new[] { 2, 3, 4, 5 })
            {
                messages.ShouldContain(m => m.Contains($"第 {line} 行", StringComparison.Ordinal), $"line {line}: {string.Join(" | ", messages)}");
            }
        }
        else
        {
            messages.ShouldContain(m => m.Contains(import.Field, StringComparison.Ordinal), $"{attack} through {form}: {string.Join(" | ", messages)}");
        }
        messages.ShouldAllBe(m => System.Text.RegularExpressions.Regex.IsMatch(m, @"\p{IsCJKUnifiedIdeographs}{4}"), $"{attack} through {form}: Chinese sentences");
        (await RowsAsync(form)).ShouldBe(rows, $"{attack} through {form} imported something");
        app.StoredFileCount().ShouldBe(files, $"{attack} through {form} left a file in the store");
    }

    public static TheoryData<string> GoodForms() => [.. Imports.Select(f => f.Name).Where(n => n is not ("new-media" or "services-csv" or "services-json" or "services-page"))];

    /// <summary>The control: the same forms take a good file (so a refusal above is the attack's, not a broken form's).</summary>
    [Theory]
    [MemberData(nameof(GoodForms))]
    public async Task A_good_file_still_goes_in_through_every_import(string form)
    {
        var import = Form(form);
        var rows = await RowsAsync(form);

        var messages = await SendAsync(form, import.FileName, Encoding.UTF8.GetBytes(Good(form)));

        messages.ShouldBeEmpty();
        (await RowsAsync(form)).ShouldBeGreaterThan(rows);
    }

    /// <summary>A CSV saved by Excel as "CSV UTF-8" (with a byte-order mark) or as Unicode text (UTF-16 with one) is read like any other.</summary>
    /// <summary>…and one saved by Excel on a Chinese Windows as "CSV (逗号分隔)", in GBK: read as typed, not refused.</summary>
    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16-bom")]
    [InlineData("gbk")]
    public async Task A_csv_with_a_byte_order_mark_or_in_gbk_goes_in_with_its_chinese_as_typed(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = await RowsAsync("monitoring-registry");
        var good = Good("monitoring-registry").Replace("导入测试县人民政府", "导入测试县人民政府（䶮镕堃）", StringComparison.Ordinal);
        byte[] bytes = encoding switch
        {
            "utf8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(good)],
            "utf16-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(good)],
            _ => Encoding.GetEncoding("GB18030").GetBytes(good),
        };

        (await SendAsync("monitoring-registry", "网站.csv", bytes)).ShouldBeEmpty();

        (await RowsAsync("monitoring-registry")).ShouldBe(rows + 1);
        var host = new Uri(good.Split('\n')[1].Split(',')[0]).Host;
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().MonitoredSites.Where(m => m.Url.Contains(host)).Select(m => m.Name).SingleAsync()))
            .ShouldBe("导入测试县人民政府（䶮镕堃）");
    }

    public static TheoryData<string> AllImports() => [.. Imports.Select(f => f.Name)];

    /// <summary>
    /// Fuzz past the gate: valid UTF-8 made of what breaks parsers (quotes, separators, line breaks,
    /// brackets, formula starts, Chinese, emoji) in random order, 12 files per import: every one is
    /// answered (imported, refused, or its lines named), never with a 500.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllImports))]
    public async Task Random_text_through_every_import_is_answered_without_a_500(string form)
    {
        string[] pieces = ["\"", ",", "，", ";", "\t", "\n", "\r\n", "\r", "[", "]", "{", "}", ":", "=", "+", "-", "@", "\\", "/", " ",
            "事项", "编号", "网址", "年", "😀", "2026-03-02", "https://www.hd.test.gov.cn/", "null", "true", "0", "99999999999999999999", "\u00A0", "'"];
        var random = new Random(form.Length * 7919);
        var import = Form(form);
        for (var i = 0; i < 12; i++)
        {
            var text = new StringBuilder(i % 3 == 0 ? Good(form) : "");
            for (var n = random.Next(1, 400); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            // SendAsync checks each answer's status: a 500 fails it.
            await SendAsync(form, import.FileName, Encoding.UTF8.GetBytes(text.ToString()));
        }
    }

    /// <summary>What the import keeps, counted: a refused file must leave it as it was.</summary>
    private Task<int> RowsAsync(string form) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        return form switch
        {
            "calendar" => await db.CalendarDays.CountAsync(),
            "error-reports" or "error-reports-api" => await db.ErrorReports.IgnoreQueryFilters().CountAsync(),
            "monitoring-registry" => await db.MonitoredSites.CountAsync(),
            "quality-list" => await db.QualityLists.Where(l => l.Id == app.QualityListId).Select(l => l.TermCount).SingleAsync(),
            "new-media" => await db.NewMediaFigures.CountAsync(),
            "site-life" => await db.UrlMappings.CountAsync(),
            "services-csv" or "services-json" or "services-page" => await db.ServiceItems.IgnoreQueryFilters().CountAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    });

    /// <summary>Sends the file where the import takes it; the refusals shown (empty when it went in).</summary>
    private async Task<List<string>> SendAsync(string form, string fileName, byte[] bytes)
    {
        if (form == "error-reports-api")
        {
            using var client = await app.ClientWithTokenAsync("portal-admin", InteractionFactory.Password);
            var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var response = await client.PostAsync("/api/v1/error-reports/import", body);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return [.. json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!)];
            }
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return [.. json.GetProperty("errors").GetProperty("csv").EnumerateArray().Select(e => "文件：" + e.GetString())];
        }
        if (form is "services-csv" or "services-json")
        {
            using var client = await app.ClientWithTokenAsync("portal-admin", InteractionFactory.Password);
            var sourceId = form == "services-csv" ? app.CsvSourceId : app.JsonSourceId;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "sourceId" },
                { new ByteArrayContent(bytes), "file", fileName },
            };
            var response = await client.PostAsync("/api/v1/services/import", content);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var run = JsonDocument.Parse(text).RootElement;
            if (run.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return [error.GetString()!];
            }
            return [.. run.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "rejected")
                .Select(c => c.GetProperty("detail").GetString()!)];
        }
        var (user, password, url, handler, field) = form switch
        {
            "calendar" => ("admin", GovSiteFactory.AdminPassword, "/admin/calendar", "Import", "Upload"),
            "error-reports" => ("portal-admin", InteractionFactory.Password, $"/admin/sites/{app.Portal.Id}/error-reports", "Import", "Csv"),
            "monitoring-registry" => ("admin", GovSiteFactory.AdminPassword, "/admin/monitoring/import", null, "file"),
            "quality-list" => ("admin", GovSiteFactory.AdminPassword, $"/admin/quality/lists/{app.QualityListId}", "Terms", "file"),
            "new-media" => ("admin", GovSiteFactory.AdminPassword, "/admin/supervision/new-media", "Import", "file"),
            "site-life" => ("admin", GovSiteFactory.AdminPassword, $"/admin/supervision/lifecycle/{app.Department.Id}", "Import", "file"),
            "services-page" => ("portal-admin", InteractionFactory.Password, "/admin/services/import", "Run", "Export"),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        using var session = await BackOfficeSession.SignInAsync(app, user, password);
        var page = await session.OpenAsync(url);
        var changes = new Dictionary<string, string?>();
        if (form == "quality-list")
        {
            changes["Terms.Change"] = "Add";
        }
        // The services import page has a form per source: the CSV source's.
        var target = form == "services-page"
            ? new BackOfficeSession.Form(page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
                .Single(f => f.QuerySelector($"#file-{app.CsvSourceId}") is not null), url)
            : page.Handler(handler);
        var sent = await session.SubmitWithFilesAsync(target, changes, (field, fileName, bytes));
        if (sent.StatusCode == HttpStatusCode.Redirect)
        {
            return [];
        }
        var html = await sent.Content.ReadAsStringAsync();
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
        var shown = new BackOfficeSession.Page(url, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
        // Refusals of the file, or the lines an import names (第 N 行：…).
        var problems = shown.Document.QuerySelectorAll("li, p").Select(e => e.TextContent.Trim())
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^第 ?\d+ ?行")).ToList();
        return [.. shown.Errors.Concat(problems).Distinct()];
    }
}
