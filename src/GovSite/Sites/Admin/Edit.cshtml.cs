using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites.Admin;

public sealed class EditSiteModel(SiteAccess access, GovSiteDb db, SiteService sites, SiteDirectory directory)
    : SiteFormModel(access, db)
{
    public override string Heading => $"网站信息：{WorkingSite?.Name}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var site = await Db.Sites.AsNoTracking().Include(s => s.Domains).Include(s => s.Region).Include(s => s.Parent)
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return NotFound();
        }
        if (!Access.CanAdministerSite(id) && !Access.CanRegisterIn(site.RegionId))
        {
            return Forbid();
        }
        WorkingSite = directory.FindById(id);
        Input = SiteService.ToInput(site, site.Region!.Code, site.Parent?.Code);
        DomainLines = string.Join('\n', Input.Domains);
        CodeWarning = SiteCode.Check(site.Code, site.Region.Code).Warning;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var regionId = await Db.Sites.Where(s => s.Id == id).Select(s => (int?)s.RegionId).FirstOrDefaultAsync(ct);
        if (regionId is null)
        {
            return NotFound();
        }
        if (!Access.CanAdministerSite(id) && !Access.CanRegisterIn(regionId.Value))
        {
            return Forbid();
        }
        WorkingSite = directory.FindById(id);
        PrepareInput();
        if (ModelState.IsValid)
        {
            var result = await sites.UpdateAsync(id, Input, ct);
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            if (result.Succeeded)
            {
                Notice = $"已保存网站信息：{result.Value!.Name}";
                return LocalRedirect($"/admin/sites/{id}/edit");
            }
            AddSiteErrors(result.Errors);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
