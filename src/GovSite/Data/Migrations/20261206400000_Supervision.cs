using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Supervision (issue 19): the versioned indicator table, score sheets and their reviews, spot-check
/// rounds, 通报, rectification orders, accountability records, site lifecycle (applications,
/// notices, migrations with URL maps and proof), counterfeit cases, new-media accounts and
/// foreign-language versions; check runs remember who asked for them.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206400000_Supervision")]
public sealed class SupervisionTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("RequestedFor", "CheckRuns", maxLength: 100, nullable: true);

        m.CreateTable("IndicatorTables", t => new
        {
            Id = t.Id(),
            Version = t.Column<int>(),
            Name = t.Column<string>(maxLength: 200),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            PassMark = t.Column<double>(),
            BonusThreshold = t.Column<double>(),
            MaxBonus = t.Column<double>(),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64),
            PublishedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_IndicatorTables", x => x.Id));
        m.CreateIndex("IX_IndicatorTables_Version", "IndicatorTables", "Version", unique: true);

        m.CreateTable("Indicators", t => new
        {
            Id = t.Id(),
            TableId = t.Column<int>(),
            Code = t.Column<string>(maxLength: 16),
            Kind = t.Column<string>(maxLength: 32),
            Group = t.Column<string>(maxLength: 32, nullable: true),
            Name = t.Column<string>(maxLength: 100),
            Rule = t.Column<string>(maxLength: 1000),
            Points = t.Column<double>(),
            PerFinding = t.Column<double>(),
            Measure = t.Column<string>(maxLength: 32),
            CheckCodes = t.Column<string>(maxLength: 400),
            SortOrder = t.Column<int>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Indicators", x => x.Id);
            c.ForeignKey("FK_Indicators_IndicatorTables_TableId", x => x.TableId, "IndicatorTables", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Indicators_TableId", "Indicators", "TableId");

        m.CreateTable("SpotCheckRounds", t => new
        {
            Id = t.Id(),
            RegionId = t.Column<int>(),
            Year = t.Column<int>(),
            Quarter = t.Column<int>(),
            Ratio = t.Column<double>(),
            Seed = t.Column<int>(),
            SiteList = t.Column<string>(nullable: true),
            SitesRunning = t.Column<int>(),
            IndicatorTableId = t.Column<int>(),
            Status = t.Column<string>(maxLength: 32),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64),
            ClosedAt = t.Column<DateTime>(nullable: true),
            ClosedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SpotCheckRounds", x => x.Id);
            c.ForeignKey("FK_SpotCheckRounds_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_SpotCheckRounds_IndicatorTables_IndicatorTableId", x => x.IndicatorTableId, "IndicatorTables", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_SpotCheckRounds_RegionId_Year_Quarter", "SpotCheckRounds", ["RegionId", "Year", "Quarter"]);
        m.CreateIndex("IX_SpotCheckRounds_IndicatorTableId", "SpotCheckRounds", "IndicatorTableId");

        m.CreateTable("Assessments", t => new
        {
            Id = t.Id(),
            MonitoredSiteId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            RegionId = t.Column<int>(),
            RoundId = t.Column<int>(nullable: true),
            Period = t.Column<string>(maxLength: 8),
            IndicatorTableId = t.Column<int>(),
            CheckRunId = t.Column<int>(nullable: true),
            Stratum = t.Column<string>(maxLength: 40),
            Favoured = t.Column<bool>(),
            Portal = t.Column<bool>(),
            WithoutServices = t.Column<bool>(nullable: true),
            Status = t.Column<string>(maxLength: 32),
            Verdict = t.Column<string>(maxLength: 8, nullable: true),
            Score = t.Column<double>(nullable: true),
            VetoCodes = t.Column<string>(maxLength: 400, nullable: true),
            CreatedAt = t.Column<DateTime>(),
            SignedAt = t.Column<DateTime>(nullable: true),
            SignedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Assessments", x => x.Id);
            c.ForeignKey("FK_Assessments_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_Assessments_SpotCheckRounds_RoundId", x => x.RoundId, "SpotCheckRounds", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_Assessments_IndicatorTables_IndicatorTableId", x => x.IndicatorTableId, "IndicatorTables", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Assessments_RoundId", "Assessments", "RoundId");
        m.CreateIndex("IX_Assessments_MonitoredSiteId_Period", "Assessments", ["MonitoredSiteId", "Period"]);
        m.CreateIndex("IX_Assessments_RegionId_Period", "Assessments", ["RegionId", "Period"]);
        m.CreateIndex("IX_Assessments_SiteId", "Assessments", "SiteId");
        m.CreateIndex("IX_Assessments_IndicatorTableId", "Assessments", "IndicatorTableId");

        m.CreateTable("AssessmentReviews", t => new
        {
            Id = t.Id(),
            AssessmentId = t.Column<int>(),
            EvidenceKey = t.Column<string>(maxLength: 32),
            Upheld = t.Column<bool>(),
            Comment = t.Column<string>(maxLength: 2000),
            By = t.Column<string>(maxLength: 64),
            At = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_AssessmentReviews", x => x.Id);
            c.ForeignKey("FK_AssessmentReviews_Assessments_AssessmentId", x => x.AssessmentId, "Assessments", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssessmentReviews_AssessmentId", "AssessmentReviews", "AssessmentId");

        m.CreateTable("AssessmentEntries", t => new
        {
            Id = t.Id(),
            AssessmentId = t.Column<int>(),
            IndicatorCode = t.Column<string>(maxLength: 16),
            Points = t.Column<double>(),
            Veto = t.Column<bool>(),
            Comment = t.Column<string>(maxLength: 2000),
            Evidence = t.Column<string>(maxLength: 2000, nullable: true),
            By = t.Column<string>(maxLength: 64),
            At = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_AssessmentEntries", x => x.Id);
            c.ForeignKey("FK_AssessmentEntries_Assessments_AssessmentId", x => x.AssessmentId, "Assessments", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AssessmentEntries_AssessmentId", "AssessmentEntries", "AssessmentId");

        m.CreateTable("SupervisionNotices", t => new
        {
            Id = t.Id(),
            RoundId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 200),
            Body = t.Column<string>(),
            Figures = t.Column<string>(),
            PortalSiteId = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedBy = t.Column<string>(maxLength: 64),
            PublishedAt = t.Column<DateTime>(nullable: true),
            PublishedBy = t.Column<string>(maxLength: 64, nullable: true),
            Pdf = t.Column<byte[]>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SupervisionNotices", x => x.Id);
            c.ForeignKey("FK_SupervisionNotices_SpotCheckRounds_RoundId", x => x.RoundId, "SpotCheckRounds", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SupervisionNotices_RoundId", "SupervisionNotices", "RoundId", unique: true);
        m.CreateIndex("IX_SupervisionNotices_PortalSiteId_PublishedAt", "SupervisionNotices", ["PortalSiteId", "PublishedAt"]);

        m.CreateTable("RectificationOrders", t => new
        {
            Id = t.Id(),
            MonitoredSiteId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            RegionId = t.Column<int>(),
            AssessmentId = t.Column<int>(nullable: true),
            RoundId = t.Column<int>(nullable: true),
            SiteName = t.Column<string>(maxLength: 200),
            Findings = t.Column<string>(),
            IssuedAt = t.Column<DateTime>(),
            IssuedBy = t.Column<string>(maxLength: 64),
            WorkingDays = t.Column<int>(),
            DueDate = t.Column<DateOnly>(),
            State = t.Column<string>(maxLength: 32),
            ClosedAt = t.Column<DateTime>(nullable: true),
            Rechecks = t.Column<int>(),
            LastCheckRunId = t.Column<int>(nullable: true),
            LastCheckVerdict = t.Column<string>(maxLength: 8, nullable: true),
            LastCheckedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RectificationOrders", x => x.Id);
            c.ForeignKey("FK_RectificationOrders_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RectificationOrders_RegionId_State", "RectificationOrders", ["RegionId", "State"]);
        m.CreateIndex("IX_RectificationOrders_State_DueDate", "RectificationOrders", ["State", "DueDate"]);
        m.CreateIndex("IX_RectificationOrders_SiteId", "RectificationOrders", "SiteId");
        m.CreateIndex("IX_RectificationOrders_AssessmentId", "RectificationOrders", "AssessmentId");
        m.CreateIndex("IX_RectificationOrders_MonitoredSiteId", "RectificationOrders", "MonitoredSiteId");

        m.CreateTable("RectificationResponses", t => new
        {
            Id = t.Id(),
            OrderId = t.Column<int>(),
            Text = t.Column<string>(maxLength: 4000),
            Evidence = t.Column<string>(maxLength: 2000, nullable: true),
            By = t.Column<string>(maxLength: 64),
            At = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RectificationResponses", x => x.Id);
            c.ForeignKey("FK_RectificationResponses_RectificationOrders_OrderId", x => x.OrderId, "RectificationOrders", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RectificationResponses_OrderId", "RectificationResponses", "OrderId");

        m.CreateTable("RectificationAlerts", t => new
        {
            Id = t.Id(),
            OrderId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            DueDate = t.Column<DateOnly>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RectificationAlerts", x => x.Id);
            c.ForeignKey("FK_RectificationAlerts_RectificationOrders_OrderId", x => x.OrderId, "RectificationOrders", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RectificationAlerts_OrderId_Kind_DueDate", "RectificationAlerts", ["OrderId", "Kind", "DueDate"], unique: true);

        m.CreateTable("AccountabilityRecords", t => new
        {
            Id = t.Id(),
            RegionId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            OrganisationId = t.Column<int>(nullable: true),
            UnitName = t.Column<string>(maxLength: 200),
            PersonName = t.Column<string>(maxLength: 50, nullable: true),
            PersonPost = t.Column<string>(maxLength: 100, nullable: true),
            Date = t.Column<DateOnly>(),
            Finding = t.Column<string>(maxLength: 2000),
            Form = t.Column<string>(maxLength: 32),
            DecidedBy = t.Column<string>(maxLength: 200),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_AccountabilityRecords", x => x.Id);
            c.ForeignKey("FK_AccountabilityRecords_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_AccountabilityRecords_RegionId_Date", "AccountabilityRecords", ["RegionId", "Date"]);

        m.CreateTable("SiteApplications", t => new
        {
            Id = t.Id(),
            RegionId = t.Column<int>(),
            Code = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 200),
            Details = t.Column<string>(),
            Reason = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            AppliedAt = t.Column<DateTime>(),
            AppliedBy = t.Column<string>(maxLength: 64),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecidedBy = t.Column<string>(maxLength: 64, nullable: true),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
            SiteId = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteApplications", x => x.Id);
            c.ForeignKey("FK_SiteApplications_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_SiteApplications_RegionId_Status", "SiteApplications", ["RegionId", "Status"]);

        m.CreateTable("SiteLifecycleEvents", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            From = t.Column<string>(maxLength: 32),
            To = t.Column<string>(maxLength: 32),
            At = t.Column<DateTime>(),
            By = t.Column<string>(maxLength: 64),
            Reason = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteLifecycleEvents", x => x.Id);
            c.ForeignKey("FK_SiteLifecycleEvents_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SiteLifecycleEvents_SiteId", "SiteLifecycleEvents", "SiteId");

        m.CreateTable("SiteNotices", t => new
        {
            SiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Reason = t.Column<string>(maxLength: 500),
            Text = t.Column<string>(maxLength: 4000),
            SuccessorSiteId = t.Column<int>(nullable: true),
            SuccessorName = t.Column<string>(maxLength: 200, nullable: true),
            SuccessorUrl = t.Column<string>(maxLength: 2000, nullable: true),
            Since = t.Column<DateTime>(),
            ExpectedBack = t.Column<DateOnly>(nullable: true),
            NoticeUntil = t.Column<DateOnly>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteNotices", x => x.SiteId);
            c.ForeignKey("FK_SiteNotices_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("SiteMigrations", t => new
        {
            Id = t.Id(),
            SourceSiteId = t.Column<int>(),
            TargetSiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Status = t.Column<string>(maxLength: 32),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64),
            CompletedAt = t.Column<DateTime>(nullable: true),
            CompletedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteMigrations", x => x.Id);
            c.ForeignKey("FK_SiteMigrations_Sites_SourceSiteId", x => x.SourceSiteId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_SiteMigrations_Sites_TargetSiteId", x => x.TargetSiteId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_SiteMigrations_SourceSiteId", "SiteMigrations", "SourceSiteId");
        m.CreateIndex("IX_SiteMigrations_TargetSiteId", "SiteMigrations", "TargetSiteId");

        m.CreateTable("UrlMappings", t => new
        {
            Id = t.Id(),
            MigrationId = t.Column<int>(),
            OldPath = t.Column<string>(maxLength: 500),
            NewUrl = t.Column<string>(maxLength: 2000, nullable: true),
            Kind = t.Column<string>(maxLength: 16),
            SourceId = t.Column<int>(nullable: true),
            Edited = t.Column<bool>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_UrlMappings", x => x.Id);
            c.ForeignKey("FK_UrlMappings_SiteMigrations_MigrationId", x => x.MigrationId, "SiteMigrations", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_UrlMappings_MigrationId_OldPath", "UrlMappings", ["MigrationId", "OldPath"], unique: true);

        m.CreateTable("MigrationProofEntries", t => new
        {
            Id = t.Id(),
            MigrationId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 16),
            SourceId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 500),
            OldAddress = t.Column<string>(maxLength: 2000),
            NewAddress = t.Column<string>(maxLength: 2000, nullable: true),
            OldHash = t.Column<string>(maxLength: 64),
            NewHash = t.Column<string>(maxLength: 64, nullable: true),
            Match = t.Column<bool>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MigrationProofEntries", x => x.Id);
            c.ForeignKey("FK_MigrationProofEntries_SiteMigrations_MigrationId", x => x.MigrationId, "SiteMigrations", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MigrationProofEntries_MigrationId", "MigrationProofEntries", "MigrationId");

        m.CreateTable("CounterfeitCases", t => new
        {
            Id = t.Id(),
            RegionId = t.Column<int>(),
            ImitatedSiteId = t.Column<int>(nullable: true),
            Host = t.Column<string>(maxLength: 253),
            Url = t.Column<string>(maxLength: 2000, nullable: true),
            Source = t.Column<string>(maxLength: 32),
            Status = t.Column<string>(maxLength: 32),
            Description = t.Column<string>(maxLength: 4000),
            ReportedAt = t.Column<DateTime>(),
            ReportedBy = t.Column<string>(maxLength: 64),
            ErrorReportId = t.Column<int>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CounterfeitCases", x => x.Id);
            c.ForeignKey("FK_CounterfeitCases_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_CounterfeitCases_RegionId_Status", "CounterfeitCases", ["RegionId", "Status"]);
        m.CreateIndex("IX_CounterfeitCases_Host", "CounterfeitCases", "Host");

        m.CreateTable("CounterfeitEvidence", t => new
        {
            Id = t.Id(),
            CaseId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 16),
            Content = t.Column<string>(),
            At = t.Column<DateTime>(),
            By = t.Column<string>(maxLength: 64),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CounterfeitEvidence", x => x.Id);
            c.ForeignKey("FK_CounterfeitEvidence_CounterfeitCases_CaseId", x => x.CaseId, "CounterfeitCases", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CounterfeitEvidence_CaseId", "CounterfeitEvidence", "CaseId");

        m.CreateTable("CounterfeitSteps", t => new
        {
            Id = t.Id(),
            CaseId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Date = t.Column<DateOnly>(),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            By = t.Column<string>(maxLength: 64),
            RecordedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CounterfeitSteps", x => x.Id);
            c.ForeignKey("FK_CounterfeitSteps_CounterfeitCases_CaseId", x => x.CaseId, "CounterfeitCases", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CounterfeitSteps_CaseId", "CounterfeitSteps", "CaseId");

        m.CreateTable("NewMediaAccounts", t => new
        {
            Id = t.Id(),
            OrganisationId = t.Column<int>(),
            RegionId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            Name = t.Column<string>(maxLength: 100),
            Platform = t.Column<string>(maxLength: 32),
            AccountId = t.Column<string>(maxLength: 100),
            Operator = t.Column<string>(maxLength: 200, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
            Posts = t.Column<int>(nullable: true),
            Followers = t.Column<int>(nullable: true),
            LastPostDate = t.Column<DateOnly>(nullable: true),
            FiguresAsOf = t.Column<DateOnly>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_NewMediaAccounts", x => x.Id);
            c.ForeignKey("FK_NewMediaAccounts_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_NewMediaAccounts_RegionId", "NewMediaAccounts", "RegionId");
        m.CreateIndex("IX_NewMediaAccounts_Platform_AccountId", "NewMediaAccounts", ["Platform", "AccountId"], unique: true);
        m.CreateIndex("IX_NewMediaAccounts_OrganisationId", "NewMediaAccounts", "OrganisationId");

        m.CreateTable("NewMediaFigures", t => new
        {
            Id = t.Id(),
            AccountId = t.Column<int>(),
            AsOf = t.Column<DateOnly>(),
            Posts = t.Column<int>(),
            Followers = t.Column<int>(),
            LastPostDate = t.Column<DateOnly>(nullable: true),
            RecordedAt = t.Column<DateTime>(),
            RecordedBy = t.Column<string>(maxLength: 64),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_NewMediaFigures", x => x.Id);
            c.ForeignKey("FK_NewMediaFigures_NewMediaAccounts_AccountId", x => x.AccountId, "NewMediaAccounts", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_NewMediaFigures_AccountId_AsOf", "NewMediaFigures", ["AccountId", "AsOf"], unique: true);

        m.CreateTable("LanguageVersions", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            VersionSiteId = t.Column<int>(),
            Language = t.Column<string>(maxLength: 16),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_LanguageVersions", x => x.Id);
            c.ForeignKey("FK_LanguageVersions_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_LanguageVersions_Sites_VersionSiteId", x => x.VersionSiteId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_LanguageVersions_SiteId_Language", "LanguageVersions", ["SiteId", "Language"], unique: true);
        m.CreateIndex("IX_LanguageVersions_VersionSiteId", "LanguageVersions", "VersionSiteId");

        m.CreateTable("TranslationLinks", t => new
        {
            Id = t.Id(),
            LanguageVersionId = t.Column<int>(),
            ItemId = t.Column<int>(),
            CounterpartItemId = t.Column<int>(nullable: true),
            FlaggedAt = t.Column<DateTime>(),
            FlaggedBy = t.Column<string>(maxLength: 64),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_TranslationLinks", x => x.Id);
            c.ForeignKey("FK_TranslationLinks_LanguageVersions_LanguageVersionId", x => x.LanguageVersionId, "LanguageVersions", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_TranslationLinks_LibraryItems_ItemId", x => x.ItemId, "LibraryItems", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_TranslationLinks_LibraryItems_CounterpartItemId", x => x.CounterpartItemId, "LibraryItems", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_TranslationLinks_LanguageVersionId_ItemId", "TranslationLinks", ["LanguageVersionId", "ItemId"], unique: true);
        m.CreateIndex("IX_TranslationLinks_ItemId", "TranslationLinks", "ItemId");
        m.CreateIndex("IX_TranslationLinks_CounterpartItemId", "TranslationLinks", "CounterpartItemId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in (string[])["TranslationLinks", "LanguageVersions", "NewMediaFigures", "NewMediaAccounts", "CounterfeitSteps",
                     "CounterfeitEvidence", "CounterfeitCases", "MigrationProofEntries", "UrlMappings", "SiteMigrations", "SiteNotices",
                     "SiteLifecycleEvents", "SiteApplications", "AccountabilityRecords", "RectificationAlerts", "RectificationResponses",
                     "RectificationOrders", "SupervisionNotices", "AssessmentEntries", "AssessmentReviews", "Assessments", "SpotCheckRounds",
                     "Indicators", "IndicatorTables"])
        {
            m.DropTable(table);
        }
        m.DropColumn("RequestedFor", "CheckRuns");
    }
}
