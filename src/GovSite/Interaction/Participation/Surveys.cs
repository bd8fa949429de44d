using System.Security.Cryptography;
using System.Text;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Participation;

public sealed class SurveyInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool IsPublished { get; set; }
    public bool ResultsPublished { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
}

public sealed class QuestionInput
{
    public string? Text { get; set; }
    public SurveyQuestionType Type { get; set; }

    /// <summary>One choice per line.</summary>
    public string? Options { get; set; }
    public bool IsRequired { get; set; }
}

public sealed record QuestionResult(SurveyQuestion Question, string[] Options, int[] Counts, int Answered, List<string> Texts);

public sealed record SurveyResults(Survey Survey, int Respondents, List<QuestionResult> Questions);

/// <summary>
/// "One response per person" without accounts: the survey page gives each browser a random id
/// in a signed (Data Protection) cookie, and a response is stored under a hash of that id and
/// the survey, unique in the database. Clearing cookies or using another browser gets round it,
/// so each address is also capped per survey (<see cref="ParticipationOptions.MaxResponsesPerAddress"/>),
/// which bounds what one machine can do. Neither proves a person; a survey that needs that must
/// ask for a verified phone or account, which GovSite does not do yet.
/// </summary>
public sealed class VoterToken(IDataProtectionProvider protection)
{
    public const string CookieName = "govsite.voter";

    private readonly IDataProtector _protector = protection.CreateProtector("GovSite.Participation.Voter");

    public string Issue() => _protector.Protect(Guid.NewGuid().ToString("N"));

