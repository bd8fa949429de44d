using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>意见征集, 网上调查 and 在线访谈 (Interaction/Participation).</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122110001_Participation")]
public sealed class Participation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Consultations", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 300),
            Body = t.Column<string>(),
            OpensOn = t.Column<DateOnly>(),
            ClosesOn = t.Column<DateOnly>(),
            IsPublished = t.Column<bool>(),
            Summary = t.Column<string>(nullable: true),
            SummaryPublishedAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Consultations", x => x.Id);
            c.ForeignKey("FK_Consultations_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Consultations_SiteId_OpensOn", "Consultations", ["SiteId", "OpensOn"]);

        m.CreateTable("ConsultationComments", t => new
        {
            Id = t.Id(),
            ConsultationId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Name = t.Column<string>(maxLength: 50, nullable: true),
            Contact = t.Column<string>(maxLength: 100, nullable: true),
            Text = t.Column<string>(),
            Status = t.Column<string>(maxLength: 32),
            CreatedAt = t.Column<DateTime>(),
            ModeratedAt = t.Column<DateTime>(nullable: true),
            ModeratedById = t.Column<int>(nullable: true),
            ClientHash = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ConsultationComments", x => x.Id);
            c.ForeignKey("FK_ConsultationComments_Consultations_ConsultationId", x => x.ConsultationId, "Consultations", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_ConsultationComments_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ConsultationComments_ConsultationId_Status_CreatedAt", "ConsultationComments", ["ConsultationId", "Status", "CreatedAt"]);
        m.CreateIndex("IX_ConsultationComments_SiteId_CreatedAt", "ConsultationComments", ["SiteId", "CreatedAt"]);

        m.CreateTable("Surveys", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 300),
            Description = t.Column<string>(nullable: true),
            OpensOn = t.Column<DateOnly>(),
            ClosesOn = t.Column<DateOnly>(),
            IsPublished = t.Column<bool>(),
            ResultsPublished = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Surveys", x => x.Id);
            c.ForeignKey("FK_Surveys_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Surveys_SiteId_OpensOn", "Surveys", ["SiteId", "OpensOn"]);

        m.CreateTable("SurveyQuestions", t => new
        {
            Id = t.Id(),
            SurveyId = t.Column<int>(),
            SortOrder = t.Column<int>(),
            Text = t.Column<string>(maxLength: 500),
            Type = t.Column<string>(maxLength: 32),
            Options = t.Column<string>(),
            IsRequired = t.Column<bool>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SurveyQuestions", x => x.Id);
            c.ForeignKey("FK_SurveyQuestions_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SurveyQuestions_SurveyId_SortOrder", "SurveyQuestions", ["SurveyId", "SortOrder"]);

        m.CreateTable("SurveyResponses", t => new
        {
            Id = t.Id(),
            SurveyId = t.Column<int>(),
            SiteId = t.Column<int>(),
            VoterKey = t.Column<string>(maxLength: 64),
            ClientHash = t.Column<string>(maxLength: 64),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SurveyResponses", x => x.Id);
            c.ForeignKey("FK_SurveyResponses_Surveys_SurveyId", x => x.SurveyId, "Surveys", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_SurveyResponses_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SurveyResponses_SurveyId_VoterKey", "SurveyResponses", ["SurveyId", "VoterKey"], unique: true);
        m.CreateIndex("IX_SurveyResponses_SurveyId_ClientHash", "SurveyResponses", ["SurveyId", "ClientHash"]);
        m.CreateIndex("IX_SurveyResponses_SiteId_CreatedAt", "SurveyResponses", ["SiteId", "CreatedAt"]);

        m.CreateTable("SurveyAnswers", t => new
        {
            Id = t.Id(),
            ResponseId = t.Column<int>(),
            QuestionId = t.Column<int>(),
            OptionIndex = t.Column<int>(nullable: true),
            Text = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SurveyAnswers", x => x.Id);
            c.ForeignKey("FK_SurveyAnswers_SurveyResponses_ResponseId", x => x.ResponseId, "SurveyResponses", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_SurveyAnswers_SurveyQuestions_QuestionId", x => x.QuestionId, "SurveyQuestions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SurveyAnswers_ResponseId", "SurveyAnswers", "ResponseId");
        m.CreateIndex("IX_SurveyAnswers_QuestionId_OptionIndex", "SurveyAnswers", ["QuestionId", "OptionIndex"]);

        m.CreateTable("Interviews", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 300),
            Guests = t.Column<string>(maxLength: 500),
            Description = t.Column<string>(nullable: true),
            StartsAt = t.Column<DateTime>(),
            EndsAt = t.Column<DateTime>(),
            IsPublished = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Interviews", x => x.Id);
            c.ForeignKey("FK_Interviews_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Interviews_SiteId_StartsAt", "Interviews", ["SiteId", "StartsAt"]);

        m.CreateTable("InterviewQuestions", t => new
        {
            Id = t.Id(),
            InterviewId = t.Column<int>(),
            SiteId = t.Column<int>(),
            AskerName = t.Column<string>(maxLength: 50, nullable: true),
            Text = t.Column<string>(),
            Status = t.Column<string>(maxLength: 32),
            Answer = t.Column<string>(nullable: true),
            AnsweredBy = t.Column<string>(maxLength: 100, nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            ChangedAt = t.Column<DateTime>(),
            ModeratedAt = t.Column<DateTime>(nullable: true),
            ModeratedById = t.Column<int>(nullable: true),
            ClientHash = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_InterviewQuestions", x => x.Id);
            c.ForeignKey("FK_InterviewQuestions_Interviews_InterviewId", x => x.InterviewId, "Interviews", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_InterviewQuestions_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_InterviewQuestions_InterviewId_ChangedAt", "InterviewQuestions", ["InterviewId", "ChangedAt"]);
        m.CreateIndex("IX_InterviewQuestions_SiteId_CreatedAt", "InterviewQuestions", ["SiteId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "InterviewQuestions", "Interviews", "SurveyAnswers", "SurveyResponses", "SurveyQuestions", "Surveys", "ConsultationComments", "Consultations" })
        {
            m.DropTable(table);
        }
    }
}
