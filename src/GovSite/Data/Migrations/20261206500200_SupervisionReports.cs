using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>Each supervising office's 政府网站监管年度报表 per region and year, with its workflow state (issue 20).</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206500200_SupervisionReports")]
public sealed class SupervisionReportTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SupervisionReports", t => new
        {
            Id = t.Column<int>()
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RegionId = t.Column<int>(),
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
            c.PrimaryKey("PK_SupervisionReports", x => x.Id);
            c.ForeignKey("FK_SupervisionReports_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SupervisionReports_RegionId_Year", "SupervisionReports", ["RegionId", "Year"], unique: true);
        m.CreateIndex("IX_SupervisionReports_Year_Status", "SupervisionReports", ["Year", "Status"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("SupervisionReports");
}
