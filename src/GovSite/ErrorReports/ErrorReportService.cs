using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.ErrorReports;

/// <summary>Configurable defaults of error reports (section "ErrorReports"); a region may set its own deadlines.</summary>
public sealed class ErrorReportOptions
{
    public int AnswerWorkingDays { get; set; } = 2;
    public int ForwardWorkingDays { get; set; } = 1;

    /// <summary>A reminder on the last working day before the deadline.</summary>
    public int ReminderWorkingDays { get; set; } = 1;

    /// <summary>Late by this many working days: to the supervising office (at once, by default).</summary>
    public int SupervisorAfterWorkingDays { get; set; } = 1;
    public int ReportsPerIpPerHour { get; set; } = 20;

    public DeadlinePolicy Policy => new(ReminderWorkingDays, SupervisorAfterWorkingDays);
}

/// <summary>What a person (or staff copying from the national platform) fills in.</summary>
public sealed class ErrorReportInput
{
    public string? PageUrl { get; set; }
    public string? QuotedText { get; set; }
    public ErrorKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>The counterfeit site's address, for a report of kind 假冒网站 (required then).</summary>
    public string? CounterfeitUrl { get; set; }

    /// <summary>Staff entry from the national platform: its number and the day it arrived there.</summary>
    public string? ExternalNumber { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Honeypot: hidden from people, so only a robot fills it in.</summary>
    public string? Website { get; set; }
}

public sealed record ErrorReportReceipt(string Number, string? QueryCode, DateOnly DueDate);

public sealed record ErrorReportOutcome(ErrorReportReceipt? Receipt, ValidationErrors Errors, bool RateLimited = false, int? Id = null);

/// <summary>One imported line that was not taken, and why.</summary>
public sealed record ImportProblem(int Line, string Message);

public sealed record ImportOutcome(int Imported, int Skipped, List<ImportProblem> Problems);

/// <summary>
/// 找错 from the entry on a page to the answer: the public form and API, entry and CSV import from
/// the national platform, forwarding and answering in the back office. The deadline is the
/// region's (2 working days by default) on the working-day calendar.
/// </summary>
public sealed class ErrorReportService(GovSiteDb db, SiteAccess access, CalendarService calendar, SiteDirectory directory,
    IOptions<ErrorReportOptions> options, TimeProvider clock, Notifications.Notifier notifier, Supervision.Counterfeits counterfeits,
    SiteChanges changes)
{
    private ErrorReportOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Staff who answer a site's reports: its administrators and editors.</summary>
    public bool CanHandle(int siteId) => access.HasRole(siteId, Role.SiteAdmin) || access.HasRole(siteId, Role.Editor);

    /// <summary>Who may enter national-platform reports for a site: its handlers and the supervisors of its region.</summary>
    public async Task<bool> CanRecordAsync(int siteId, CancellationToken ct)
    {
        if (CanHandle(siteId))
        {
            return true;
        }
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == siteId).Select(s => s.RegionId).FirstOrDefaultAsync(ct);
        return access.RegionIds.Contains(regionId);
    }

