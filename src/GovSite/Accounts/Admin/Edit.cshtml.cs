using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts.Admin;

public sealed class UserModel(SiteAccess access, UserService users, GovSiteDb db, SiteDirectory directory) : AdminPageModel(access)
{
    private Dictionary<int, string> _regionNames = [];

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public GrantInput Grant { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Only here so a refusal to deactivate has a field to show beside.</summary>
    public bool IsActive { get; set; }

    public User ManagedUser { get; private set; } = null!;
    public List<SelectListItem> SiteChoices { get; private set; } = [];
    public List<SelectListItem> RegionChoices { get; private set; } = [];

    public string Describe(RoleGrant grant) => GrantText.Describe(grant, directory, _regionNames);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        !users.CanManage ? Forbid() : await ShowAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.GrantAsync(Id, Grant, ct);
        return Refusal(result) ?? (result.Succeeded
            ? Done($"已分配角色：{Labels.Of(result.Value!.Role)}")
            : await ShowAsync(ct, () => AddErrors(result.Errors, nameof(Grant))));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int grantId, CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.RevokeAsync(Id, grantId, ct);
        return Refusal(result) ?? (result.Succeeded
            ? Done($"已撤销角色：{Labels.Of(result.Value!.Role)}")
            : await ShowAsync(ct, () => AddErrors(result.Errors, nameof(Grant))));
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.UpdateProfileAsync(Id, DisplayName, Email, ct);
        // A refused save keeps what was typed: ShowAsync fills the fields only when they were not posted.
        return Refusal(result) ?? (result.Succeeded
            ? Done("已保存姓名和电子邮箱")
            : await ShowAsync(ct, () => AddErrors(result.Errors, "", new Dictionary<string, string> { ["DisplayName"] = nameof(DisplayName), ["Email"] = nameof(Email) }),
                keepTyped: true));
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.ResetPasswordAsync(Id, Password ?? "", ct);
        Password = null;
        return Refusal(result) ?? (result.Succeeded
            ? Done("已重设密码")
            : await ShowAsync(ct, () => AddErrors(result.Errors, "", new Dictionary<string, string> { ["Password"] = nameof(Password) })));
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return Forbid();
        }
        var result = await users.SetActiveAsync(Id, active, ct);
        return Refusal(result) ?? (result.Succeeded
            ? Done(active ? "已启用账号" : "已停用账号")
            : await ShowAsync(ct, () => AddErrors(result.Errors, "", new Dictionary<string, string> { ["IsActive"] = nameof(IsActive) })));
    }

    private LocalRedirectResult Done(string notice)
    {
        Notice = notice;
        return LocalRedirect($"/admin/users/{Id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, Action? addErrors = null, bool keepTyped = false)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }
        ManagedUser = user;
        if (!keepTyped)
        {
            DisplayName = user.DisplayName;
            Email = user.Email;
        }
        addErrors?.Invoke();
        _regionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        SiteChoices = [.. directory.All.Select(s => new SelectListItem($"{s.Name}（{s.Code}）", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        RegionChoices = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new SelectListItem(r.Code + " " + r.Name, r.Id.ToString()))
            .ToListAsync(ct);
        return Page();
    }
}
