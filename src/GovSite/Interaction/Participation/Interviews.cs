using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.Sites;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation;

public sealed class InterviewInput
{
    public string? Title { get; set; }
    public string? Guests { get; set; }
    public string? Description { get; set; }

    /// <summary>China local time.</summary>
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public bool IsPublished { get; set; }
}

public sealed class AskInput
{
    public string? Name { get; set; }
    public string? Text { get; set; }
    public string? Website { get; set; }
}

public enum InterviewPhase
{
    Upcoming,
    Live,
    Ended,
}

/// <summary>What an open interview page receives for one question; Removed when it is no longer public.</summary>
public sealed record LiveQuestion(int Id, string? Asker, string? Text, string? Answer, string? AnsweredBy, string? AnsweredAt, DateTime ChangedAt, bool Removed)
{
    /// <summary>The page compares versions of a question by this number.</summary>
    public long ChangedTicks => ChangedAt.Ticks;
}

public sealed class InterviewService(GovSiteDb db, SiteAccess access, TimeProvider clock, SiteChanges changes)
{
    public const int MaxQuestionLength = 1000;
    public const int MaxAnswerLength = 10000;
    public static readonly TimeSpan FeedOverlap = TimeSpan.FromSeconds(5);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public InterviewPhase Phase(Interview i) => Now < i.StartsAt ? InterviewPhase.Upcoming : Now >= i.EndsAt ? InterviewPhase.Ended : InterviewPhase.Live;

    public Task<List<Interview>> PublicListAsync(int siteId, CancellationToken ct) =>
        db.Interviews.AsNoTracking().Where(i => i.SiteId == siteId && i.IsPublished)
            .OrderByDescending(i => i.StartsAt).ThenByDescending(i => i.Id).Take(100).ToListAsync(ct);

