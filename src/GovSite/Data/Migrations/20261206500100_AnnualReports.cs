using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>Each site's 政府网站工作年度报表 per year, with its workflow state (issue 20).</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206500100_AnnualReports")]
public sealed class AnnualReportTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AnnualReports", t => new
        {
            Id = t.Column<int>()
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            SiteId = t.Column<int>(),
            Year = t.Column<int>(),
            Status = t.Column<string>(maxLength: 32),
            EnteredJson = t.Column<string>(),
            ComputedJson = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            SubmittedById = t.Column<int>(nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            ReviewedById = t.Column<int>(nullable: true),
            ReturnReason = t.Column<string>(maxLength: 500, nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            PublicUrl = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_AnnualReports", x => x.Id);
            c.ForeignKey("FK_AnnualReports_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AnnualReports_SiteId_Year", "AnnualReports", ["SiteId", "Year"], unique: true);
        m.CreateIndex("IX_AnnualReports_Year_Status", "AnnualReports", ["Year", "Status"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("AnnualReports");
}
