using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>The data-protection key ring moves from the data directory into the database (shared by all nodes).</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122000003_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Id(),
            FriendlyName = t.Column<string>(nullable: true),
            Xml = t.Column<string>(),
        }, constraints: c => c.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

    protected override void Down(MigrationBuilder m) => m.DropTable("DataProtectionKeys");
}
