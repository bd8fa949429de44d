using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Visitor figures (issue 20): daily aggregates per site, page and facet; the day's visitor marks
/// and salt, which are deleted when the day is over.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206500000_VisitCounts")]
public sealed class VisitCounts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SiteVisitDays", t => new
        {
            SiteId = t.Column<int>(),
            Day = t.Column<DateOnly>(),
            Views = t.Column<long>(),
            Visitors = t.Column<long>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteVisitDays", x => new { x.SiteId, x.Day });
            c.ForeignKey("FK_SiteVisitDays_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PageVisitDays", t => new
        {
            SiteId = t.Column<int>(),
            Day = t.Column<DateOnly>(),
            Path = t.Column<string>(maxLength: 300),
            ColumnId = t.Column<int>(nullable: true),
            Views = t.Column<long>(),
            Visitors = t.Column<long>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_PageVisitDays", x => new { x.SiteId, x.Day, x.Path });
            c.ForeignKey("FK_PageVisitDays_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PageVisitDays_SiteId_ColumnId_Day", "PageVisitDays", ["SiteId", "ColumnId", "Day"]);

        m.CreateTable("VisitFacetDays", t => new
        {
            SiteId = t.Column<int>(),
            Day = t.Column<DateOnly>(),
            Facet = t.Column<string>(maxLength: 32),
            Value = t.Column<string>(maxLength: 200),
            Views = t.Column<long>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_VisitFacetDays", x => new { x.SiteId, x.Day, x.Facet, x.Value });
            c.ForeignKey("FK_VisitFacetDays_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("VisitorMarks", t => new
        {
            Day = t.Column<DateOnly>(),
            Key = t.Column<long>(),
        }, constraints: c => c.PrimaryKey("PK_VisitorMarks", x => new { x.Day, x.Key }));

        m.CreateTable("VisitSalts", t => new
        {
            Day = t.Column<DateOnly>(),
            Salt = t.Column<byte[]>(),
        }, constraints: c => c.PrimaryKey("PK_VisitSalts", x => x.Day));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("VisitSalts");
        m.DropTable("VisitorMarks");
        m.DropTable("VisitFacetDays");
        m.DropTable("PageVisitDays");
        m.DropTable("SiteVisitDays");
    }
}
