using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Staff second factor (TOTP, issue 21): the protected secret, when it came into force, the last
/// accepted time step (no code is good twice) and the hashed recovery codes.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206600000_SecondFactor")]
public sealed class SecondFactor : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("SecondFactorSecret", "Users", maxLength: 1000, nullable: true);
        m.AddColumn<DateTime>("SecondFactorEnabledAt", "Users", nullable: true);
        m.AddColumn<long>("SecondFactorLastStep", "Users", nullable: false, defaultValue: 0L);
        m.AddColumn<string>("RecoveryCodeHashes", "Users", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("SecondFactorSecret", "Users");
        m.DropColumn("SecondFactorEnabledAt", "Users");
        m.DropColumn("SecondFactorLastStep", "Users");
        m.DropColumn("RecoveryCodeHashes", "Users");
    }
}
