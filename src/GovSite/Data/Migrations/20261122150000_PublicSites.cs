using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>Site themes (published and draft) and special topics (专题专栏).</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122150000_PublicSites")]
public sealed class PublicSites : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SiteThemes", t => new
        {
            SiteId = t.Column<int>(),
            Settings = t.Column<string>(),
            Draft = t.Column<string>(nullable: true),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteThemes", x => x.SiteId);
            c.ForeignKey("FK_SiteThemes_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("SpecialTopics", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Name = t.Column<string>(maxLength: 100),
            Summary = t.Column<string>(nullable: true),
            BannerUrl = t.Column<string>(nullable: true),
            ColumnId = t.Column<int>(),
            OpenedAt = t.Column<DateTime>(),
            ClosedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SpecialTopics", x => x.Id);
            c.ForeignKey("FK_SpecialTopics_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_SpecialTopics_Columns_ColumnId", x => x.ColumnId, "Columns", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_SpecialTopics_SiteId", "SpecialTopics", "SiteId");
        m.CreateIndex("IX_SpecialTopics_ColumnId", "SpecialTopics", "ColumnId", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("SpecialTopics");
        m.DropTable("SiteThemes");
    }
}
