using System.Globalization;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Calendar.Admin;

/// <summary>The working-day calendar: import a year (holiday-cn file), add a local holiday or adjusted working day.</summary>
public sealed class CalendarModel(SiteAccess access, GovSiteDb db, CalendarService calendar, Audit.AuditLog audit) : AdminPageModel(access)
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public bool IsOffDay { get; set; } = true;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<CalendarDay> Stored { get; private set; } = [];
    // A year's notice may list a date of the year before (2018-12-29 in 2019's); count only years with a notice.
    public List<int> ShippedYears { get; } = [.. CalendarService.ShippedOnly().Listed.Keys.GroupBy(d => d.Year).Where(g => g.Count() >= 10).Select(g => g.Key).Order()];
    public int Year { get; private set; }
    public List<ListedDay> YearDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        await LoadAsync(year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(nameof(Date), "请按 YYYY-MM-DD 填写日期");
        }
        var name = (Name ?? "").Trim();
        if (name.Length is 0 or > 50)
        {
            ModelState.AddModelError(nameof(Name), "请填写名称（50 字以内），如“地方节日”或“春节调休”");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(null, ct);
            return Page();
        }
        await calendar.StoreAsync(db, [new ListedDay(date, IsOffDay, name)], "manual", ct);
        await audit.RecordAsync(Audit.AuditActions.Settings, "工作日历", $"设置 {Date} 为{(IsOffDay ? "休息日" : "工作日")}（{name}）", ct: ct);
        Notice = $"已设置 {Date} 为{(IsOffDay ? "休息日" : "工作日")}（{name}）";
        return LocalRedirect($"/admin/calendar?year={date.Year}");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的 holiday-cn 格式 JSON 文件（1 MB 以内）");
            await LoadAsync(null, ct);
            return Page();
        }
        await using var upload = Upload.OpenReadStream();
        var (text, problem) = await Common.UploadedText.ReadAsync(upload, Upload.FileName, "JSON", 1024 * 1024, maxLineChars: null, ct);
        var (days, error) = problem is null ? HolidayCnFile.Parse(text!) : ([], problem);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            await LoadAsync(null, ct);
            return Page();
        }
        var count = await calendar.StoreAsync(db, days, "import", ct);
        await audit.RecordAsync(Audit.AuditActions.Settings, "工作日历", $"导入文件「{Upload.FileName}」，{count} 个日期", ct: ct);
        Notice = $"已导入 {count} 个日期";
        return LocalRedirect("/admin/calendar");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int dayId, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        var removed = await db.CalendarDays.AsNoTracking().Where(d => d.Id == dayId).Select(d => new { d.Date, d.Name }).FirstOrDefaultAsync(ct);
        await calendar.RemoveAsync(db, dayId, ct);
        if (removed is not null)
        {
            await audit.RecordAsync(Audit.AuditActions.Deleted, "工作日历",
                $"删除 {removed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（{removed.Name}）", ct: ct);
        }
        Notice = "已删除，该日期恢复为内置安排";
        return LocalRedirect("/admin/calendar");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Stored = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
        var current = calendar.Current;
        Year = year ?? DateTime.UtcNow.Year;
        YearDays = [.. current.Listed.Values.Where(d => d.Date.Year == Year).OrderBy(d => d.Date)];
    }
}
