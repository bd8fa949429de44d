using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing.Files;
using GovSite.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services.Admin;

/// <summary>
/// What the new-item and edit pages share: the guide's form (bound to <see cref="ServiceGuideContent"/>,
/// with spare rows in each list), the completeness check under the national rule shown beside
/// it, and uploading a form or sample.
/// </summary>
public abstract class ServiceFormModel(SiteAccess access, GovSiteDb db, FileService files) : AdminPageModel(access)
{
    [BindProperty]
    public ServiceGuideContent Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? UploadTitle { get; set; }

    [BindProperty]
    public DocumentKind UploadKind { get; set; }

    public List<SelectListItem> SiteFiles { get; private set; } = [];

    /// <summary>The guide in the form, judged as the checker would judge its page.</summary>
    public GuideAssessment Assessment { get; private set; } = new([], []);

    public static IEnumerable<SelectListItem> TypeChoices => Enum.GetValues<ServiceItemType>().Select(t => new SelectListItem(ServiceTaxonomy.Label(t), t.ToString()));

    public static IEnumerable<SelectListItem> DepthChoices => Enum.GetValues<OnlineDepth>().Select(t => new SelectListItem(ServiceTaxonomy.Label(t), t.ToString()));

    public static IEnumerable<SelectListItem> FormChoices => Enum.GetValues<MaterialForm>().Select(t => new SelectListItem(ServiceTaxonomy.Label(t), t.ToString()));

    public static IEnumerable<SelectListItem> KindChoices => Enum.GetValues<DocumentKind>().Select(t => new SelectListItem(ServiceTaxonomy.Label(t), t.ToString()));

    /// <summary>The rows the form shows: what is there plus a few empty ones to fill in (empty rows are ignored on save).</summary>
    protected async Task PrepareAsync(int siteId, CancellationToken ct)
    {
        Assessment = Input.Assess();
        Pad(Input.Materials, 3);
        Pad(Input.Steps, 2);
        Pad(Input.Questions, 2);
        Pad(Input.Documents, 1);
        var own = await db.StoredFiles.AsNoTracking().Where(f => f.SiteId == siteId).OrderByDescending(f => f.Id).Take(200)
            .Select(f => new { f.Id, f.FileName }).ToListAsync(ct);
        SiteFiles = [new SelectListItem("（不使用上传的文件）", ""), .. own.Select(f => new SelectListItem($"{f.FileName}（编号 {f.Id}）", f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static void Pad<T>(List<T> list, int spare) where T : new()
    {
        for (var i = 0; i < spare && list.Count < ServiceGuideContent.MaxListEntries; i++)
        {
            list.Add(new T());
        }
    }

    /// <summary>A file chosen in the upload field becomes one more form or sample of the guide; false (with the reason beside the field) when refused.</summary>
    protected async Task<bool> TakeUploadAsync(int siteId, CancellationToken ct)
    {
        if (Upload is not { Length: > 0 } file)
        {
            return true;
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await files.UploadAsync(siteId, file.FileName, stream, ct);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors.All.SelectMany(e => e.Value).DefaultIfEmpty("无权上传文件"))
            {
                ModelState.AddModelError(nameof(Upload), message);
            }
            return false;
        }
        Input.Documents.Add(new DocumentInput
        {
            Kind = UploadKind,
            Title = string.IsNullOrWhiteSpace(UploadTitle) ? Path.GetFileNameWithoutExtension(result.Value!.FileName) : UploadTitle.Trim(),
            FileId = result.Value!.Id,
        });
        return true;
    }

    /// <summary>The missing element's message on the element itself, as the summary lists it.</summary>
    public string? MissingNote(string element) =>
        Assessment.Missing.Contains(element) ? $"缺少要素“{element}”" : Assessment.Vague.FirstOrDefault(v => v.Element == element) is { } vague
            ? $"“{vague.Wording}”是模糊表述，请写明具体内容" : null;
}
