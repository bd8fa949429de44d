using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// The search index's documents, the query log and answer cards. The token tables (SQLite FTS5,
/// PostgreSQL GIN) are not here: each search backend creates its own at start-up, so the
/// provider-specific DDL lives beside the SQL that reads it (Search/SqliteSearchBackend.cs,
/// Search/PostgresSearchBackend.cs) and the model comparison test sees only EF's tables.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122130000_Search")]
public sealed class Search : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SearchDocuments", t => new
        {
            Id = t.Column<int>(),
            SiteId = t.Column<int>(),
            SiteCode = t.Column<string>(maxLength: 20),
            ColumnId = t.Column<int>(),
            ColumnType = t.Column<string>(maxLength: 32),
            Title = t.Column<string>(maxLength: 500),
            Text = t.Column<string>(),
            SubjectCategory = t.Column<string>(nullable: true),
            Issuer = t.Column<string>(nullable: true),
            Validity = t.Column<string>(maxLength: 32, nullable: true),
            DocNumber = t.Column<string>(nullable: true),
            IndexNumber = t.Column<string>(nullable: true),
            Year = t.Column<int>(),
            PublishedAt = t.Column<DateTime>(),
            IndexedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_SearchDocuments", x => x.Id));
        m.CreateIndex("IX_SearchDocuments_SiteId_PublishedAt", "SearchDocuments", ["SiteId", "PublishedAt"]);
        m.CreateIndex("IX_SearchDocuments_PublishedAt", "SearchDocuments", "PublishedAt");

        m.CreateTable("SearchLog", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Query = t.Column<string>(maxLength: 64),
            Searches = t.Column<int>(),
            Results = t.Column<int>(),
            LastSearchedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_SearchLog", x => x.Id));
        m.CreateIndex("IX_SearchLog_SiteId_Query", "SearchLog", ["SiteId", "Query"], unique: true);

        m.CreateTable("SearchAnswers", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 200),
            Triggers = t.Column<string>(maxLength: 500),
            Answer = t.Column<string>(),
            Url = t.Column<string>(maxLength: 500, nullable: true),
            UrlText = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: c => c.PrimaryKey("PK_SearchAnswers", x => x.Id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("SearchAnswers");
        m.DropTable("SearchLog");
        m.DropTable("SearchDocuments");
    }
}