    public string? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string Key(string voterId, int surveyId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{surveyId}|{voterId}")));
}

public sealed class SurveyService(GovSiteDb db, SiteAccess access, TimeProvider clock, IOptions<ParticipationOptions> options,
    SiteChanges changes)
{
    public const int MaxQuestions = 30;
    public const int MaxTextAnswer = 2000;

    public DateOnly Today => clock.TodayInChina();

    public static bool IsOpen(Survey s, DateOnly today) => s.IsPublished && today >= s.OpensOn && today <= s.ClosesOn;

    /// <summary>Open from the start of its first day to the end of <see cref="Survey.ClosesOn"/>, China time.</summary>
    public static bool IsOpen(Survey s, DateTime nowUtc) =>
        s.IsPublished && Common.Deadline.IsPast(s.OpensOn.AddDays(-1), nowUtc) && !Common.Deadline.IsPast(s.ClosesOn, nowUtc);

    public Task<List<Survey>> PublicListAsync(int siteId, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Where(s => s.SiteId == siteId && s.IsPublished)
            .OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id).Take(100).ToListAsync(ct);

    public Task<Survey?> PublicAsync(int siteId, int id, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Include(s => s.Questions.OrderBy(q => q.SortOrder))
            .FirstOrDefaultAsync(s => s.Id == id && s.SiteId == siteId && s.IsPublished, ct);

    public Task<bool> HasRespondedAsync(int surveyId, string? voterId, CancellationToken ct) =>
        voterId is null
            ? Task.FromResult(false)
            : db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId && r.VoterKey == VoterToken.Key(voterId, surveyId), ct);

    public async Task<SaveResult<Survey>> SaveAsync(int siteId, int? id, SurveyInput input, CancellationToken ct = default)
    {
        if (!access.CanModerate(siteId))
        {
            return SaveResult<Survey>.Denied();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Survey? s;
        if (id is int existing)
        {
            s = await db.Surveys.Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == existing && x.SiteId == siteId, ct);
            if (s is null)
            {
                return SaveResult<Survey>.Missing();
            }
        }
        else
        {
            s = new Survey { SiteId = siteId, CreatedAt = now };
        }
        var errors = new ValidationErrors();
        var title = Common.TypedText.LineOrEmpty(input.Title);
        if (title.Length == 0)
        {
            errors.Add(nameof(input.Title), "请填写调查标题");
        }
        else if (Common.TypedText.Length(title) > 300)
        {
            errors.Add(nameof(input.Title), "标题不能超过300个字");
        }
        if (input.OpensOn is null)
        {
            errors.Add(nameof(input.OpensOn), "请填写开始日期");
        }
        if (input.ClosesOn is null)
        {
            errors.Add(nameof(input.ClosesOn), "请填写截止日期");
        }
        else if (input.OpensOn is DateOnly opens && input.ClosesOn < opens)
        {
            errors.Add(nameof(input.ClosesOn), "截止日期不能早于开始日期");
        }
        // Once anyone has answered, the questions are fixed: changing them would change what the answers mean.
        var locked = s.Id != 0 && await db.SurveyResponses.AnyAsync(r => r.SurveyId == s.Id, ct);
        var questions = new List<SurveyQuestion>();
        if (!locked)
        {
            for (var i = 0; i < input.Questions.Count; i++)
            {
                var q = input.Questions[i];
                var text = Common.TypedText.LineOrEmpty(q.Text);
                var choices = (q.Options ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (text.Length == 0 && choices.Length == 0)
                {
                    continue; // an empty row of the form
                }
                var field = $"Questions[{i}]";
                if (text.Length == 0)
                {
                    errors.Add($"{field}.Text", "请填写题目");
                }
                else if (Common.TypedText.Length(text) > 500)
                {
                    errors.Add($"{field}.Text", "题目不能超过500个字");
                }
                if (!Enum.IsDefined(q.Type))
                {
                    errors.Add($"{field}.Type", "题型无效");
                }
                if (q.Type != SurveyQuestionType.Text && choices.Length < 2)
                {
                    errors.Add($"{field}.Options", "选择题至少需要两个选项，每行一个");
                }
                if (choices.Length > 20 || choices.Any(c => c.Length > 200))
                {
                    errors.Add($"{field}.Options", "选项最多20个，每个不超过200个字");
                }
                questions.Add(new SurveyQuestion
                {
                    SortOrder = questions.Count + 1,
                    Text = text,
                    Type = q.Type,
                    Options = q.Type == SurveyQuestionType.Text ? "" : string.Join('\n', choices),
                    IsRequired = q.IsRequired,
                });
            }
            if (questions.Count == 0)
            {
                errors.Add("Questions", "请至少填写一道题目");
            }
            else if (questions.Count > MaxQuestions)
            {
                errors.Add("Questions", $"题目最多{MaxQuestions}道");
            }
        }
        if (!errors.IsValid)
        {
            return SaveResult<Survey>.Invalid(errors);
        }
        s.Title = title;
        s.Description = ParticipationSetup.CleanText(input.Description);
        s.OpensOn = input.OpensOn!.Value;
        s.ClosesOn = input.ClosesOn!.Value;
        s.IsPublished = input.IsPublished;
        s.ResultsPublished = input.ResultsPublished;
        s.UpdatedAt = now;
        if (!locked)
        {
            // Question by question in place: a save that changes nothing keeps every row as it was.
            var rows = s.Questions.OrderBy(q => q.SortOrder).ToList();
            for (var i = 0; i < questions.Count; i++)
            {
                if (i < rows.Count)
                {
                    rows[i].SortOrder = questions[i].SortOrder;
                    rows[i].Text = questions[i].Text;
                    rows[i].Type = questions[i].Type;
                    rows[i].Options = questions[i].Options;
                    rows[i].IsRequired = questions[i].IsRequired;
                }
                else
                {
                    s.Questions.Add(questions[i]);
                }
            }
            foreach (var extra in rows.Skip(questions.Count))
            {
                s.Questions.Remove(extra);
            }
        }
        if (id is null)
        {
            db.Surveys.Add(s);
        }
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<Survey>.Ok(s);
    }

    /// <summary>
    /// Stores one response. <paramref name="answers"/> maps question id to the chosen option
    /// indexes (as text) or the free text. Errors are keyed "q{questionId}".
    /// </summary>
    public async Task<SaveResult<SurveyResponse>> SubmitAsync(int siteId, int surveyId, string? voterId, string clientHash,
        IReadOnlyDictionary<int, string[]> answers, bool honeypotFilled, CancellationToken ct = default)
    {
        var survey = await PublicAsync(siteId, surveyId, ct);
        if (survey is null)
        {
            return SaveResult<SurveyResponse>.Missing();
        }
        var errors = new ValidationErrors();
        if (!IsOpen(survey, clock.GetUtcNow().UtcDateTime))
        {
            errors.Add("Survey", Today < survey.OpensOn ? $"调查将于 {survey.OpensOn:yyyy-MM-dd} 开始" : $"调查已于 {survey.ClosesOn:yyyy-MM-dd} 结束");
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        if (voterId is null)
        {
            errors.Add("Survey", "无法确认您的身份：请允许浏览器保存 Cookie，刷新本页后再提交");
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        var key = VoterToken.Key(voterId, surveyId);
        if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId && r.VoterKey == key, ct))
        {
            errors.Add("Survey", "您已参与过本次调查，每人只能提交一次");
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        if (await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId && r.ClientHash == clientHash, ct) >= options.Value.MaxResponsesPerAddress)
        {
            errors.Add("Survey", "来自您所在网络的提交已达上限，本次调查不再接收");
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        var response = new SurveyResponse { SurveyId = surveyId, SiteId = siteId, VoterKey = key, ClientHash = clientHash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        foreach (var q in survey.Questions)
        {
            var field = $"q{q.Id}";
            var given = answers.TryGetValue(q.Id, out var values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray() : [];
            if (q.Type == SurveyQuestionType.Text)
            {
                var text = ParticipationSetup.CleanText(given.FirstOrDefault());
                if (text is null)
                {
                    if (q.IsRequired)
                    {
                        errors.Add(field, "请填写此题");
                    }
                    continue;
                }
                if (Common.TypedText.Length(text) > MaxTextAnswer)
                {
                    errors.Add(field, $"回答不能超过{MaxTextAnswer}个字");
                    continue;
                }
                response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = text });
                continue;
            }
            var count = q.OptionList.Length;
            var picked = new SortedSet<int>();
            foreach (var v in given)
            {
                if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < count)
                {
                    picked.Add(i);
                }
                else
                {
                    errors.Add(field, "所选选项无效，请重新选择");
                }
            }
            if (picked.Count == 0 && q.IsRequired)
            {
                errors.Add(field, q.Type == SurveyQuestionType.SingleChoice ? "请选择一项" : "请至少选择一项");
            }
            else if (q.Type == SurveyQuestionType.SingleChoice && picked.Count > 1)
            {
                errors.Add(field, "此题只能选择一项");
            }
            response.Answers.AddRange(picked.Select(i => new SurveyAnswer { QuestionId = q.Id, OptionIndex = i }));
        }
        if (response.Answers.Count == 0 && errors.IsValid)
        {
            errors.Add("Survey", "请至少回答一道题");
        }
        if (!errors.IsValid)
        {
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        if (honeypotFilled)
        {
            return SaveResult<SurveyResponse>.Ok(response);
        }
        db.SurveyResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions from one browser at once: the unique index keeps the first.
            db.ChangeTracker.Clear();
            errors.Add("Survey", "您已参与过本次调查，每人只能提交一次");
            return SaveResult<SurveyResponse>.Invalid(errors);
        }
        return SaveResult<SurveyResponse>.Ok(response);
    }

    /// <summary>Counts per option. Free-text answers are only returned when <paramref name="withTexts"/> (back office).</summary>
    public async Task<SurveyResults> ResultsAsync(Survey survey, bool withTexts, CancellationToken ct)
    {
        var respondents = await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, ct);
        var questionIds = survey.Questions.Select(q => q.Id).ToList();
        var answers = db.Set<SurveyAnswer>().AsNoTracking().Where(a => questionIds.Contains(a.QuestionId));
        var counts = await answers.Where(a => a.OptionIndex != null)
            .GroupBy(a => new { a.QuestionId, a.OptionIndex })
            .Select(g => new { g.Key.QuestionId, g.Key.OptionIndex, Count = g.Count() }).ToListAsync(ct);
        var answered = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() }).ToListAsync(ct);
        var texts = withTexts
            ? (await answers.Where(a => a.Text != null).OrderBy(a => a.Id).Select(a => new { a.QuestionId, a.Text }).Take(5000).ToListAsync(ct))
                .ToLookup(a => a.QuestionId, a => a.Text!)
            : null;
        var results = survey.Questions.OrderBy(q => q.SortOrder).Select(q =>
        {
            var options = q.OptionList;
            var perOption = new int[options.Length];
            foreach (var c in counts.Where(c => c.QuestionId == q.Id && c.OptionIndex < options.Length))
            {
                perOption[c.OptionIndex!.Value] = c.Count;
            }
            return new QuestionResult(q, options, perOption, answered.FirstOrDefault(a => a.QuestionId == q.Id)?.Count ?? 0,
                texts is null ? [] : [.. texts[q.Id]]);
        }).ToList();
        return new SurveyResults(survey, respondents, results);
    }
}
