using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.ErrorReports.Pages;

/// <summary>The form behind the 找错 entry of every page: the page's address and the selected text arrive in the link.</summary>
[GovSite.Security.PublicFormLimit(GovSite.Security.RateLimitOptions.ErrorReports, KeyField = "Input.Phone", KeyBucket = GovSite.Security.RateLimitOptions.ErrorReportsPerPhone)]
public sealed class NewErrorReportModel(CurrentSite current, SiteContent content, ErrorReportService reports) : PublicPageModel(current, content)
{
    [BindProperty]
    public ErrorReportInput Input { get; set; } = new();

    public ErrorReportReceipt? Receipt { get; private set; }
    public int AnswerDays { get; private set; }

    public string NationalUrl =>
        $"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={Uri.EscapeDataString(Site.Code)}&url={Uri.EscapeDataString(Input.PageUrl ?? "")}";

    public async Task<IActionResult> OnGetAsync(string? url, string? quote, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.PageUrl = url is { Length: <= 2000 } ? url : null;
        Input.QuotedText = quote is { Length: > 0 } ? quote.Length > 1000 ? quote[..1000] : quote : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        Input.ExternalNumber = null;
        Input.ReceivedOn = null;
        var outcome = await reports.SubmitAsync(Site.Id, Input, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Receipt is { } receipt)
        {
            Receipt = receipt;
            // A signed-in citizen finds it on their page (千人千网) with its status.
            if (await Citizens.CitizensSetup.CitizenIdAsync(HttpContext) is int citizenId)
            {
                await HttpContext.RequestServices.GetRequiredService<Citizens.PersonalPage>().ClaimErrorReportAsync(citizenId, receipt.Number, receipt.QueryCode, ct);
            }
            return Page();
        }
        outcome.Errors.CopyTo(ModelState, "Input", new Dictionary<string, string> { ["form"] = "" });
        if (outcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return false;
        }
        PageTitle = $"我为政府网站找错 - {Site.Name}";
        AnswerDays = (await reports.DeadlinesForSiteAsync(Site.Id, ct)).Answer;
        return true;
    }
}
