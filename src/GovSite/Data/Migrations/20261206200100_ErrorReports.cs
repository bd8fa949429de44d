using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>我为政府网站找错: error reports and the regions' deadlines for them.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206200100_ErrorReports")]
public sealed class ErrorReports : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ErrorReports", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            HandlingSiteId = t.Column<int>(),
            Number = t.Column<string>(maxLength: 20),
            QueryCodeHash = t.Column<string>(maxLength: 64),
            Source = t.Column<string>(maxLength: 32),
            ExternalNumber = t.Column<string>(maxLength: 50, nullable: true),
            PageUrl = t.Column<string>(maxLength: 2000),
            QuotedText = t.Column<string>(nullable: true),
            Kind = t.Column<string>(maxLength: 32),
            Description = t.Column<string>(),
            Name = t.Column<string>(maxLength: 50, nullable: true),
            Phone = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            SubmitterIp = t.Column<string>(maxLength: 45, nullable: true),
            ReceivedAt = t.Column<DateTime>(),
            ReceivedOn = t.Column<DateOnly>(),
            DueDate = t.Column<DateOnly>(),
            Status = t.Column<string>(maxLength: 32),
            ForwardedFromSiteId = t.Column<int>(nullable: true),
            ForwardedOn = t.Column<DateOnly>(nullable: true),
            ForwardedOnTime = t.Column<bool>(nullable: true),
            ForwardNote = t.Column<string>(nullable: true),
            Reply = t.Column<string>(nullable: true),
            RepliedBy = t.Column<string>(maxLength: 64, nullable: true),
            RepliedAt = t.Column<DateTime>(nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ErrorReports", x => x.Id);
            c.ForeignKey("FK_ErrorReports_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ErrorReports_Number", "ErrorReports", "Number", unique: true);
        m.CreateIndex("IX_ErrorReports_HandlingSiteId_Status_DueDate", "ErrorReports", ["HandlingSiteId", "Status", "DueDate"]);
        m.CreateIndex("IX_ErrorReports_SiteId_ReceivedOn", "ErrorReports", ["SiteId", "ReceivedOn"]);
        m.CreateIndex("IX_ErrorReports_Status_DueDate", "ErrorReports", ["Status", "DueDate"]);
        m.CreateIndex("IX_ErrorReports_SubmitterIp_ReceivedAt", "ErrorReports", ["SubmitterIp", "ReceivedAt"]);
        m.CreateIndex("IX_ErrorReports_SiteId_Source_ExternalNumber", "ErrorReports", ["SiteId", "Source", "ExternalNumber"]);

        m.CreateTable("ErrorReportSettings", t => new
        {
            RegionId = t.Column<int>(),
            AnswerWorkingDays = t.Column<int>(),
            ForwardWorkingDays = t.Column<int>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ErrorReportSettings", x => x.RegionId);
            c.ForeignKey("FK_ErrorReportSettings_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ErrorReportSettings");
        m.DropTable("ErrorReports");
    }
}
