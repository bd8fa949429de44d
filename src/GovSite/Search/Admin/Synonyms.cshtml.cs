using System.ComponentModel.DataAnnotations;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search.Admin;

/// <summary>
/// 通俗语言同义词表: the everyday words citizens type and the official terms they also search.
/// One table for the whole platform, so platform admins only. Saved rules apply to the next
/// search on every node (<see cref="SearchSynonyms"/>).
/// </summary>
public sealed class SynonymsModel(SiteAccess access, GovSiteDb db, SearchSynonyms synonyms, TimeProvider clock) : AdminPageModel(access)
{
    public sealed class SynonymInput
    {
        [Required(ErrorMessage = "请填写群众的说法")]
        [StringLength(64, ErrorMessage = "群众的说法不能超过64个字")]
        public string Everyday { get; set; } = "";

        [Required(ErrorMessage = "请填写至少一个规范用语")]
        [StringLength(500, ErrorMessage = "规范用语合计不能超过500个字")]
        public string Official { get; set; } = "";
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public SynonymInput Input { get; set; } = new();

    public List<SearchSynonym> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        if (Id is int id)
        {
            var rule = await db.SearchSynonyms.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (rule is null)
            {
                return NotFound();
            }
            Input = new SynonymInput { Everyday = rule.Everyday, Official = rule.Official.Replace("|", "、", StringComparison.Ordinal) };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        var everyday = ChineseText.Clean(Input.Everyday).Trim();
        // Admins list terms the way Chinese lists are written; the table keeps "|".
        var official = (Input.Official ?? "").Split(['|', '、', '，', ',', ';', '；', ' ', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct().ToList();
        if (ModelState.IsValid && !everyday.Any(ChineseText.IsHan) && !everyday.Any(ChineseText.IsWordChar))
        {
            ModelState.AddModelError("Input.Everyday", "群众的说法须包含汉字、字母或数字");
        }
        if (ModelState.IsValid && official.Count == 0)
        {
            ModelState.AddModelError("Input.Official", "请填写至少一个规范用语");
        }
        if (ModelState.IsValid && official.Any(o => ChineseText.Fold(o) == ChineseText.Fold(everyday)))
        {
            ModelState.AddModelError("Input.Official", "规范用语不能与群众的说法相同");
        }
        if (ModelState.IsValid && await db.SearchSynonyms.AnyAsync(s => s.Everyday == everyday && s.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Everyday", $"“{everyday}”已在同义词表中，请编辑原有条目");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        SearchSynonym? rule;
        if (Id is int id)
        {
            rule = await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (rule is null)
            {
                return NotFound();
            }
        }
        else
        {
            rule = new SearchSynonym();
            db.SearchSynonyms.Add(rule);
        }
        rule.Everyday = everyday;
        rule.Official = string.Join('|', official);
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await synonyms.ChangedAsync(ct);
        Notice = $"已保存：搜索“{rule.Everyday}”时也查找“{string.Join("、", official)}”";
        return Redirect("/admin/search/synonyms");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int deleteId, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        var rule = await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == deleteId, ct);
        if (rule is null)
        {
            return NotFound();
        }
        db.SearchSynonyms.Remove(rule);
        await db.SaveChangesAsync(ct);
        await synonyms.ChangedAsync(ct);
        Notice = $"已删除“{rule.Everyday}”";
        return Redirect("/admin/search/synonyms");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rules = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Everyday).ToListAsync(ct);
}
