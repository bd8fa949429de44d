using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// 热门搜索 curated instead of copied from the query log: distinct visitors per query and day
/// (hashed with the counting period's salt), and each site admin's pinned, hidden and blocked entries.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206130000_HotSearches")]
public sealed class HotSearches : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SearchVisits", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Query = t.Column<string>(maxLength: 64),
            Day = t.Column<DateOnly>(),
            Visitor = t.Column<string>(maxLength: 44),
        }, constraints: c => c.PrimaryKey("PK_SearchVisits", x => x.Id));
        m.CreateIndex("IX_SearchVisits_SiteId_Query_Day_Visitor", "SearchVisits", ["SiteId", "Query", "Day", "Visitor"], unique: true);
        m.CreateIndex("IX_SearchVisits_Day", "SearchVisits", "Day");

        m.CreateTable("SearchSalts", t => new
        {
            Since = t.Column<DateOnly>(),
            Salt = t.Column<string>(maxLength: 44),
        }, constraints: c => c.PrimaryKey("PK_SearchSalts", x => x.Since));

        m.CreateTable("HotSearchRules", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Query = t.Column<string>(maxLength: 64),
            State = t.Column<string>(maxLength: 32),
            Position = t.Column<int>(),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedBy = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_HotSearchRules", x => x.Id));
        m.CreateIndex("IX_HotSearchRules_SiteId_Query", "HotSearchRules", ["SiteId", "Query"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("HotSearchRules");
        m.DropTable("SearchSalts");
        m.DropTable("SearchVisits");
    }
}
