using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>The shared job queue, and the monitoring platform: watched sites, runs, probes, tamper baselines.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122120000_MonitoringPlatform")]
public sealed class MonitoringPlatform : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Jobs", t => new
        {
            Id = LongId(t),
            Type = t.Column<string>(maxLength: 64),
            Payload = t.Column<string>(nullable: true),
            Key = t.Column<string>(maxLength: 200, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            RunAt = t.Column<DateTime>(),
            Attempts = t.Column<int>(),
            MaxAttempts = t.Column<int>(),
            LeaseOwner = t.Column<string>(maxLength: 100, nullable: true),
            LeaseExpiresAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            CompletedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_Jobs", x => x.Id));
        m.CreateIndex("IX_Jobs_Key", "Jobs", "Key", unique: true);
        m.CreateIndex("IX_Jobs_Status_RunAt", "Jobs", ["Status", "RunAt"]);

        m.CreateTable("MonitoredSites", t => new
        {
            Id = t.Id(),
            Url = t.Column<string>(maxLength: 2000),
            Name = t.Column<string>(maxLength: 200),
            RegionId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            IsActive = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: true),
            LastCheckedAt = t.Column<DateTime>(nullable: true),
            LastVerdict = t.Column<string>(maxLength: 8, nullable: true),
            LastScore = t.Column<double>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MonitoredSites", x => x.Id);
            c.ForeignKey("FK_MonitoredSites_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_MonitoredSites_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MonitoredSites_Url", "MonitoredSites", "Url", unique: true);
        m.CreateIndex("IX_MonitoredSites_SiteId", "MonitoredSites", "SiteId", unique: true);
        m.CreateIndex("IX_MonitoredSites_RegionId", "MonitoredSites", "RegionId");

        m.CreateTable("CheckRuns", t => new
        {
            Id = t.Id(),
            MonitoredSiteId = t.Column<int>(),
            StartedAt = t.Column<DateTime>(),
            FinishedAt = t.Column<DateTime>(),
            AsOf = t.Column<DateOnly>(),
            Verdict = t.Column<string>(maxLength: 8),
            Score = t.Column<double>(nullable: true),
            VetoCodes = t.Column<string>(maxLength: 400),
            VetoCount = t.Column<int>(),
            FindingCount = t.Column<int>(),
            BrokenLinkCount = t.Column<int>(),
            ColumnCount = t.Column<int>(),
            StaleColumnCount = t.Column<int>(),
            ProbeCount = t.Column<int>(),
            ProbeFailures = t.Column<int>(),
            Report = t.Column<string>(),
            Error = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CheckRuns", x => x.Id);
            c.ForeignKey("FK_CheckRuns_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CheckRuns_MonitoredSiteId_StartedAt", "CheckRuns", ["MonitoredSiteId", "StartedAt"]);

        m.CreateTable("ProbeResults", t => new
        {
            Id = LongId(t),
            MonitoredSiteId = t.Column<int>(),
            At = t.Column<DateTime>(),
            Ok = t.Column<bool>(),
            StatusCode = t.Column<int>(nullable: true),
            Milliseconds = t.Column<int>(),
            Error = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ProbeResults", x => x.Id);
            c.ForeignKey("FK_ProbeResults_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProbeResults_MonitoredSiteId_At", "ProbeResults", ["MonitoredSiteId", "At"]);

        m.CreateTable("PublishEvents", t => new
        {
            Id = LongId(t),
            SiteId = t.Column<int>(),
            ArticleId = t.Column<int>(),
            RecordedAt = t.Column<DateTime>(),
            EffectiveAt = t.Column<DateTime>(),
            Status = t.Column<string>(maxLength: 32),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_PublishEvents", x => x.Id);
            c.ForeignKey("FK_PublishEvents_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PublishEvents_SiteId_EffectiveAt", "PublishEvents", ["SiteId", "EffectiveAt"]);

        m.CreateTable("PageBaselines", t => new
        {
            Id = t.Id(),
            MonitoredSiteId = t.Column<int>(),
            Path = t.Column<string>(maxLength: 500),
            ArticleId = t.Column<int>(nullable: true),
            Hash = t.Column<string>(maxLength: 64),
            TakenAt = t.Column<DateTime>(),
            CheckedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_PageBaselines", x => x.Id);
            c.ForeignKey("FK_PageBaselines_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PageBaselines_MonitoredSiteId_Path", "PageBaselines", ["MonitoredSiteId", "Path"], unique: true);

        m.CreateTable("TamperAlerts", t => new
        {
            Id = t.Id(),
            MonitoredSiteId = t.Column<int>(),
            Path = t.Column<string>(maxLength: 500),
            ArticleId = t.Column<int>(nullable: true),
            DetectedAt = t.Column<DateTime>(),
            BaselineAt = t.Column<DateTime>(),
            OldHash = t.Column<string>(maxLength: 64),
            NewHash = t.Column<string>(maxLength: 64),
            Excerpt = t.Column<string>(nullable: true),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            ResolvedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_TamperAlerts", x => x.Id);
            c.ForeignKey("FK_TamperAlerts_MonitoredSites_MonitoredSiteId", x => x.MonitoredSiteId, "MonitoredSites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_TamperAlerts_MonitoredSiteId_DetectedAt", "TamperAlerts", ["MonitoredSiteId", "DetectedAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "TamperAlerts", "PageBaselines", "PublishEvents", "ProbeResults", "CheckRuns", "MonitoredSites", "Jobs" })
        {
            m.DropTable(table);
        }
    }

    /// <summary>A 64-bit auto-increment key: probes and queued jobs outgrow 32 bits over years of running.</summary>
    private static OperationBuilder<AddColumnOperation> LongId(ColumnsBuilder t) =>
        t.Column<long>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
