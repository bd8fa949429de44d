using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

[Security.PublicFormLimit(Security.RateLimitOptions.SurveyAnswers)]
public sealed class SurveyPageModel(CurrentSite current, SiteContent content, SurveyService surveys, VoterToken voters)
    : PublicPageModel(current, content)
{
    public Survey Survey { get; private set; } = null!;
    public DateOnly Today => surveys.Today;
    public bool IsOpen => SurveyService.IsOpen(Survey, Today);
    public bool AlreadyResponded { get; private set; }
    public bool Submitted { get; private set; }
    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public string[] Given(string field) => HttpMethods.IsPost(Request.Method) && Request.HasFormContentType
        ? [.. Request.Form[field].OfType<string>()]
        : [];

    public async Task<IActionResult> OnGetAsync(int id, bool? submitted, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Submitted = submitted == true;
        var voter = voters.Read(Request.Cookies[VoterToken.CookieName]);
        if (voter is null)
        {
            // The browser's id for "one response per person"; see VoterToken for what it can and cannot do.
            Response.Cookies.Append(VoterToken.CookieName, voters.Issue(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                Secure = Request.IsHttps,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                Path = "/",
            });
        }
        AlreadyResponded = await surveys.HasRespondedAsync(id, voter, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var answers = Survey.Questions.ToDictionary(q => q.Id, q => Request.Form[$"q{q.Id}"].OfType<string>().ToArray());
        var voter = voters.Read(Request.Cookies[VoterToken.CookieName]);
        var result = await surveys.SubmitAsync(Site.Id, id, voter, ParticipationSetup.ClientHash(HttpContext, $"survey:{id}"), answers,
            honeypotFilled: !string.IsNullOrEmpty(Request.Form["Website"]), ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            return Redirect(Link($"/surveys/{id}?submitted=true"));
        }
        foreach (var (field, messages) in result.Errors.All)
        {
            Errors.AddRange(messages.Select(m => (field, m)));
        }
        AlreadyResponded = result.Errors.All.Any(e => e.Value.Any(m => m.Contains("已参与", StringComparison.Ordinal)));
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await surveys.PublicAsync(Site.Id, id, ct) is not { } survey)
        {
            return false;
        }
        Survey = survey;
        PageTitle = $"{survey.Title} - 网上调查 - {Site.Name}";
        AddMeta("ColumnName", "网上调查");
        AddMeta("ColumnType", "互动交流");
        AddMeta("ArticleTitle", survey.Title);
        AddMeta("PubDate", survey.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
