using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Rate limits held in the database (issue 21): one row per limit, key and fixed window, so every
/// node counts into the same window.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206600100_RateLimitWindows")]
public sealed class RateLimitWindows : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("RateLimitWindows", t => new
        {
            Bucket = t.Column<string>(maxLength: 64),
            Key = t.Column<string>(maxLength: 128),
            WindowStart = t.Column<long>(),
            Count = t.Column<int>(),
        }, constraints: c => c.PrimaryKey("PK_RateLimitWindows", x => new { x.Bucket, x.Key, x.WindowStart }));
        m.CreateIndex("IX_RateLimitWindows_WindowStart", "RateLimitWindows", "WindowStart");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("RateLimitWindows");
}
