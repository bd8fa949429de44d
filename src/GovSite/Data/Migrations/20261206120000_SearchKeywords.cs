using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// The ranking weighs an article's 关键词 as a field of its own (between title and body), so the
/// search documents keep them. Existing documents get theirs when the search layout changes and
/// every article is indexed again at start-up.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206120000_SearchKeywords")]
public sealed class SearchKeywords : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("Keywords", "SearchDocuments", nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("Keywords", "SearchDocuments");
}
