using System.ComponentModel.DataAnnotations;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search.Admin;

/// <summary>
/// 搜索即服务 answer cards: platform admins keep the cards for every site, site admins those of
/// their own sites. A simple store until the services and FAQ features fill it.
/// </summary>
public sealed class AnswersModel(SiteAccess access, SiteDirectory sites, GovSiteDb db) : AdminPageModel(access)
{
    public sealed class AnswerInput
    {
        public int SiteId { get; set; }

        [Required(ErrorMessage = "请填写卡片标题")]
        [StringLength(200, ErrorMessage = "标题不能超过200个字")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写触发词")]
        [StringLength(500, ErrorMessage = "触发词不能超过500个字")]
        public string Triggers { get; set; } = "";

        [Required(ErrorMessage = "请填写答案")]
        [StringLength(2000, ErrorMessage = "答案不能超过2000个字")]
        public string Answer { get; set; } = "";

        [StringLength(500, ErrorMessage = "链接不能超过500个字符")]
        public string? Url { get; set; }

        [StringLength(100, ErrorMessage = "链接文字不能超过100个字")]
        public string? UrlText { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public List<SearchAnswer> Cards { get; private set; } = [];
    public List<SelectListItem> SiteOptions { get; private set; } = [];

    public string ScopeName(int siteId) => siteId == 0 ? "所有网站" : sites.FindById(siteId)?.Name ?? $"网站 {siteId}";

    private bool CanEdit(int siteId) => siteId == 0 ? Access.Unrestricted : Access.CanAdministerSite(siteId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var card = await db.SearchAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (card is null)
            {
                return NotFound();
            }
            if (!CanEdit(card.SiteId))
            {
                return Forbid();
            }
            Input = new AnswerInput { SiteId = card.SiteId, Title = card.Title, Triggers = card.Triggers, Answer = card.Answer, Url = card.Url, UrlText = card.UrlText };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit(Input.SiteId))
        {
            return Forbid();
        }
        if (Input.Url is { Length: > 0 } url && !url.StartsWith('/') && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) &&
            !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.Url", "链接须以 / 或 http(s):// 开头");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        SearchAnswer? card;
        if (Id is int id)
        {
            card = await db.SearchAnswers.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (card is null)
            {
                return NotFound();
            }
            if (!CanEdit(card.SiteId))
            {
                return Forbid();
            }
        }
        else
        {
            card = new SearchAnswer();
            db.SearchAnswers.Add(card);
        }
        card.SiteId = Input.SiteId;
        card.Title = Input.Title.Trim();
        card.Triggers = Input.Triggers.Trim();
        card.Answer = Input.Answer.Trim();
        card.Url = string.IsNullOrWhiteSpace(Input.Url) ? null : Input.Url.Trim();
        card.UrlText = string.IsNullOrWhiteSpace(Input.UrlText) ? null : Input.UrlText.Trim();
        await db.SaveChangesAsync(ct);
        Notice = $"已保存答案卡片“{card.Title}”";
        return Redirect("/admin/search/answers");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int deleteId, CancellationToken ct)
    {
        var card = await db.SearchAnswers.FirstOrDefaultAsync(a => a.Id == deleteId, ct);
        if (card is null)
        {
            return NotFound();
        }
        if (!CanEdit(card.SiteId))
        {
            return Forbid();
        }
        db.SearchAnswers.Remove(card);
        await db.SaveChangesAsync(ct);
        Notice = $"已删除答案卡片“{card.Title}”";
        return Redirect("/admin/search/answers");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.SearchAnswers.AsNoTracking().OrderBy(a => a.SiteId).ThenBy(a => a.Title).ToListAsync(ct);
        Cards = [.. all.Where(a => a.SiteId == 0 || Access.CanSee(a.SiteId))];
        if (Access.Unrestricted)
        {
            SiteOptions.Add(new SelectListItem("所有网站", "0", Input.SiteId == 0));
        }
        SiteOptions.AddRange(sites.All.Where(s => Access.CanAdministerSite(s.Id))
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Input.SiteId)));
    }
}
