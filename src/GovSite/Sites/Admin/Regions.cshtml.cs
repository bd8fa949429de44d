using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites.Admin;

public sealed class RegionsModel(SiteAccess access, RegistryService registry, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Code, string Name, RegionLevel Level, string? ParentName);

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public RegionInput Input { get; set; } = new();

    public string? EditingName { get; private set; }
    public string? Query { get; private set; }
    public List<Row> Regions { get; private set; } = [];
    public List<SelectListItem> ParentOptions { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        if (!registry.CanEdit)
        {
            return Forbid();
        }
        if (Id is int id)
        {
            var region = await db.Regions.AsNoTracking().Include(r => r.Parent).FirstOrDefaultAsync(r => r.Id == id, ct);
            if (region is null)
            {
                return NotFound();
            }
            if (!Access.CanRegisterIn(id))
            {
                return Forbid();
            }
            Input = new RegionInput { Code = region.Code, Name = region.Name, Level = region.Level, ParentCode = region.Parent?.Code };
        }
        await LoadAsync(q, page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!registry.CanEdit)
        {
            return Forbid();
        }
        Input.Code ??= "";
        Input.Name ??= "";
        if (ModelState.IsValid)
        {
            var result = await registry.SaveRegionAsync(Id, Input, ct);
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            if (result.Succeeded)
            {
                Notice = $"已保存地区：{result.Value!.Name}（{result.Value.Code}）";
                return LocalRedirect("/admin/regions");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await LoadAsync(null, null, ct);
        return Page();
    }

    private async Task LoadAsync(string? q, int? page, CancellationToken ct)
    {
        Query = q?.Trim();
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            query = query.Where(r => r.Code.StartsWith(Query) || r.Name.Contains(Query));
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), "/admin/regions", Request.Query);
        Regions = await query.OrderBy(r => r.Code).Skip(Pager.Skip).Take(PageSize)
            .Select(r => new Row(r.Id, r.Code, r.Name, r.Level, r.Parent == null ? null : r.Parent.Name))
            .ToListAsync(ct);
        if (Id is int id)
        {
            EditingName = await db.Regions.Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct);
        }
        ParentOptions = await RegionOptions.ForAsync(db, Access, RegionOptionKind.Parents, ct);
    }
}
