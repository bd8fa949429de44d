using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts.Admin;

public sealed class UsersModel(SiteAccess access, UserService users, GovSiteDb db, SiteDirectory directory, TimeProvider clock)
    : AdminPageModel(access)
{
    public sealed record Row(int Id, string UserName, string DisplayName, bool IsActive, bool LockedOut, List<string> Roles);

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<Row> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.CreateAsync(Input, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (result.Succeeded)
        {
            Notice = $"已创建用户 {result.Value!.UserName}，请为其分配角色";
            return LocalRedirect($"/admin/users/{result.Value.Id}");
        }
        AddErrors(result.Errors, nameof(Input));
        Input.Password = "";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db.Users.AsNoTracking().Include(u => u.Grants).OrderBy(u => u.UserName).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        Users = [.. list.Select(u => new Row(u.Id, u.UserName, u.DisplayName, u.IsActive, u.LockoutEnd > now,
            [.. u.Grants.Select(g => GrantText.Describe(g, directory, regions))]))];
    }
}
