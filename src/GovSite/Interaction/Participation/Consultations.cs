using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.PublicSite;
using GovSite.Sites;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Participation;

public sealed class ConsultationInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool IsPublished { get; set; }
}

public sealed class CommentInput
{
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public string? Text { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by form-filling robots.</summary>
    public string? Website { get; set; }
}

public enum ConsultationPhase
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>Where the 采纳情况 stands. Late and Overdue are what supervisors look for.</summary>
public enum SummaryState
{
    NotDue,
    Pending,
    Overdue,
    OnTime,
    Late,
}

public sealed class ConsultationService(GovSiteDb db, SiteAccess access, TimeProvider clock, IOptions<ParticipationOptions> options,
    SiteChanges changes)
{
    public const int MaxCommentLength = 3000;

    public DateOnly Today => clock.TodayInChina();

    /// <summary>Open from the start of <see cref="Consultation.OpensOn"/> to the end of <see cref="Consultation.ClosesOn"/>, China time.</summary>
    public static ConsultationPhase Phase(Consultation c, DateTime nowUtc) =>
        Deadline.IsPast(c.OpensOn.AddDays(-1), nowUtc) is false ? ConsultationPhase.NotYetOpen
        : Deadline.IsPast(c.ClosesOn, nowUtc) ? ConsultationPhase.Closed : ConsultationPhase.Open;

    public static ConsultationPhase Phase(Consultation c, DateOnly today) => Phase(c, Deadline.EndOfDay(today));

    private ConsultationPhase PhaseNow(Consultation c) => Phase(c, clock.GetUtcNow().UtcDateTime);

    public DateOnly SummaryDue(Consultation c) => c.ClosesOn.AddDays(options.Value.SummaryDueDays);

    public SummaryState Summary(Consultation c)
    {
        var due = SummaryDue(c);
        if (c.SummaryPublishedAt is DateTime published)
        {
            return DateOnly.FromDateTime(ChinaTime.ToLocal(published)) > due ? SummaryState.Late : SummaryState.OnTime;
        }
        var today = Today;
        return today <= c.ClosesOn ? SummaryState.NotDue : today > due ? SummaryState.Overdue : SummaryState.Pending;
    }

    /// <summary>Published consultations of a site, newest first; query filters keep drafts of other sites out.</summary>
    public Task<List<Consultation>> PublicListAsync(int siteId, CancellationToken ct) =>
        db.Consultations.AsNoTracking().Where(c => c.SiteId == siteId && c.IsPublished)
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(100).ToListAsync(ct);

    public Task<Consultation?> PublicAsync(int siteId, int id, CancellationToken ct) =>
        db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.SiteId == siteId && c.IsPublished, ct);

