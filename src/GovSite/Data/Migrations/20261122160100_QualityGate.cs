using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>Quality gate: term lists, per-site settings, the near-duplicate index, external link results.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122160100_QualityGate")]
public sealed class QualityGate : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("QualityLists", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(nullable: true),
            Kind = t.Column<string>(maxLength: 32),
            Name = t.Column<string>(maxLength: 100),
            Severity = t.Column<string>(maxLength: 32, nullable: true),
            Terms = t.Column<string>(),
            TermCount = t.Column<int>(),
            Version = t.Column<int>(),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_QualityLists", x => x.Id);
            c.ForeignKey("FK_QualityLists_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_QualityLists_SiteId_Kind", "QualityLists", ["SiteId", "Kind"]);

        m.CreateTable("QualitySettings", t => new
        {
            SiteId = t.Column<int>(),
            SensitiveWord = t.Column<string>(maxLength: 32),
            SeriousError = t.Column<string>(maxLength: 32),
            NearDuplicate = t.Column<string>(maxLength: 32),
            BrokenLink = t.Column<string>(maxLength: 32),
            MissingAlt = t.Column<string>(maxLength: 32),
            EmptyContent = t.Column<string>(maxLength: 32),
            InappropriateText = t.Column<string>(maxLength: 32),
            NearDuplicatePercent = t.Column<int>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_QualitySettings", x => x.SiteId);
            c.ForeignKey("FK_QualitySettings_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("NearDuplicateEntries", t => new
        {
            ItemId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 500),
            DateUtc = t.Column<DateTime>(),
            Signature = t.Column<byte[]>(),
        }, constraints: c => c.PrimaryKey("PK_NearDuplicateEntries", x => x.ItemId));

        m.CreateTable("NearDuplicateBands", t => new
        {
            Hash = t.Column<long>(),
            ItemId = t.Column<int>(),
        }, constraints: c => c.PrimaryKey("PK_NearDuplicateBands", x => new { x.Hash, x.ItemId }));
        m.CreateIndex("IX_NearDuplicateBands_ItemId", "NearDuplicateBands", "ItemId");

        m.CreateTable("ExternalLinkStatuses", t => new
        {
            UrlHash = t.Column<string>(maxLength: 64),
            Url = t.Column<string>(),
            Broken = t.Column<bool>(),
            StatusCode = t.Column<int>(nullable: true),
            Error = t.Column<string>(maxLength: 500, nullable: true),
            CheckedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_ExternalLinkStatuses", x => x.UrlHash));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ExternalLinkStatuses");
        m.DropTable("NearDuplicateBands");
        m.DropTable("NearDuplicateEntries");
        m.DropTable("QualitySettings");
        m.DropTable("QualityLists");
    }
}
