using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin.Articles;

/// <summary>The article form shared by writing a new article and editing one.</summary>
public abstract class ArticleFormModel(SiteAccess access, GovSiteDb db, ArticleService articles, SiteDirectory directory, TimeProvider clock)
    : AdminPageModel(access)
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    public List<SelectListItem> ColumnChoices { get; private set; } = [];
    public List<SelectListItem> PolicyChoices { get; private set; } = [];

    /// <summary>The saved article, when editing.</summary>
    public Article? Article { get; protected set; }

    public bool CanWrite => WorkingSite is not null && Access.CanEditContent(WorkingSite.Id);

    /// <summary>Open the 政策文件 section when it holds anything, or an error.</summary>
    public bool PolicyOpen =>
        Input.IndexNumber is not null || Input.Issuer is not null || Input.DocNumber is not null || Input.WrittenDate is not null ||
        Input.SubjectCategory is not null || Input.Validity is not null || Input.InterpretsId is not null ||
        new[] { "IndexNumber", "Issuer", "DocNumber", "WrittenDate", "SubjectCategory", "Validity", "InterpretsId" }
            .Any(f => ModelState.TryGetValue($"Input.{f}", out var e) && e.Errors.Count > 0);

    protected GovSiteDb Db => db;

    protected ArticleService ArticleService => articles;

    /// <summary>404 for an unknown site, 403 for one this user has no part in.</summary>
    protected IActionResult? UseSite(int siteId)
    {
        WorkingSite = directory.FindById(siteId);
        return WorkingSite is null ? NotFound() : !Access.CanSee(siteId) ? Forbid() : null;
    }

    protected async Task<IActionResult> SaveAsync(int? articleId, CancellationToken ct)
    {
        var siteId = WorkingSite!.Id;
        Input.Title ??= "";
        if (ModelState.IsValid)
        {
            var result = await articles.SaveAsync(siteId, articleId, Input, ct);
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            if (result.Succeeded)
            {
                var saved = result.Value!;
                Notice = saved.Status == ArticleStatus.Published
                    ? saved.PublishedAt > clock.GetUtcNow().UtcDateTime
                        ? $"已保存，将于 {ChinaTime.Format(saved.PublishedAt)} 发布"
                        : "已发布"
                    : "已保存为草稿";
                return LocalRedirect($"/admin/articles/{saved.Id}/edit");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await LoadChoicesAsync(articleId, ct);
        return Page();
    }

    protected async Task LoadChoicesAsync(int? articleId, CancellationToken ct)
    {
        var siteId = WorkingSite!.Id;
        var columns = await db.Columns.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(ct);
        ColumnChoices = ColumnTree.Options(ColumnTree.Flatten(columns));
        PolicyChoices = await db.Articles.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Id != articleId &&
                        (a.DocNumber != null || a.Issuer != null || a.IndexNumber != null || a.Id == Input.InterpretsId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(300)
            .Select(a => new SelectListItem(a.DocNumber == null ? a.Title : a.Title + "（" + a.DocNumber + "）",
                a.Id.ToString()))
            .ToListAsync(ct);
    }

    public string PublicUrl => Article is null || WorkingSite is null ? "" : $"/sites/{WorkingSite.Code}/articles/{Article.Id}";
}
