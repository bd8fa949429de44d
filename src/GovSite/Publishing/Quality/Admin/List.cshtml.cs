using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>
/// One term list: rename, set its severity, and change its terms from a text file (one term per
/// line; 100,000 lines is a few megabytes, hence the larger upload limit) or a text box.
/// </summary>
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024, ValueLengthLimit = MaxUploadBytes)]
public sealed class QualityListModel(SiteAccess access, QualityLists lists, SiteDirectory sites) : AdminPageModel(access)
{
    public const int MaxUploadBytes = 16 * 1024 * 1024;
    public const int ShownTerms = 300;

    public sealed class ListInput
    {
        public string Name { get; set; } = "";
        public QualitySeverity? Severity { get; set; }
    }

    public sealed class TermsInput
    {
        public QualityLists.TermChange Change { get; set; } = QualityLists.TermChange.Add;
        public string? Text { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ListInput Input { get; set; } = new();

    [BindProperty]
    public TermsInput Terms { get; set; } = new();

    public QualityList List { get; private set; } = null!;
    public List<string> Sample { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string Scope => List.SiteId is int id ? sites.FindById(id)?.Name ?? $"网站 {id}" : "平台（所有网站）";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Input = new ListInput { Name = List.Name, Severity = List.Severity };
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        var result = await lists.RenameAsync(Id, Input.Name, Input.Severity, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            return await LoadAsync(ct) ?? Page();
        }
        Notice = $"已保存“{result.Value!.Name}”";
        return Redirect($"/admin/quality/lists/{Id}");
    }

    public async Task<IActionResult> OnPostTermsAsync(IFormFile? file, CancellationToken ct)
    {
        string text;
        if (file is { Length: > 0 })
        {
            await using var upload = file.OpenReadStream();
            var (read, problem) = await Common.UploadedText.ReadAsync(upload, file.FileName, "词条文本", MaxUploadBytes, Common.UploadedText.MaxLineChars, ct);
            if (problem is not null)
            {
                ModelState.AddModelError("file", problem);
                return await LoadAsync(ct) ?? Page();
            }
            text = read!;
        }
        else if (!string.IsNullOrWhiteSpace(Terms.Text))
        {
            text = Terms.Text;
        }
        else
        {
            ModelState.AddModelError("file", "请选择词条文件，或在文本框中填写词条");
            return await LoadAsync(ct) ?? Page();
        }
        var result = await lists.ChangeTermsAsync(Id, Terms.Change, text, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Terms), new Dictionary<string, string> { ["Terms"] = "Terms.Text" });
            return await LoadAsync(ct) ?? Page();
        }
        Notice = $"已更新词条，“{result.Value!.Name}”现有 {result.Value.TermCount:N0} 个词条";
        return Redirect($"/admin/quality/lists/{Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await lists.DeleteAsync(Id, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        Notice = $"已删除“{result.Value!.Name}”";
        return Redirect(result.Value.SiteId is int site ? $"/admin/sites/{site}/quality" : "/admin/quality");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await lists.FindAsync(Id, ct) is not { } list)
        {
            return NotFound();
        }
        if (list.SiteId is int siteId && !Access.CanSee(siteId))
        {
            return Forbid();
        }
        List = list;
        CanEdit = lists.CanEdit(list.SiteId);
        WorkingSite = list.SiteId is int s ? sites.FindById(s) : null;
        Sample = [.. list.Terms.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(ShownTerms)];
        return null;
    }
}
