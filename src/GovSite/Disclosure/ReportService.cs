using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure;

/// <summary>What staff type into a report: numbers by cell key (as typed, checked here) and the three texts.</summary>
public sealed class ReportInput
{
    public Dictionary<string, string?> Manual { get; set; } = [];
    public string? Overview { get; set; }
    public string? Problems { get; set; }
    public string? Other { get; set; }
}

/// <summary>
/// A site's annual disclosure reports: the draft (figures computed live, hand-entered cells and
/// texts kept), the arithmetic check, and publication into the site's 政府信息公开年度报告 column
/// through the library and its workflow (so what is published was reviewed where the column asks for it).
/// </summary>
public sealed class ReportService(GovSiteDb db, SiteAccess access, AnnualReports reports, StatutoryContent statutory, SiteDirectory directory,
    LibraryService library, Workflow workflow, FileStore files, PdfPrinter printer, HtmlEncoder encoder, SiteChanges changes, TimeProvider clock)
{
    public const string ReportColumn = "政府信息公开年度报告";

    public bool CanEdit(int siteId) => access.HasRole(siteId, Role.SiteAdmin) || access.HasRole(siteId, Role.Editor);

    public Task<DisclosureReport?> FindAsync(int siteId, int year, CancellationToken ct) =>
        db.DisclosureReports.AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, ct);

    /// <summary>The public may read a published report; staff of the site (and supervisors above it) also its draft.</summary>
    public async Task<ReportContent?> ContentAsync(int siteId, int year, bool draftAllowed, CancellationToken ct)
    {
        var report = await db.DisclosureReports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, ct);
        if (report?.Status == ReportStatus.Published && ReportFigures.Parse(report.Snapshot) is { } frozen)
        {
            return new ReportContent(reports.TitleOf(siteId, year), year, report.Overview, report.Problems, report.Other, frozen);
        }
        if (!draftAllowed)
        {
            return null;
        }
        var figures = await reports.ComputeAsync(siteId, year, AnnualReports.ParseManual(report?.Manual ?? "{}"), ct);
        var overview = report?.Overview;
        if (overview is null && directory.FindById(siteId) is { } site)
        {
            overview = AnnualReports.DraftOverview(site, year, figures, await statutory.TimelinessAsync(siteId, year, ct));
        }
        var other = report?.Other ?? DraftOther(await reports.FeesCollectedAsync(siteId, year, ct));
        return new ReportContent(reports.TitleOf(siteId, year), year, overview, report?.Problems, other, figures);
    }

    private static string DraftOther(decimal fees) => fees == 0
        ? "本年度未收取信息处理费。"
        : string.Create(CultureInfo.InvariantCulture, $"本年度依据《政府信息公开信息处理费管理办法》收取信息处理费 {fees:0.##} 元。");

    public async Task<SaveResult<DisclosureReport>> SaveAsync(int siteId, int year, ReportInput input, CancellationToken ct)
    {
        if (!CanEdit(siteId))
        {
            return access.CanSee(siteId) ? SaveResult<DisclosureReport>.Denied() : SaveResult<DisclosureReport>.Missing();
        }
        var errors = new ValidationErrors();
        var report = await db.DisclosureReports.FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, ct);
        if (report?.Status == ReportStatus.Published)
        {
            errors.Add("form", $"{year} 年度报告已发布，不能再修改");
            return SaveResult<DisclosureReport>.Invalid(errors);
        }
        var editable = ReportLayout.EditableKeys().ToHashSet();
        var manual = new Dictionary<string, decimal>();
        foreach (var (key, raw) in input.Manual)
        {
            var text = raw?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (!editable.Contains(key))
            {
                errors.Add($"Manual[{key}]", $"“{key}”不是可以填报的单元格（合计由平台计算）");
                continue;
            }
            var isFee = key == "2.fees";
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100_000_000
                || (!isFee && value != Math.Floor(value)) || (isFee && value != Math.Round(value, 4)))
            {
                errors.Add($"Manual[{key}]", isFee ? $"收费金额应为不小于 0 的数字（单位：万元），“{text}”不是" : $"件数应为不小于 0 的整数，“{text}”不是");
                continue;
            }
            manual[key] = value;
        }
        string? Text(string? value, string field, string label)
        {
            var text = TypedText.Block(value);
            if (TypedText.Length(text) > 20_000)
            {
                errors.Add(field, $"{label}不能超过 20000 字");
            }
            return text;
        }
        var overview = Text(input.Overview, nameof(input.Overview), "总体情况");
        var problems = Text(input.Problems, nameof(input.Problems), "存在的主要问题及改进情况");
        var other = Text(input.Other, nameof(input.Other), "其他需要报告的事项");
        if (!errors.IsValid)
        {
            return SaveResult<DisclosureReport>.Invalid(errors);
        }
        if (report is null)
        {
            report = new DisclosureReport { SiteId = siteId, Year = year, Status = ReportStatus.Draft };
            db.DisclosureReports.Add(report);
        }
        report.Manual = JsonSerializer.Serialize(manual);
        report.Overview = overview;
        report.Problems = problems;
        report.Other = other;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = access.UserName;
        await db.SaveChangesAsync(ct);
        return SaveResult<DisclosureReport>.Ok(report);
    }

    /// <summary>
    /// Checks the arithmetic, freezes the figures and puts the report into the site's
    /// 政府信息公开年度报告 column as a library item with the xlsx (and, where Chromium is installed,
    /// the PDF) attached. A column without review publishes at once; one with review sends it to
    /// its reviewers. Problems come back as messages and nothing changes.
    /// </summary>
    /// <summary>
    /// The year's report row, made (as a draft) and saved now if there is none: publishing takes
    /// seconds (the PDF is printed), and a second publish or save arriving meanwhile would otherwise
    /// insert the same site and year again and fail on the unique index.
    /// </summary>
    private async Task<DisclosureReport> ReportRowAsync(int siteId, int year, CancellationToken ct)
    {
        if (await db.DisclosureReports.FirstOrDefaultAsync(r => r.SiteId == siteId && r.Year == year, ct) is { } existing)
        {
            return existing;
        }
        var report = new DisclosureReport
        {
            SiteId = siteId, Year = year, Status = ReportStatus.Draft, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = access.UserName,
        };
        // Made by the other request in the meantime: that one is used.
        return await db.AddOnceAsync(report, r => r.SiteId == siteId && r.Year == year, ct);
    }

    /// <param name="attachPdf">False leaves the PDF out (the demo seeding, which must not start a browser); it stays downloadable.</param>
    public async Task<SaveResult<DisclosureReport>> PublishAsync(int siteId, int year, CancellationToken ct, bool attachPdf = true)
    {
        if (!CanEdit(siteId))
        {
            return access.CanSee(siteId) ? SaveResult<DisclosureReport>.Denied() : SaveResult<DisclosureReport>.Missing();
        }
        var errors = new ValidationErrors();
        var content = await ContentAsync(siteId, year, draftAllowed: true, ct);
        var report = await ReportRowAsync(siteId, year, ct);
        if (report.Status == ReportStatus.Published)
        {
            errors.Add("form", $"{year} 年度报告已发布");
            return SaveResult<DisclosureReport>.Invalid(errors);
        }
        foreach (var problem in content!.Figures.Check())
        {
            errors.Add("form", problem);
        }
        var column = await db.Columns.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.SiteId == siteId && c.Name == ReportColumn, ct);
        if (column is null)
        {
            errors.Add("form", $"本网站没有“{ReportColumn}”栏目，请先在栏目管理中建立");
        }
        if (!errors.IsValid)
        {
            return SaveResult<DisclosureReport>.Invalid(errors);
        }
        var attachments = new List<int> { await StoreAsync(siteId, $"{content.Title}.xlsx", ReportDocument.Xlsx(content), FileTypes.Xlsx, ct) };
        if (attachPdf && printer.IsAvailable)
        {
            attachments.Add(await StoreAsync(siteId, $"{content.Title}.pdf", await printer.PrintAsync(ReportDocument.PrintPage(content, encoder), ct), FileTypes.Pdf, ct));
        }
        var body = PublicSite.PublicLayout.Text(sb => ReportDocument.WriteBody(new PublicSite.HtmlWriter(sb, encoder), content));
        var created = await library.CreateAsync(siteId, new ItemInput
        {
            ColumnId = column!.Id,
            Title = content.Title,
            Body = body,
            GenreClass = "报告",
            Disclosure = DisclosureMode.Proactive,
            Issuer = directory.FindById(siteId)?.HostUnitName,
            WrittenDate = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)),
            Attachments = attachments,
        }, ct);
        if (!created.Succeeded)
        {
            foreach (var message in created.Errors.All.SelectMany(e => e.Value))
            {
                errors.Add("form", message);
            }
            return created.Forbidden ? SaveResult<DisclosureReport>.Denied() : SaveResult<DisclosureReport>.Invalid(errors);
        }
        var item = created.Value!;
        var step = column.ReviewLevels == 0 && !column.RequiresConfidentialityReview
            ? await workflow.PublishAsync(item.Id, null, ct)
            : await workflow.SubmitAsync(item.Id, ct);
        report.Status = ReportStatus.Published;
        report.Overview = content.Overview;
        report.Other = content.Other;
        report.Snapshot = content.Figures.ToJson();
        report.PublishedAt = clock.GetUtcNow().UtcDateTime;
        report.PublishedBy = access.UserName;
        report.ItemId = item.Id;
        report.UpdatedAt = report.PublishedAt.Value;
        report.UpdatedBy = access.UserName;
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [Pages.ReportsPageModel.ReportTag(siteId)], ct);
        // A refused step (the quality gate, say) leaves the item as a draft in the library; the figures stand.
        _ = step;
        return SaveResult<DisclosureReport>.Ok(report);
    }

    private async Task<int> StoreAsync(int siteId, string name, byte[] bytes, FileType type, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        var stored = await files.SaveAsync(siteId, content, type.Extension, ct);
        var file = new StoredFile
        {
            SiteId = siteId, FileName = FileTypes.CleanName(name, type), StoredName = stored, ContentType = type.ContentType, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), UploadedById = access.UserId,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }
}

