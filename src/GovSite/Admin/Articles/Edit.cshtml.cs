using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Admin.Articles;

public sealed class EditArticleModel(SiteAccess access, GovSiteDb db, ArticleService articles, SiteDirectory directory, TimeProvider clock)
    : ArticleFormModel(access, db, articles, directory, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadArticleAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var a = Article!;
        Input = new ArticleInput
        {
            ColumnId = a.ColumnId,
            Title = a.Title,
            Body = a.Body,
            Summary = a.Summary,
            Source = a.Source,
            Author = a.Author,
            Keywords = a.Keywords,
            ImageUrl = a.ImageUrl,
            PublishedAt = a.PublishedAt is DateTime utc ? ChinaTime.ToLocal(utc) : null,
            Publish = a.Status == ArticleStatus.Published,
            IndexNumber = a.IndexNumber,
            Issuer = a.Issuer,
            DocNumber = a.DocNumber,
            WrittenDate = a.WrittenDate,
            SubjectCategory = a.SubjectCategory,
            Validity = a.Validity,
            InterpretsId = a.InterpretsId,
        };
        await LoadChoicesAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadArticleAsync(id, ct) is { } refused)
        {
            return refused;
        }
        // ImageUrl has no field yet; keep what is stored rather than clearing it.
        Input.ImageUrl = Article!.ImageUrl;
        return await SaveAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await LoadArticleAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var result = await ArticleService.WithdrawAsync(WorkingSite!.Id, id, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        Notice = "已撤回，文章不再在前台显示";
        return LocalRedirect($"/admin/articles/{id}/edit");
    }

    /// <summary>
    /// The query filter already hides other sites' drafts (so they are 404); a published
    /// article of a site this user has no part in is refused with 403.
    /// </summary>
    private async Task<IActionResult?> LoadArticleAsync(int id, CancellationToken ct)
    {
        Article = await Db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return Article is null ? NotFound() : UseSite(Article.SiteId);
    }
}
