using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// A security stamp per user, carried by cookies and tokens: changing it revokes them. Existing
/// users start with an empty stamp, which the sessions signed in before the upgrade (no stamp
/// claim) match until the next lockout, password, role or activity change.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206110000_SecurityStamp")]
public sealed class SecurityStamp : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("SecurityStamp", "Users", maxLength: 32, nullable: false, defaultValue: "");

    protected override void Down(MigrationBuilder m) => m.DropColumn("SecurityStamp", "Users");
}
