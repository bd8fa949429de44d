using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>发布设置: the site's 索引号 rule, the interpretation allowance, and each column's review levels.</summary>
public sealed class SettingsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, GovSite.Audit.AuditLog audit)
    : LibraryPageModel(access, db, directory)
{
    public sealed class ColumnRow
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public int ReviewLevels { get; set; }
        public bool RequiresConfidentialityReview { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string IndexNumberPattern { get; set; } = IndexNumbers.DefaultPattern;

    [BindProperty]
    public int InterpretationDays { get; set; } = 3;

    [BindProperty]
    public List<ColumnRow> Columns { get; set; } = [];

    public string Example => IndexNumbers.Format(IndexNumberPattern, WorkingSite!.Code, ChinaTime.ToLocal(DateTime.UtcNow).Year, 12);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }
        if (await Db.PublishingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == Id, ct) is { } settings)
        {
            IndexNumberPattern = settings.IndexNumberPattern;
            InterpretationDays = settings.InterpretationDays;
        }
        await LoadColumnsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        if (IndexNumbers.Problem(IndexNumberPattern) is { } problem)
        {
            ModelState.AddModelError(nameof(IndexNumberPattern), problem);
        }
        if (InterpretationDays is < 1 or > 60)
        {
            ModelState.AddModelError(nameof(InterpretationDays), "解读期限须在 1 至 60 个工作日之间");
        }
        if (Columns.Any(c => c.ReviewLevels is < 0 or > 5))
        {
            ModelState.AddModelError(nameof(Columns), "审核级数须在 0 至 5 之间");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var settings = await Db.PublishingSettings.FirstOrDefaultAsync(s => s.SiteId == Id, ct);
        if (settings is null)
        {
            settings = new PublishingSettings { SiteId = Id };
            Db.PublishingSettings.Add(settings);
        }
        settings.IndexNumberPattern = IndexNumberPattern.Trim();
        settings.InterpretationDays = InterpretationDays;
        var ids = Columns.Select(c => c.Id).ToList();
        var changed = new List<object> { settings };
        foreach (var column in await Db.Columns.Where(c => c.SiteId == Id && ids.Contains(c.Id)).ToListAsync(ct))
        {
            var row = Columns.First(c => c.Id == column.Id);
            column.ReviewLevels = row.ReviewLevels;
            column.RequiresConfidentialityReview = row.RequiresConfidentialityReview;
            changed.Add(column);
        }
        audit.RecordChanges(GovSite.Audit.AuditActions.Settings, $"网站「{WorkingSite!.Name}」的发布设置", Id, [.. changed]);
        await Db.SaveChangesAsync(ct);
        Notice = "发布设置已保存";
        return LocalRedirect($"/admin/sites/{Id}/library/settings");
    }

    private IActionResult? Guard() => UseSite(Id) ?? (Access.CanAdministerSite(Id) ? null : Forbid());

    private async Task LoadColumnsAsync(CancellationToken ct)
    {
        var columns = await Db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == Id).ToListAsync(ct);
        Columns = [.. ColumnTree.Flatten(columns).Select(x => new ColumnRow
        {
            Id = x.Column.Id,
            Name = new string('　', x.Depth) + x.Column.Name,
            ReviewLevels = x.Column.ReviewLevels,
            RequiresConfidentialityReview = x.Column.RequiresConfidentialityReview,
        })];
    }
}
