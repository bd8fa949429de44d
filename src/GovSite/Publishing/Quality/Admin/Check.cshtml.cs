using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Sites;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovSite.Publishing.Quality.Admin;

/// <summary>检查文本: paste a title and body, see every finding marked in place with the chosen site's settings.</summary>
public sealed class QualityCheckModel(SiteAccess access, SiteDirectory sites, QualityGate gate, HtmlEncoder encoder) : AdminPageModel(access)
{
    public sealed class CheckInput
    {
        public int SiteId { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
    }

    [BindProperty]
    public CheckInput Input { get; set; } = new();

    public List<SelectListItem> SiteOptions { get; private set; } = [];
    public IReadOnlyList<QualityFinding>? Findings { get; private set; }
    public string PlainTitle { get; private set; } = "";
    public string PlainBody { get; private set; } = "";

    public void OnGet(int? siteId)
    {
        Input.SiteId = siteId ?? 0;
        Load();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Load();
        if (sites.FindById(Input.SiteId) is null)
        {
            ModelState.AddModelError("Input.SiteId", "请选择网站");
        }
        else if (!QualitySetup.CanCheck(Access, Input.SiteId))
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(Input.Title) && string.IsNullOrWhiteSpace(Input.Body))
        {
            ModelState.AddModelError("Input.Body", "请填写要检查的标题或正文");
        }
        if (Input.Body is { Length: > QualitySetup.MaxBodyLength })
        {
            ModelState.AddModelError("Input.Body", "正文过长，请分段检查");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var body = Input.Body ?? "";
        // Text pasted from a document has no tags: its lines become paragraphs, as the editor would make them.
        var html = HtmlSanitiser.LooksLikeHtml(body) ? body : HtmlSanitiser.FromPlainText(body);
        PlainTitle = Input.Title ?? "";
        PlainBody = HtmlSanitiser.ToPlainText(HtmlSanitiser.Sanitise(html));
        Findings = await gate.CheckAsync(new QualityInput(Input.SiteId, PlainTitle, html), ct);
        return Page();
    }

    private void Load()
    {
        SiteOptions = QualityPageText.SiteOptions(sites, id => QualitySetup.CanCheck(Access, id), Input.SiteId);
        if (SiteOptions.Count > 0 && !SiteOptions.Any(o => o.Selected))
        {
            SiteOptions[0].Selected = true;
        }
    }

    /// <summary>
    /// The field's text with each finding marked where it is: text findings wrap their characters,
    /// image and link findings (length 0) show a small marker at their place. Each mark names its
    /// finding's number for screen readers; overlapping findings keep the first mark.
    /// </summary>
    public IHtmlContent Highlight(string field, string text)
    {
        var marks = (Findings ?? []).Select((f, i) => (Finding: f, Number: i + 1)).Where(x => x.Finding.Field == field)
            .OrderBy(x => x.Finding.Start).ThenByDescending(x => x.Finding.Length).ToList();
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (f, number) in marks)
        {
            var start = Math.Clamp(f.Start, 0, text.Length);
            if (start < at)
            {
                continue;
            }
            sb.Append(encoder.Encode(text[at..start]));
            var end = Math.Clamp(f.Start + f.Length, start, text.Length);
            var css = f.Severity == "block" ? "finding-block" : "finding-warn";
            var label = string.Create(CultureInfo.InvariantCulture, $"问题 {number}：{QualityCodes.Label(f.Code)}");
            sb.Append(CultureInfo.InvariantCulture, $"<mark class=\"{css}\" title=\"{encoder.Encode(label)}\">");
            sb.Append(end > start ? encoder.Encode(text[start..end]) : f.Code == QualityCodes.MissingAlt ? "［图片］" : "［链接］");
            sb.Append(CultureInfo.InvariantCulture, $"<sup><a href=\"#finding-{number}\">{number}<span class=\"visually-hidden\">（{encoder.Encode(label)}）</span></a></sup></mark>");
            at = end;
        }
        sb.Append(encoder.Encode(text[at..]));
        return new HtmlString(sb.ToString());
    }
}