    /// <summary>The deadlines of the site's region: its own settings, else the nearest ancestor's, else the defaults.</summary>
    public async Task<(int Answer, int Forward)> DeadlinesForSiteAsync(int siteId, CancellationToken ct)
    {
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == siteId).Select(s => (int?)s.RegionId).FirstOrDefaultAsync(ct);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToDictionaryAsync(r => r.Id, r => r.ParentId, ct);
        var settings = await db.ErrorReportSettings.AsNoTracking().ToDictionaryAsync(s => s.RegionId, ct);
        for (var id = regionId; id is int r && regions.ContainsKey(r); id = regions[r])
        {
            if (settings.TryGetValue(r, out var own))
            {
                return (own.AnswerWorkingDays, own.ForwardWorkingDays);
            }
        }
        return (Options.AnswerWorkingDays, Options.ForwardWorkingDays);
    }

    public Task<ErrorReportOutcome> SubmitAsync(int siteId, ErrorReportInput input, string? ip, CancellationToken ct) =>
        CreateAsync(siteId, input, ip, national: false, ct);

    /// <summary>A report received on the national platform, entered by staff with its own number.</summary>
    public async Task<ErrorReportOutcome> RecordNationalAsync(int siteId, ErrorReportInput input, CancellationToken ct)
    {
        if (!await CanRecordAsync(siteId, ct))
        {
            var denied = new ValidationErrors();
            denied.Add("form", "您没有登记本网站找错留言的权限");
            return new ErrorReportOutcome(null, denied);
        }
        return await CreateAsync(siteId, input, null, national: true, ct);
    }

    private async Task<ErrorReportOutcome> CreateAsync(int siteId, ErrorReportInput input, string? ip, bool national, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!national && !string.IsNullOrEmpty(input.Website))
        {
            errors.Add("form", "提交未通过校验，请刷新页面后重试");
            return new ErrorReportOutcome(null, errors);
        }
        var report = Validate(input, errors);
        string? counterfeitUrl = null;
        if (report.Kind == ErrorKind.Counterfeit)
        {
            // Checked before anything is saved, with the rules the counterfeit register applies.
            counterfeitUrl = TypedText.Line(input.CounterfeitUrl);
            var host = Supervision.Counterfeits.HostOf(counterfeitUrl);
            if (host is null)
            {
                errors.Add(nameof(input.CounterfeitUrl), "请填写假冒网站的网址或域名，如 http://www.example.com/");
            }
            else if (directory.FindByHost(host) is not null)
            {
                errors.Add(nameof(input.CounterfeitUrl), $"{host} 是本平台登记的政府网站域名，不是假冒网站");
            }
        }
        var today = Today;
        var receivedOn = today;
        string? external = null;
        if (national)
        {
            external = TypedText.Line(input.ExternalNumber);
            if (external is null || external.Length > 50)
            {
                errors.Add(nameof(input.ExternalNumber), "请填写全国政府网站找错平台的留言编号（不超过 50 个字符）");
            }
            else if (await db.ErrorReports.IgnoreQueryFilters().AnyAsync(r => r.SiteId == siteId && r.Source == ErrorReportSource.NationalPlatform
                && r.ExternalNumber == external, ct))
            {
                errors.Add(nameof(input.ExternalNumber), $"编号为 {external} 的找错留言已经登记过");
            }
            if (input.ReceivedOn is { } on)
            {
                if (on > today)
                {
                    errors.Add(nameof(input.ReceivedOn), "收到日期不能晚于今天");
                }
                else if (on < today.AddYears(-2))
                {
                    errors.Add(nameof(input.ReceivedOn), "收到日期不能早于两年前");
                }
                else
                {
                    receivedOn = on;
                }
            }
        }
        if (!errors.IsValid)
        {
            return new ErrorReportOutcome(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!national && ip is not null && await db.ErrorReports.IgnoreQueryFilters()
                .CountAsync(r => r.SubmitterIp == ip && r.ReceivedAt > now.AddHours(-1), ct) >= Options.ReportsPerIpPerHour)
        {
            errors.Add("form", "提交过于频繁，请一小时后再试");
            return new ErrorReportOutcome(null, errors, RateLimited: true);
        }
        var (answerDays, _) = await DeadlinesForSiteAsync(siteId, ct);
        var queryCode = national ? null : ReceiptCodes.NewQueryCode();
        report.SiteId = siteId;
        report.HandlingSiteId = siteId;
        report.Source = national ? ErrorReportSource.NationalPlatform : ErrorReportSource.Site;
        report.ExternalNumber = external;
        report.QueryCodeHash = queryCode is null ? "" : ReceiptCodes.Hash(queryCode);
        report.SubmitterIp = national ? null : ip;
        report.ReceivedAt = now;
        report.ReceivedOn = receivedOn;
        report.DueDate = calendar.Current.AddWorkingDays(receivedOn, answerDays);
        report.Status = ErrorReportStatus.Open;
        report.UpdatedAt = now;
        for (var attempt = 0; ; attempt++)
        {
            report.Number = ReceiptCodes.NewNumber("JC", now);
            db.ErrorReports.Add(report);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(report).State = EntityState.Detached;
                report.Id = 0;
            }
        }
        await NotifyAsync(report, ct);
        if (counterfeitUrl is not null)
        {
            // The report is the evidence of a case of the site's region: a new case, or the open one for the same host.
            var site = directory.FindById(siteId);
            await counterfeits.FromErrorReportAsync(report.Id, counterfeitUrl, site?.Code,
                $"找错留言 {report.Number}（页面 {report.PageUrl}）：{report.Description}", ct);
        }
        return new ErrorReportOutcome(new ErrorReportReceipt(report.Number, queryCode, report.DueDate), errors, Id: report.Id);
    }

    /// <summary>The handling site's editors and administrators hear of a report that waits for them (new, or forwarded to them).</summary>
    private Task NotifyAsync(ErrorReport r, CancellationToken ct) =>
        notifier.ToRolesAsync(r.HandlingSiteId, [Role.Editor, Role.SiteAdmin], Notifications.NoticeKind.WorkArrived,
            $"error-report:{r.Id}:{r.HandlingSiteId}", $"网站找错：{Label(r.Kind)}（{r.Number}）",
            $"{r.PageUrl}\n须在 {r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前答复。", $"/admin/error-reports/{r.Id}", [], ct);

    private static ErrorReport Validate(ErrorReportInput input, ValidationErrors errors)
    {
        var r = new ErrorReport();
        var url = TypedText.Line(input.PageUrl);
        if (url is null)
        {
            errors.Add(nameof(input.PageUrl), "请填写出错页面的网址");
        }
        else if (url.Length > 2000 || !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") && !url.StartsWith('/'))
        {
            errors.Add(nameof(input.PageUrl), "出错页面的网址应以 http:// 或 https:// 开头（不超过 2000 个字符）");
        }
        r.PageUrl = url ?? "";
        r.QuotedText = TypedText.Block(input.QuotedText);
        if (TypedText.Length(r.QuotedText) > 1000)
        {
            errors.Add(nameof(input.QuotedText), "引用的错误内容不能超过 1000 字");
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "请选择错误类型");
            kind = ErrorKind.Other;
        }
        r.Kind = kind;
        var description = TypedText.Block(input.Description);
        if (description is null || TypedText.Length(description.Trim()) < 2)
        {
            errors.Add(nameof(input.Description), "请描述发现的问题（至少 2 个字）");
        }
        else if (TypedText.Length(description) > 2000)
        {
            errors.Add(nameof(input.Description), "问题描述不能超过 2000 字");
        }
        r.Description = description ?? "";
        r.Name = TypedText.Line(input.Name);
        if (TypedText.Length(r.Name) > 50)
        {
            errors.Add(nameof(input.Name), "姓名不能超过 50 个字");
        }
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : new string([.. input.Phone.Where(c => !char.IsWhiteSpace(c))]);
        if (phone is not null && !IdentityNumbers.IsPhone(phone))
        {
            errors.Add(nameof(input.Phone), "联系电话格式不正确：手机号码 11 位，或固定电话如 0591-12345678（可不填）");
        }
        r.Phone = phone;
        r.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (r.Email is { } email && (email.Length > 254 || !IdentityNumbers.IsEmail(email)))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确，如 name@example.com（可不填）");
        }
        return r;
    }

    /// <summary>The reporter's lookup: the number and the query code must both match.</summary>
    public async Task<ErrorReport?> LookupAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode))
        {
            return null;
        }
        var n = number.Trim().ToUpperInvariant();
        var report = await db.ErrorReports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Number == n, ct);
        return report is not null && report.QueryCodeHash.Length > 0 && ReceiptCodes.Matches(report.QueryCodeHash, queryCode) ? report : null;
    }

    /// <summary>转交: to the site the report belongs to, within 1 working day; that site then answers on its own deadline.</summary>
    public Task<SaveResult<ErrorReport>> ForwardAsync(int id, int targetSiteId, string? note, CancellationToken ct) =>
        ChangeAsync(id, async (r, errors) =>
        {
            if (targetSiteId == r.HandlingSiteId || directory.FindById(targetSiteId) is null)
            {
                errors.Add("TargetSiteId", "请选择问题所属的网站（本平台上的其他网站）");
                return;
            }
            var reason = TypedText.Block(note);
            if (reason is null || TypedText.Length(reason.Trim()) < 2)
            {
                errors.Add("Note", "请说明转交的原因（如该页面属于其他网站）");
                return;
            }
            var (_, forwardDays) = await DeadlinesForSiteAsync(r.HandlingSiteId, ct);
            var today = Today;
            var cal = calendar.Current;
            r.ForwardedFromSiteId = r.HandlingSiteId;
            r.ForwardedOn = today;
            r.ForwardedOnTime = cal.WorkingDaysAfter(r.ReceivedOn, today) <= forwardDays;
            r.ForwardNote = reason;
            r.HandlingSiteId = targetSiteId;
            r.DueDate = cal.AddWorkingDays(today, (await DeadlinesForSiteAsync(targetSiteId, ct)).Answer);
        }, ct, NotifyAsync);

    public Task<SaveResult<ErrorReport>> ReplyAsync(int id, string? reply, CancellationToken ct) =>
        ChangeAsync(id, (r, errors) =>
        {
            var text = TypedText.Block(reply);
            if (text is null || TypedText.Length(text.Trim()) < 2)
            {
                errors.Add("Reply", "请填写答复内容（如已更正、不属实的说明）");
                return Task.CompletedTask;
            }
            if (TypedText.Length(text) > 4000)
            {
                errors.Add("Reply", "答复内容不能超过 4000 字");
                return Task.CompletedTask;
            }
            r.Reply = text;
            r.RepliedBy = access.UserName;
            r.RepliedAt = clock.GetUtcNow().UtcDateTime;
            r.ClosedOn = Today;
            r.Status = ErrorReportStatus.Answered;
            return Task.CompletedTask;
        }, ct, (r, ct) => changes.PagesChangedAsync(r.SiteId, [PageTags.ErrorReports(r.SiteId)], ct));

    private async Task<SaveResult<ErrorReport>> ChangeAsync(int id, Func<ErrorReport, ValidationErrors, Task> change, CancellationToken ct,
        Func<ErrorReport, CancellationToken, Task>? after = null)
    {
        var report = await db.ErrorReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return SaveResult<ErrorReport>.Missing();
        }
        if (!CanHandle(report.HandlingSiteId))
        {
            return SaveResult<ErrorReport>.Denied();
        }
        var errors = new ValidationErrors();
        if (report.Status != ErrorReportStatus.Open)
        {
            errors.Add("form", "该找错留言已办结");
            return SaveResult<ErrorReport>.Invalid(errors);
        }
        await change(report, errors);
        if (!errors.IsValid)
        {
            return SaveResult<ErrorReport>.Invalid(errors);
        }
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (after is not null)
        {
            await after(report, ct);
        }
        return SaveResult<ErrorReport>.Ok(report);
    }

    /// <summary>Largest CSV of the national platform taken at once (some 10,000 reports), under the request limit of forms and the API.</summary>
    public const int MaxImportBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Reports exported from the national platform as CSV (UTF-8, header row): 编号, 网站标识码,
    /// 页面地址, 问题类型, 问题描述, 收到日期, and optionally 引用内容, 联系人, 联系电话. Lines already
    /// imported (same number and site) are skipped; a bad line is reported by its number and the
    /// rest go in.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(Stream csv, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var imported = 0;
        var skipped = 0;
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, HeaderValidated = null, TrimOptions = TrimOptions.Trim,
        };
        using var parser = new CsvReader(reader, config);
        try
        {
            if (!await parser.ReadAsync() || !parser.ReadHeader())
            {
                return new ImportOutcome(0, 0, [new ImportProblem(1, "文件为空或没有表头")]);
            }
        }
        catch (Exception e) when (e is CsvHelperException or ArgumentException)
        {
            return new ImportOutcome(0, 0, [new ImportProblem(1, "无法读取 CSV 表头，请确认文件为 UTF-8 编码的 CSV")]);
        }
        var header = parser.HeaderRecord ?? [];
        foreach (var required in (string[])["编号", "网站标识码", "页面地址", "问题类型", "问题描述", "收到日期"])
        {
            if (!header.Contains(required))
            {
                problems.Add(new ImportProblem(1, $"表头缺少“{required}”列"));
            }
        }
        if (problems.Count > 0)
        {
            return new ImportOutcome(0, 0, problems);
        }
        while (true)
        {
            bool more;
            try
            {
                more = await parser.ReadAsync();
            }
            catch (Exception e) when (e is CsvHelperException or ArgumentException)
            {
                problems.Add(new ImportProblem(parser.Parser.Row, "这一行无法读取（引号不成对或编码错误）"));
                break;
            }
            if (!more)
            {
                break;
            }
            var line = parser.Parser.Row;
            string? Field(string name) => parser.TryGetField<string>(name, out var v) ? v : null;
            var code = Field("网站标识码")?.Trim() ?? "";
            if (directory.FindByCode(code) is not { } site)
            {
                problems.Add(new ImportProblem(line, $"网站标识码“{code}”不是本平台上的网站"));
                continue;
            }
            var receivedText = Field("收到日期");
            DateOnly? received = Deadline.Parse(receivedText) is { } at ? DateOnly.FromDateTime(ChinaTime.ToLocal(at)) : null;
            if (received is null)
            {
                problems.Add(new ImportProblem(line, $"收到日期“{receivedText}”无法识别，应为 2026-03-03 这样的日期"));
                continue;
            }
            var external = TypedText.Line(Field("编号"));
            if (external is not null && await db.ErrorReports.IgnoreQueryFilters().AnyAsync(r => r.SiteId == site.Id
                    && r.Source == ErrorReportSource.NationalPlatform && r.ExternalNumber == external, ct))
            {
                skipped++;
                continue;
            }
            var outcome = await RecordNationalAsync(site.Id, new ErrorReportInput
            {
                ExternalNumber = external, PageUrl = Field("页面地址"), Kind = KindOf(Field("问题类型")), Description = Field("问题描述"),
                QuotedText = Field("引用内容"), Name = Field("联系人"), Phone = Field("联系电话"), ReceivedOn = received,
            }, ct);
            if (outcome.Receipt is null)
            {
                problems.Add(new ImportProblem(line, string.Join("；", outcome.Errors.All.SelectMany(e => e.Value))));
                continue;
            }
            imported++;
        }
        return new ImportOutcome(imported, skipped, problems);
    }

    /// <summary>The national platform's words for the kinds, and GovSite's own.</summary>
    public static ErrorKind? KindOf(string? text) => text?.Trim() switch
    {
        null or "" => null,
        var t when t.Contains("假冒", StringComparison.Ordinal) || t.Contains("仿冒", StringComparison.Ordinal) => ErrorKind.Counterfeit,
        var t when t.Contains("内容", StringComparison.Ordinal) || t.Contains("错别字", StringComparison.Ordinal) => ErrorKind.Content,
        var t when t.Contains("链接", StringComparison.Ordinal) => ErrorKind.Link,
        var t when t.Contains("更新", StringComparison.Ordinal) => ErrorKind.NotUpdated,
        var t when t.Contains("服务", StringComparison.Ordinal) || t.Contains("办事", StringComparison.Ordinal) => ErrorKind.ServiceUnavailable,
        var t when t.Contains("互动", StringComparison.Ordinal) || t.Contains("回应", StringComparison.Ordinal) => ErrorKind.NoResponse,
        _ => ErrorKind.Other,
    };

    /// <summary>The kinds as the forms offer them: issue 17's six with 其他 last, 假冒网站 before it.</summary>
    public static readonly ErrorKind[] Kinds =
        [ErrorKind.Content, ErrorKind.Link, ErrorKind.NotUpdated, ErrorKind.ServiceUnavailable, ErrorKind.NoResponse, ErrorKind.Counterfeit, ErrorKind.Other];

    public static string Label(ErrorKind kind) => kind switch
    {
        ErrorKind.Content => "内容错误",
        ErrorKind.Link => "链接错误",
        ErrorKind.NotUpdated => "栏目不更新",
        ErrorKind.ServiceUnavailable => "服务不可用",
        ErrorKind.NoResponse => "互动不回应",
        ErrorKind.Counterfeit => "假冒网站",
        _ => "其他",
    };

    public static string Label(ErrorReportStatus status) => status == ErrorReportStatus.Open ? "办理中" : "已办结";

    public static string Label(ErrorReportSource source) => source == ErrorReportSource.Site ? "本网站找错入口" : "全国政府网站找错平台";
}
