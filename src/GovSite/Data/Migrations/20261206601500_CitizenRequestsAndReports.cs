using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// 千人千网: a citizen's information requests (依申请公开) and error reports (找错) on their page,
/// linked as their messages are (filed while signed in, or claimed with number and query code).
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206601500_CitizenRequestsAndReports")]
public sealed class CitizenRequestsAndReports : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("CitizenRequests", t => new
        {
            CitizenId = t.Column<int>(),
            RequestId = t.Column<int>(),
            AddedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CitizenRequests", x => new { x.CitizenId, x.RequestId });
            c.ForeignKey("FK_CitizenRequests_Citizens_CitizenId", x => x.CitizenId, "Citizens", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_CitizenRequests_InformationRequests_RequestId", x => x.RequestId, "InformationRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CitizenRequests_RequestId", "CitizenRequests", "RequestId");

        m.CreateTable("CitizenErrorReports", t => new
        {
            CitizenId = t.Column<int>(),
            ReportId = t.Column<int>(),
            AddedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CitizenErrorReports", x => new { x.CitizenId, x.ReportId });
            c.ForeignKey("FK_CitizenErrorReports_Citizens_CitizenId", x => x.CitizenId, "Citizens", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_CitizenErrorReports_ErrorReports_ReportId", x => x.ReportId, "ErrorReports", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CitizenErrorReports_ReportId", "CitizenErrorReports", "ReportId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("CitizenErrorReports");
        m.DropTable("CitizenRequests");
    }
}
