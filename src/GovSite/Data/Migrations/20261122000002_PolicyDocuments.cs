using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>The metadata table of a policy document (政策文件), added after the first release.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122000002_PolicyDocuments")]
public sealed class PolicyDocuments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("IndexNumber", "Articles", nullable: true);
        m.AddColumn<string>("Issuer", "Articles", nullable: true);
        m.AddColumn<string>("DocNumber", "Articles", nullable: true);
        m.AddColumn<DateOnly>("WrittenDate", "Articles", nullable: true);
        m.AddColumn<string>("SubjectCategory", "Articles", nullable: true);
        m.AddColumn<string>("Validity", "Articles", maxLength: 32, nullable: true);
        m.CreateIndex("IX_Articles_DocNumber", "Articles", "DocNumber");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Articles_DocNumber", "Articles");
        foreach (var column in new[] { "IndexNumber", "Issuer", "DocNumber", "WrittenDate", "SubjectCategory", "Validity" })
        {
            m.DropColumn(column, "Articles");
        }
    }
}
