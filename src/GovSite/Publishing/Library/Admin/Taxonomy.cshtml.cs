using System.Globalization;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library.Admin;

/// <summary>The platform taxonomy (主题分类, 体裁分类) every item is classified by; platform admins extend it.</summary>
public sealed class TaxonomyModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, GovSite.Audit.AuditLog audit) : LibraryPageModel(access, db, directory)
{
    public List<Classification> Entries { get; private set; } = [];

    [BindProperty]
    public ClassificationScheme Scheme { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entries = await Db.Classifications.AsNoTracking().OrderBy(c => c.Scheme).ThenBy(c => c.SortOrder).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            ModelState.AddModelError(nameof(Name), "请填写分类名称（不超过100个字）");
        }
        else if (await Db.Classifications.AnyAsync(c => c.Scheme == Scheme && c.Name == name, ct))
        {
            ModelState.AddModelError(nameof(Name), "该分类已存在");
        }
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(ct);
        }
        var count = await Db.Classifications.CountAsync(c => c.Scheme == Scheme, ct);
        var sort = await Db.Classifications.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        Db.Classifications.Add(new Classification
        {
            Scheme = Scheme,
            Code = (count + 1).ToString("D2", CultureInfo.InvariantCulture),
            Name = name,
            SortOrder = sort + 1,
        });
        audit.Record(GovSite.Audit.AuditActions.Settings, "平台分类体系", $"新增{(Scheme == ClassificationScheme.Subject ? "主题" : "体裁")}分类「{name}」");
        await Db.SaveChangesAsync(ct);
        Notice = $"已添加分类「{name}」";
        return LocalRedirect("/admin/taxonomy");
    }
}
