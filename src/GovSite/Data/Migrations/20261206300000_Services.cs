using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>
/// 办事服务: service items with the ten guide elements as fields and their lists (materials,
/// steps, questions, forms), 好差评 ratings, daily use for 热门服务, imports from the provincial
/// hall and their runs; and 哀悼日 periods for the public sites.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206300000_Services")]
public sealed class ServicesAndMourning : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ServiceImportSources", t => new
        {
            Id = t.Id(),
            Name = t.Column<string>(maxLength: 100),
            Format = t.Column<string>(maxLength: 32),
            Location = t.Column<string>(maxLength: 500, nullable: true),
            Mapping = t.Column<string>(),
            DepartmentSites = t.Column<string>(),
            SiteId = t.Column<int>(),
            PublishComplete = t.Column<bool>(),
            IntervalHours = t.Column<int>(),
            IsActive = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
            LastRunAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceImportSources", x => x.Id);
            c.ForeignKey("FK_ServiceImportSources_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceImportSources_SiteId", "ServiceImportSources", "SiteId");

        m.CreateTable("ServiceImportRuns", t => new
        {
            Id = t.Id(),
            SourceId = t.Column<int>(),
            StartedAt = t.Column<DateTime>(),
            FinishedAt = t.Column<DateTime>(nullable: true),
            StartedBy = t.Column<string>(maxLength: 64, nullable: true),
            Rows = t.Column<int>(),
            Added = t.Column<int>(),
            Updated = t.Column<int>(),
            Unchanged = t.Column<int>(),
            Withdrawn = t.Column<int>(),
            Rejected = t.Column<int>(),
            Incomplete = t.Column<int>(),
            MissingHallLinks = t.Column<int>(),
            Report = t.Column<string>(),
            Error = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceImportRuns", x => x.Id);
            c.ForeignKey("FK_ServiceImportRuns_ServiceImportSources_SourceId", x => x.SourceId, "ServiceImportSources", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceImportRuns_SourceId_StartedAt", "ServiceImportRuns", ["SourceId", "StartedAt"]);

        m.CreateTable("ServiceItems", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Code = t.Column<string>(maxLength: 64),
            Name = t.Column<string>(maxLength: 200),
            Type = t.Column<string>(maxLength: 32),
            ForPersons = t.Column<bool>(),
            ForEnterprises = t.Column<bool>(),
            Themes = t.Column<string>(maxLength: 1000),
            LifeEvents = t.Column<string>(maxLength: 500),
            BusinessEvents = t.Column<string>(maxLength: 500),
            Department = t.Column<string>(maxLength: 200),
            LegalBasis = t.Column<string>(),
            Conditions = t.Column<string>(),
            Location = t.Column<string>(maxLength: 500),
            Fee = t.Column<string>(),
            OfficeHours = t.Column<string>(maxLength: 500),
            LegalDays = t.Column<int>(nullable: true),
            PromisedDays = t.Column<int>(nullable: true),
            Phone = t.Column<string>(maxLength: 100),
            SupervisionPhone = t.Column<string>(maxLength: 100, nullable: true),
            HallUrl = t.Column<string>(maxLength: 500, nullable: true),
            OnlineDepth = t.Column<string>(maxLength: 32),
            Keywords = t.Column<string>(maxLength: 200, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            MissingCount = t.Column<int>(),
            VagueCount = t.Column<int>(),
            PendingRevision = t.Column<string>(nullable: true),
            RevisionStatus = t.Column<string>(maxLength: 32, nullable: true),
            ReturnComment = t.Column<string>(nullable: true),
            SourceId = t.Column<int>(nullable: true),
            SourceHash = t.Column<string>(maxLength: 64, nullable: true),
            HallCheckedAt = t.Column<DateTime>(nullable: true),
            HallBroken = t.Column<bool>(),
            HallError = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedBy = t.Column<string>(maxLength: 64, nullable: true),
            SubmittedBy = t.Column<string>(maxLength: 64, nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            ReviewedBy = t.Column<string>(maxLength: 64, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            WithdrawnAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceItems", x => x.Id);
            c.ForeignKey("FK_ServiceItems_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_ServiceItems_ServiceImportSources_SourceId", x => x.SourceId, "ServiceImportSources", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_ServiceItems_Code", "ServiceItems", "Code", unique: true);
        m.CreateIndex("IX_ServiceItems_SiteId_Status", "ServiceItems", ["SiteId", "Status"]);
        m.CreateIndex("IX_ServiceItems_Status_Department", "ServiceItems", ["Status", "Department"]);
        m.CreateIndex("IX_ServiceItems_SourceId_Code", "ServiceItems", ["SourceId", "Code"]);

        m.CreateTable("ServiceMaterials", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            SortOrder = t.Column<int>(),
            Name = t.Column<string>(maxLength: 300),
            Form = t.Column<string>(maxLength: 32),
            Originals = t.Column<int>(),
            Copies = t.Column<int>(),
            Required = t.Column<bool>(),
            Note = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceMaterials", x => x.Id);
            c.ForeignKey("FK_ServiceMaterials_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceMaterials_ItemId", "ServiceMaterials", "ItemId");

        m.CreateTable("ServiceSteps", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            SortOrder = t.Column<int>(),
            Name = t.Column<string>(maxLength: 100),
            Description = t.Column<string>(nullable: true),
            TimeLimit = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceSteps", x => x.Id);
            c.ForeignKey("FK_ServiceSteps_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceSteps_ItemId", "ServiceSteps", "ItemId");

        m.CreateTable("ServiceQuestions", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            SortOrder = t.Column<int>(),
            Question = t.Column<string>(maxLength: 300),
            Answer = t.Column<string>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceQuestions", x => x.Id);
            c.ForeignKey("FK_ServiceQuestions_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceQuestions_ItemId", "ServiceQuestions", "ItemId");

        m.CreateTable("ServiceDocuments", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            SortOrder = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Title = t.Column<string>(maxLength: 200),
            FileId = t.Column<int>(nullable: true),
            Url = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceDocuments", x => x.Id);
            c.ForeignKey("FK_ServiceDocuments_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_ServiceDocuments_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ServiceDocuments_ItemId", "ServiceDocuments", "ItemId");
        m.CreateIndex("IX_ServiceDocuments_FileId", "ServiceDocuments", "FileId");

        m.CreateTable("ServiceRatings", t => new
        {
            Id = t.Column<long>()
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            ItemId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Level = t.Column<string>(maxLength: 32),
            Comment = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            CitizenId = t.Column<int>(nullable: true),
            ClientHash = t.Column<string>(maxLength: 64),
            FollowUp = t.Column<string>(nullable: true),
            FollowedUpBy = t.Column<string>(maxLength: 64, nullable: true),
            FollowedUpAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceRatings", x => x.Id);
            c.ForeignKey("FK_ServiceRatings_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceRatings_ItemId_CreatedAt", "ServiceRatings", ["ItemId", "CreatedAt"]);
        m.CreateIndex("IX_ServiceRatings_ClientHash_CreatedAt", "ServiceRatings", ["ClientHash", "CreatedAt"]);
        m.CreateIndex("IX_ServiceRatings_SiteId_Level", "ServiceRatings", ["SiteId", "Level"]);
        m.CreateIndex("IX_ServiceRatings_CitizenId", "ServiceRatings", "CitizenId");

        m.CreateTable("ServiceUses", t => new
        {
            ItemId = t.Column<int>(),
            Day = t.Column<DateOnly>(),
            Views = t.Column<int>(),
            HallVisits = t.Column<int>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ServiceUses", x => new { x.ItemId, x.Day });
            c.ForeignKey("FK_ServiceUses_ServiceItems_ItemId", x => x.ItemId, "ServiceItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceUses_Day", "ServiceUses", "Day");

        m.CreateTable("MourningPeriods", t => new
        {
            Id = t.Id(),
            RegionId = t.Column<int>(nullable: true),
            StartsAt = t.Column<DateTime>(),
            EndsAt = t.Column<DateTime>(),
            Reason = t.Column<string>(maxLength: 100),
            CreatedBy = t.Column<string>(maxLength: 64),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MourningPeriods", x => x.Id);
            c.ForeignKey("FK_MourningPeriods_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MourningPeriods_EndsAt", "MourningPeriods", "EndsAt");
        m.CreateIndex("IX_MourningPeriods_RegionId", "MourningPeriods", "RegionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "MourningPeriods", "ServiceUses", "ServiceRatings", "ServiceDocuments", "ServiceQuestions", "ServiceSteps",
            "ServiceMaterials", "ServiceItems", "ServiceImportRuns", "ServiceImportSources" })
        {
            m.DropTable(table);
        }
    }
}
