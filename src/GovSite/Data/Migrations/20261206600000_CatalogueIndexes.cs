using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// 政府信息公开目录 over a million entries (bench/disclosure.sh): a portal's catalogue spans its
/// department sites, so walking one site's index range cannot give the newest entries of all of
/// them without sorting every entry. These indexes give the newest-first order directly for the
/// whole catalogue and for each browsing list (主题分类, 体裁分类, 发文机关); the site filter is
/// checked while walking.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206600000_CatalogueIndexes")]
public sealed class CatalogueIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_Articles_Disclosure_Status_PublishedAt", "Articles", ["Disclosure", "Status", "PublishedAt"]);
        m.CreateIndex("IX_Articles_SubjectCategory_Disclosure_Status_PublishedAt", "Articles", ["SubjectCategory", "Disclosure", "Status", "PublishedAt"]);
        m.CreateIndex("IX_Articles_GenreClass_Disclosure_Status_PublishedAt", "Articles", ["GenreClass", "Disclosure", "Status", "PublishedAt"]);
        m.CreateIndex("IX_Articles_Issuer_Disclosure_Status_PublishedAt", "Articles", ["Issuer", "Disclosure", "Status", "PublishedAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Articles_Disclosure_Status_PublishedAt", "Articles");
        m.DropIndex("IX_Articles_SubjectCategory_Disclosure_Status_PublishedAt", "Articles");
        m.DropIndex("IX_Articles_GenreClass_Disclosure_Status_PublishedAt", "Articles");
        m.DropIndex("IX_Articles_Issuer_Disclosure_Status_PublishedAt", "Articles");
    }
}