    public Task<List<ConsultationComment>> ApprovedCommentsAsync(int consultationId, CancellationToken ct) =>
        db.ConsultationComments.AsNoTracking()
            .Where(c => c.ConsultationId == consultationId && c.Status == ModerationStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<SaveResult<Consultation>> SaveAsync(int siteId, int? id, ConsultationInput input, CancellationToken ct = default)
    {
        if (!access.CanModerate(siteId))
        {
            return SaveResult<Consultation>.Denied();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Consultation? c;
        if (id is int existing)
        {
            c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == existing && x.SiteId == siteId, ct);
            if (c is null)
            {
                return SaveResult<Consultation>.Missing();
            }
        }
        else
        {
            c = new Consultation { SiteId = siteId, CreatedAt = now };
        }
        var errors = new ValidationErrors();
        var title = Common.TypedText.LineOrEmpty(input.Title);
        if (title.Length == 0)
        {
            errors.Add(nameof(input.Title), "请填写标题");
        }
        else if (Common.TypedText.Length(title) > 300)
        {
            errors.Add(nameof(input.Title), "标题不能超过300个字");
        }
        var body = HtmlSanitiser.Sanitise(input.Body);
        if (HtmlSanitiser.ToPlainText(body).Trim().Length == 0)
        {
            errors.Add(nameof(input.Body), "请填写征集内容（草案全文或说明）");
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
        if (!errors.IsValid)
        {
            return SaveResult<Consultation>.Invalid(errors);
        }
        c.Title = title;
        c.Body = body;
        c.OpensOn = input.OpensOn!.Value;
        c.ClosesOn = input.ClosesOn!.Value;
        c.IsPublished = input.IsPublished;
        c.UpdatedAt = now;
        if (id is null)
        {
            db.Consultations.Add(c);
        }
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<Consultation>.Ok(c);
    }

    /// <summary>Publishes (or corrects) the 采纳情况. Only after closing: feedback on opinions still coming is not feedback.</summary>
    public async Task<SaveResult<Consultation>> PublishSummaryAsync(int siteId, int id, string? summary, CancellationToken ct = default)
    {
        if (!access.CanModerate(siteId))
        {
            return SaveResult<Consultation>.Denied();
        }
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id && x.SiteId == siteId, ct);
        if (c is null)
        {
            return SaveResult<Consultation>.Missing();
        }
        var errors = new ValidationErrors();
        var html = HtmlSanitiser.Sanitise(summary);
        if (HtmlSanitiser.ToPlainText(html).Trim().Length == 0)
        {
            errors.Add("Summary", "请填写意见采纳情况");
        }
        if (PhaseNow(c) != ConsultationPhase.Closed)
        {
            errors.Add("Summary", $"征集于 {c.ClosesOn:yyyy-MM-dd} 截止，截止后才能发布采纳情况");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Consultation>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        c.Summary = html;
        // A correction keeps the first publication time, so a late summary cannot be made to look on time.
        c.SummaryPublishedAt ??= now;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<Consultation>.Ok(c);
    }

    public async Task<SaveResult<ConsultationComment>> SubmitCommentAsync(int siteId, int consultationId, CommentInput input, string clientHash,
        CancellationToken ct = default)
    {
        var c = await PublicAsync(siteId, consultationId, ct);
        if (c is null)
        {
            return SaveResult<ConsultationComment>.Missing();
        }
        var errors = new ValidationErrors();
        var phase = PhaseNow(c);
        if (phase != ConsultationPhase.Open)
        {
            errors.Add(nameof(input.Text), phase == ConsultationPhase.NotYetOpen
                ? $"征集将于 {c.OpensOn:yyyy-MM-dd} 开始，届时欢迎提出意见"
                : $"征集已于 {c.ClosesOn:yyyy-MM-dd} 截止，不再接收意见");
        }
        var text = ParticipationSetup.CleanText(input.Text);
        if (text is null)
        {
            errors.Add(nameof(input.Text), "请填写您的意见");
        }
        else if (Common.TypedText.Length(text) > MaxCommentLength)
        {
            errors.Add(nameof(input.Text), $"意见不能超过{MaxCommentLength}个字（当前 {Common.TypedText.Length(text)} 字）");
        }
        var name = ParticipationSetup.CleanLine(input.Name);
        if (Common.TypedText.Length(name) > 50)
        {
            errors.Add(nameof(input.Name), "姓名或称呼不能超过50个字");
        }
        var contact = ParticipationSetup.CleanLine(input.Contact);
        if (Common.TypedText.Length(contact) > 100)
        {
            errors.Add(nameof(input.Contact), "联系方式不能超过100个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<ConsultationComment>.Invalid(errors);
        }
        var comment = new ConsultationComment
        {
            ConsultationId = c.Id,
            SiteId = siteId,
            Name = name,
            Contact = contact,
            Text = text!,
            Status = ModerationStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ClientHash = clientHash,
        };
        // A robot that filled the hidden field is told "thank you" and nothing is stored.
        if (string.IsNullOrEmpty(input.Website))
        {
            db.ConsultationComments.Add(comment);
            await db.SaveChangesAsync(ct);
        }
        return SaveResult<ConsultationComment>.Ok(comment);
    }

    public async Task<SaveResult<ConsultationComment>> ModerateAsync(int siteId, int commentId, bool approve, CancellationToken ct = default)
    {
        if (!access.CanModerate(siteId))
        {
            return SaveResult<ConsultationComment>.Denied();
        }
        var comment = await db.ConsultationComments.FirstOrDefaultAsync(x => x.Id == commentId && x.SiteId == siteId, ct);
        if (comment is null)
        {
            return SaveResult<ConsultationComment>.Missing();
        }
        comment.Status = approve ? ModerationStatus.Approved : ModerationStatus.Rejected;
        comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
        comment.ModeratedById = access.UserId;
        await db.SaveChangesAsync(ct);
        await changes.PagesChangedAsync(siteId, [PageTags.Participation(siteId)], ct);
        return SaveResult<ConsultationComment>.Ok(comment);
    }
}
