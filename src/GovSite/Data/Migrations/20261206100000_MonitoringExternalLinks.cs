using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Off-site link checks become a choice per monitored site: hosted sites start without them (a
/// fresh install contacts nothing outside the machine); external sites, which a supervisor added
/// to be checked on the internet, keep them.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206100000_MonitoringExternalLinks")]
public sealed class MonitoringExternalLinks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("CheckExternalLinks", "MonitoredSites", nullable: false, defaultValue: false);
        m.Sql(m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? "UPDATE \"MonitoredSites\" SET \"CheckExternalLinks\" = TRUE WHERE \"SiteId\" IS NULL"
            : "UPDATE \"MonitoredSites\" SET \"CheckExternalLinks\" = 1 WHERE \"SiteId\" IS NULL");
    }

    protected override void Down(MigrationBuilder m) => m.DropColumn("CheckExternalLinks", "MonitoredSites");
}
