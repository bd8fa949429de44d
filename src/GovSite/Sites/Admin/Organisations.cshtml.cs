using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites.Admin;

public sealed class OrganisationsModel(SiteAccess access, RegistryService registry, GovSiteDb db) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, string RegionCode, string RegionName, string? Phone);

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public string? EditingName { get; private set; }
    public string? Query { get; private set; }
    public List<Row> Organisations { get; private set; } = [];
    public List<SelectListItem> RegionOptions { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? q, int? page, CancellationToken ct)
    {
        if (!registry.CanEdit)
        {
            return Forbid();
        }
        if (Id is int id)
        {
            var organisation = await db.Organisations.AsNoTracking().Include(o => o.Region).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
            {
                return NotFound();
            }
            if (!Access.CanRegisterIn(organisation.RegionId))
            {
                return Forbid();
            }
            Input = new OrganisationInput
            {
                Name = organisation.Name,
                RegionCode = organisation.Region!.Code,
                Phone = organisation.Phone,
                Address = organisation.Address,
            };
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
        Input.Name ??= "";
        Input.RegionCode ??= "";
        if (ModelState.IsValid)
        {
            var result = await registry.SaveOrganisationAsync(Id, Input, ct);
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            if (result.Succeeded)
            {
                Notice = $"已保存单位：{result.Value!.Name}";
                return LocalRedirect("/admin/organisations");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await LoadAsync(null, null, ct);
        return Page();
    }

    private async Task LoadAsync(string? q, int? page, CancellationToken ct)
    {
        Query = q?.Trim();
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            query = query.Where(o => o.Name.Contains(Query));
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), "/admin/organisations", Request.Query);
        Organisations = await query.OrderBy(o => o.Region!.Code).ThenBy(o => o.Name).Skip(Pager.Skip).Take(PageSize)
            .Select(o => new Row(o.Id, o.Name, o.Region!.Code, o.Region.Name, o.Phone))
            .ToListAsync(ct);
        if (Id is int id)
        {
            EditingName = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct);
        }
        RegionOptions = await GovSite.Admin.RegionOptions.ForAsync(db, Access, RegionOptionKind.All, ct, Input.RegionCode);
    }
}
