using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// 政府信息公开目录 deep pages over a million entries (bench/disclosure.sh, issue 17): a portal's
/// page 500 skips 9,980 entries, and with the site filter outside the index each skipped entry was
/// a read of the article's row (the table holds the bodies). The newest-first indexes of the whole
/// catalogue, 主题分类 and 体裁分类 now end with Id (the order's tie-break, so the index still gives
/// the order) and SiteId (the portal's scope), so the skipped entries are checked in the index
/// alone (sqlite3 on page 500 of a portal: 11–18 ms before, 3.5 ms after). Short names: the
/// default ones would pass PostgreSQL's 63 characters.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206601700_CatalogueCoveringIndexes")]
public sealed class CatalogueCoveringIndexes : Migration
{
    private static readonly (string Old, string New, string[] Lead)[] Lists =
    [
        ("IX_Articles_Disclosure_Status_PublishedAt", "IX_Articles_Catalogue", []),
        ("IX_Articles_SubjectCategory_Disclosure_Status_PublishedAt", "IX_Articles_Catalogue_Subject", ["SubjectCategory"]),
        ("IX_Articles_GenreClass_Disclosure_Status_PublishedAt", "IX_Articles_Catalogue_Genre", ["GenreClass"]),
    ];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var (old, name, lead) in Lists)
        {
            m.DropIndex(old, "Articles");
            m.CreateIndex(name, "Articles", [.. lead, "Disclosure", "Status", "PublishedAt", "Id", "SiteId"]);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var (old, name, lead) in Lists)
        {
            m.DropIndex(name, "Articles");
            m.CreateIndex(old, "Articles", [.. lead, "Disclosure", "Status", "PublishedAt"]);
        }
    }
}