/// <summary>
/// The annual report under the reminder machinery: from 1 January every site without a published
/// report for the year before is reminded (due 31 January), and escalated when it is still missing after.
/// </summary>
public sealed class ReportDeadlines(GovSiteDb db, TimeProvider clock) : SharedAlertDeadlines(db, Work)
{
    public const string Work = "disclosure-report";

    // Due soon all January: 31 January is at most 23 working days after 1 January.
    public override DeadlinePolicy Policy => new(25, 1);

    protected override string LinkOf(int id) => $"/admin/sites/{id}/disclosure/reports";

    protected override string Noun => "政府信息公开工作年度报告";

    public override async Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var year = today.Year - 1;
        var due = new DateOnly(today.Year, 1, 31);
        if (due > horizon)
        {
            return [];
        }
        var published = Db.DisclosureReports.AsNoTracking().Where(r => r.Year == year && r.Status == ReportStatus.Published).Select(r => r.SiteId);
        var sites = await Db.Sites.AsNoTracking().Where(s => s.Status == SiteStatus.Online && !published.Contains(s.Id))
            .Select(s => s.Id).ToListAsync(ct);
        return [.. sites.Select(id => new DeadlineItem(id, id, due, $"{year}年政府信息公开工作年度报告尚未发布", year.ToString(CultureInfo.InvariantCulture)))];
    }
}
