using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>
/// A source's settings, for platform admins only: its data address is fetched by the server, so
/// only the platform's operators choose it.
/// </summary>
public sealed class ImportSourceModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, TimeProvider clock) : AdminPageModel(access)
{
    public sealed class SourceInput
    {
        public string? Name { get; set; }
        public ImportFormat Format { get; set; }
        public string? Location { get; set; }
        public string? Mapping { get; set; }
        public string? DepartmentSites { get; set; }
        public string? SiteCode { get; set; }
        public bool PublishComplete { get; set; } = true;
        public int IntervalHours { get; set; } = 24;
        public bool IsActive { get; set; } = true;
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public List<SelectListItem> SiteChoices { get; private set; } = [];

    public static string DefaultMappingText => string.Join("\n", ServiceImportMapping.DefaultMapping.Select(kv => $"{kv.Key}={kv.Value}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        if (Id is int id)
        {
            var source = await db.ServiceImportSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (source is null)
            {
                return NotFound();
            }
            Input = new SourceInput
            {
                Name = source.Name, Format = source.Format, Location = source.Location, Mapping = source.Mapping, DepartmentSites = source.DepartmentSites,
                SiteCode = directory.FindById(source.SiteId)?.Code, PublishComplete = source.PublishComplete, IntervalHours = source.IntervalHours, IsActive = source.IsActive,
            };
        }
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        ModelState.Clear();
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "请填写数据源名称");
        }
        else if (name.Length > 100)
        {
            ModelState.AddModelError("Input.Name", "名称不能超过100个字");
        }
        var site = Input.SiteCode is { } code ? directory.FindByCode(code) : null;
        if (site is null)
        {
            ModelState.AddModelError("Input.SiteCode", "请选择默认网站");
        }
        var location = string.IsNullOrWhiteSpace(Input.Location) ? null : Input.Location.Trim();
        if (location is not null && !(ServiceGuideContent.IsWebAddress(location, 500) || Path.IsPathFullyQualified(location) && location.Length <= 500))
        {
            ModelState.AddModelError("Input.Location", "数据地址须是 http(s):// 开头的网址，或服务器上文件的完整路径");
        }
        var (_, mappingErrors) = ServiceImportMapping.Parse(Input.Mapping);
        foreach (var e in mappingErrors)
        {
            ModelState.AddModelError("Input.Mapping", e);
        }
        var (departments, siteErrors) = ServiceImporter.ParseDepartmentSites(Input.DepartmentSites);
        foreach (var e in siteErrors)
        {
            ModelState.AddModelError("Input.DepartmentSites", e);
        }
        foreach (var unknown in departments.Values.Where(c => directory.FindByCode(c) is null).Distinct())
        {
            ModelState.AddModelError("Input.DepartmentSites", $"网站标识码 {unknown} 不存在");
        }
        if (Input.IntervalHours is < 0 or > 24 * 30)
        {
            ModelState.AddModelError("Input.IntervalHours", "同步间隔须在0（不定时）到720小时之间");
        }
        if (!ModelState.IsValid)
        {
            Load();
            return Page();
        }
        ServiceImportSource? source;
        if (Id is int id)
        {
            source = await db.ServiceImportSources.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (source is null)
            {
                return NotFound();
            }
        }
        else
        {
            source = new ServiceImportSource { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.ServiceImportSources.Add(source);
        }
        source.Name = name!;
        source.Format = Input.Format;
        source.Location = location;
        source.Mapping = Input.Mapping?.Trim() ?? "";
        source.DepartmentSites = Input.DepartmentSites?.Trim() ?? "";
        source.SiteId = site!.Id;
        source.PublishComplete = Input.PublishComplete;
        source.IntervalHours = Input.IntervalHours;
        source.IsActive = Input.IsActive;
        await db.SaveChangesAsync(ct);
        Notice = $"已保存数据源“{source.Name}”";
        return Redirect("/admin/services/import");
    }

    private void Load() =>
        SiteChoices = [.. directory.All.OrderBy(s => s.Code).Select(s => new SelectListItem($"{s.Name}（{s.Code}）", s.Code, s.Code == Input.SiteCode))];
}