    public Task<Interview?> PublicAsync(int siteId, int id, CancellationToken ct) =>
        db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.SiteId == siteId && i.IsPublished, ct);

    public Task<List<InterviewQuestion>> ApprovedAsync(int interviewId, CancellationToken ct) =>
        db.InterviewQuestions.AsNoTracking().Where(q => q.InterviewId == interviewId && q.Status == ModerationStatus.Approved)
            .OrderBy(q => q.AnsweredAt == null).ThenBy(q => q.AnsweredAt).ThenBy(q => q.Id).ToListAsync(ct);

    public static LiveQuestion ToLive(InterviewQuestion q) => q.Status == ModerationStatus.Approved
        ? new LiveQuestion(q.Id, q.AskerName ?? "网友", q.Text, q.Answer, q.AnsweredBy, q.AnsweredAt is null ? null : ChinaTime.Format(q.AnsweredAt), q.ChangedAt, false)
        : new LiveQuestion(q.Id, null, null, null, null, null, q.ChangedAt, true);

    /// <summary>
    /// Questions of a published interview changed after <paramref name="since"/>. Filters are
    /// bypassed so that a question taken back out reaches open pages as a removal; only its id goes out.
    /// </summary>
    public async Task<List<LiveQuestion>> ChangesSinceAsync(int interviewId, DateTime since, CancellationToken ct)
    {
        var rows = await db.InterviewQuestions.IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.InterviewId == interviewId && q.ChangedAt > since && (q.Status == ModerationStatus.Approved || q.ModeratedAt != null))
            .OrderBy(q => q.ChangedAt).ThenBy(q => q.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(ToLive)];
    }

    public async Task<SaveResult<Interview>> SaveAsync(int siteId, int? id, InterviewInput input, CancellationToken ct = default)
    {
        if (!access.CanModerate(siteId))
        {
            return SaveResult<Interview>.Denied();
        }
        Interview? interview;
        if (id is int existing)
        {
            interview = await db.Interviews.FirstOrDefaultAsync(x => x.Id == existing && x.SiteId == siteId, ct);
            if (interview is null)
            {
                return SaveResult<Interview>.Missing();
            }
        }
        else
        {
            interview = new Interview { SiteId = siteId, CreatedAt = Now };
        }
        var errors = new ValidationErrors();
        var title = Common.TypedText.LineOrEmpty(input.Title);
        if (title.Length == 0)
        {
            errors.Add(nameof(input.Title), "请填写访谈主题");
        }
        else if (Common.TypedText.Length(title) > 300)
        {
            errors.Add(nameof(input.Title), "主题不能超过300个字");
        }
        var guests = ParticipationSetup.CleanText(input.Guests);
        if (guests is null)
        {
            errors.Add(nameof(input.Guests), "请填写访谈嘉宾（姓名、单位及职务）");
        }
        else if (Common.TypedText.Length(guests) > 500)
        {
            errors.Add(nameof(input.Guests), "嘉宾信息不能超过500个字");
        }
        if (input.StartsAt is null)
        {
            errors.Add(nameof(input.StartsAt), "请填写开始时间");
        }
        if (input.EndsAt is null)
        {
            errors.Add(nameof(input.EndsAt), "请填写结束时间");
        }
        else if (input.StartsAt is DateTime start && input.EndsAt <= start)
        {
            errors.Add(nameof(input.EndsAt), "结束时间必须晚于开始时间");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Interview>.Invalid(errors);
        }
        interview.Title = title;
        interview.Guests = guests!;
        interview.Description = ParticipationSetup.CleanText(input.Description);
        interview.StartsAt = ChinaTime.ToUtc(input.StartsAt!.Value);
        interview.EndsAt = ChinaTime.ToUtc(input.EndsAt!.Value);
        interview.IsPublished = input.IsPublished;
        interview.UpdatedAt = Now;
        if (id is null)
        {
            db.Interviews.Add(interview);
        }
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<Interview>.Ok(interview);
    }

    /// <summary>Questions are taken before and during the interview, not after it.</summary>
    public async Task<SaveResult<InterviewQuestion>> AskAsync(int siteId, int interviewId, AskInput input, string clientHash, CancellationToken ct = default)
    {
        var interview = await PublicAsync(siteId, interviewId, ct);
        if (interview is null)
        {
            return SaveResult<InterviewQuestion>.Missing();
        }
        var errors = new ValidationErrors();
        if (Phase(interview) == InterviewPhase.Ended)
        {
            errors.Add(nameof(input.Text), "访谈已结束，不再接收提问");
        }
        var text = ParticipationSetup.CleanText(input.Text);
        if (text is null)
        {
            errors.Add(nameof(input.Text), "请填写您的问题");
        }
        else if (Common.TypedText.Length(text) > MaxQuestionLength)
        {
            errors.Add(nameof(input.Text), $"问题不能超过{MaxQuestionLength}个字（当前 {Common.TypedText.Length(text)} 字）");
        }
        var name = ParticipationSetup.CleanLine(input.Name);
        if (Common.TypedText.Length(name) > 50)
        {
            errors.Add(nameof(input.Name), "称呼不能超过50个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<InterviewQuestion>.Invalid(errors);
        }
        var question = new InterviewQuestion
        {
            InterviewId = interviewId,
            SiteId = siteId,
            AskerName = name,
            Text = text!,
            Status = ModerationStatus.Pending,
            CreatedAt = Now,
            ChangedAt = Now,
            ClientHash = clientHash,
        };
        if (string.IsNullOrEmpty(input.Website))
        {
            db.InterviewQuestions.Add(question);
            await db.SaveChangesAsync(ct);
        }
        return SaveResult<InterviewQuestion>.Ok(question);
    }

    private async Task<(InterviewQuestion? Question, SaveResult<InterviewQuestion>? Refused)> LoadForModerationAsync(int siteId, int questionId, CancellationToken ct)
    {
        if (!access.CanModerate(siteId))
        {
            return (null, SaveResult<InterviewQuestion>.Denied());
        }
        var q = await db.InterviewQuestions.FirstOrDefaultAsync(x => x.Id == questionId && x.SiteId == siteId, ct);
        return q is null ? (null, SaveResult<InterviewQuestion>.Missing()) : (q, null);
    }

    public async Task<SaveResult<InterviewQuestion>> ModerateAsync(int siteId, int questionId, bool approve, CancellationToken ct = default)
    {
        var (q, refused) = await LoadForModerationAsync(siteId, questionId, ct);
        if (refused is not null)
        {
            return refused;
        }
        q!.Status = approve ? ModerationStatus.Approved : ModerationStatus.Rejected;
        q.ModeratedAt = Now;
        q.ModeratedById = access.UserId;
        q.ChangedAt = Now;
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<InterviewQuestion>.Ok(q);
    }

    /// <summary>Publishes a guest's answer; answering a question also lets it through.</summary>
    public async Task<SaveResult<InterviewQuestion>> AnswerAsync(int siteId, int questionId, string? answer, string? answeredBy, CancellationToken ct = default)
    {
        var (q, refused) = await LoadForModerationAsync(siteId, questionId, ct);
        if (refused is not null)
        {
            return refused;
        }
        var errors = new ValidationErrors();
        var text = ParticipationSetup.CleanText(answer);
        if (text is null)
        {
            errors.Add("Answer", "请填写答复内容");
        }
        else if (Common.TypedText.Length(text) > MaxAnswerLength)
        {
            errors.Add("Answer", $"答复不能超过{MaxAnswerLength}个字");
        }
        var by = ParticipationSetup.CleanLine(answeredBy);
        if (by is null)
        {
            errors.Add("AnsweredBy", "请填写答复嘉宾");
        }
        else if (Common.TypedText.Length(by) > 100)
        {
            errors.Add("AnsweredBy", "答复嘉宾不能超过100个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<InterviewQuestion>.Invalid(errors);
        }
        q!.Status = ModerationStatus.Approved;
        q.ModeratedAt ??= Now;
        q.ModeratedById ??= access.UserId;
        q.Answer = text;
        q.AnsweredBy = by;
        q.AnsweredAt ??= Now;
        q.ChangedAt = Now;
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<InterviewQuestion>.Ok(q);
    }
}
