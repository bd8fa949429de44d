using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Sites.Admin;

public sealed class NewSiteModel(SiteAccess access, GovSiteDb db, SiteService sites) : SiteFormModel(access, db)
{
    public override string Heading => "登记网站";

    // Platform admins and supervisors register sites; the service checks the region itself.
    private bool MayRegister => Access.Unrestricted || Access.RegionIds.Length > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayRegister)
        {
            return Forbid();
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayRegister)
        {
            return Forbid();
        }
        PrepareInput();
        if (ModelState.IsValid)
        {
            var result = await sites.CreateAsync(Input, ct);
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            if (result.Succeeded)
            {
                Notice = $"已登记网站：{result.Value!.Name}，并建立了标准栏目。";
                return LocalRedirect($"/admin/sites/{result.Value.Id}/edit");
            }
            AddSiteErrors(result.Errors);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
