using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Participation;

public enum ModerationStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum SurveyQuestionType
{
    SingleChoice,
    MultipleChoice,
    Text,
}

/// <summary>意见征集: a draft put to the public between two calendar dates (China time), then a feedback summary.</summary>
public class Consultation
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Sanitised HTML of the draft and its explanation.</summary>
    public string Body { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>采纳情况: sanitised HTML, public once <see cref="SummaryPublishedAt"/> is set.</summary>
    public string? Summary { get; set; }
    public DateTime? SummaryPublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One opinion on a consultation. Plain text; public only once approved.</summary>
public class ConsultationComment
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public int SiteId { get; set; }
    public string? Name { get; set; }

    /// <summary>Phone or email for follow-up; never shown publicly.</summary>
    public string? Contact { get; set; }
    public string Text { get; set; } = "";
    public ModerationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public int? ModeratedById { get; set; }

    /// <summary>Hash of the client address, for abuse handling without storing the address.</summary>
    public string? ClientHash { get; set; }
}

/// <summary>网上调查.</summary>
public class Survey
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Plain text.</summary>
    public string? Description { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public bool IsPublished { get; set; }
    public bool ResultsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
}

public class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int SortOrder { get; set; }
    public string Text { get; set; } = "";
    public SurveyQuestionType Type { get; set; }

    /// <summary>Choices, one per line; answers refer to them by position.</summary>
    public string Options { get; set; } = "";
    public bool IsRequired { get; set; }

    public string[] OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One person's response. <see cref="VoterKey"/> is unique per survey (see <see cref="VoterToken"/>).</summary>
public class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int SiteId { get; set; }
    public string VoterKey { get; set; } = "";
    public string ClientHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>A chosen option (one row per option for multiple choice) or a free-text answer.</summary>
public class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? OptionIndex { get; set; }
    public string? Text { get; set; }
}

/// <summary>在线访谈: guests answer the public's questions, live.</summary>
public class Interview
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Plain text: the guests, their units and titles.</summary>
    public string Guests { get; set; } = "";
    public string? Description { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A question from the public; public once approved, answered live by a guest.</summary>
public class InterviewQuestion
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public int SiteId { get; set; }
    public string? AskerName { get; set; }
    public string Text { get; set; } = "";
    public ModerationStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Moved on every moderation or answer: the live feed reads changes by it, on any node.</summary>
    public DateTime ChangedAt { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public int? ModeratedById { get; set; }
    public string? ClientHash { get; set; }
}

public static class ParticipationModel
{
    public static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<Consultation>(e =>
        {
            e.ToTable("Consultations");
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasIndex(x => new { x.SiteId, x.OpensOn });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.SiteIds.Contains(x.SiteId) || x.IsPublished);
        });
        b.Entity<ConsultationComment>(e =>
        {
            e.ToTable("ConsultationComments");
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Contact).HasMaxLength(100);
            e.Property(x => x.ClientHash).HasMaxLength(64);
            e.HasIndex(x => new { x.ConsultationId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.SiteId, x.CreatedAt });
            e.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.SiteIds.Contains(x.SiteId) || x.Status == ModerationStatus.Approved);
        });
        b.Entity<Survey>(e =>
        {
            e.ToTable("Surveys");
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasIndex(x => new { x.SiteId, x.OpensOn });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.SiteIds.Contains(x.SiteId) || x.IsPublished);
        });
        b.Entity<SurveyQuestion>(e =>
        {
            e.ToTable("SurveyQuestions");
            e.Property(x => x.Text).HasMaxLength(500);
            e.HasIndex(x => new { x.SurveyId, x.SortOrder });
            e.Ignore(x => x.OptionList);
        });
        b.Entity<SurveyResponse>(e =>
        {
            e.ToTable("SurveyResponses");
            e.Property(x => x.VoterKey).HasMaxLength(64);
            e.Property(x => x.ClientHash).HasMaxLength(64);
            e.HasIndex(x => new { x.SurveyId, x.VoterKey }).IsUnique();
            e.HasIndex(x => new { x.SurveyId, x.ClientHash });
            e.HasIndex(x => new { x.SiteId, x.CreatedAt });
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyAnswer>(e =>
        {
            e.ToTable("SurveyAnswers");
            e.HasIndex(x => new { x.QuestionId, x.OptionIndex });
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Interview>(e =>
        {
            e.ToTable("Interviews");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Guests).HasMaxLength(500);
            e.HasIndex(x => new { x.SiteId, x.StartsAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.SiteIds.Contains(x.SiteId) || x.IsPublished);
        });
        b.Entity<InterviewQuestion>(e =>
        {
            e.ToTable("InterviewQuestions");
            e.Property(x => x.AskerName).HasMaxLength(50);
            e.Property(x => x.AnsweredBy).HasMaxLength(100);
            e.Property(x => x.ClientHash).HasMaxLength(64);
            e.HasIndex(x => new { x.InterviewId, x.ChangedAt });
            e.HasIndex(x => new { x.SiteId, x.CreatedAt });
            e.HasOne<Interview>().WithMany().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.SiteIds.Contains(x.SiteId) || x.Status == ModerationStatus.Approved);
        });
    }
}
