using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>Uploaded files (attachments and editor images); the bytes stay in the data directory.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122160200_Files")]
public sealed class Files : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("StoredFiles", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            FileName = t.Column<string>(maxLength: 255),
            StoredName = t.Column<string>(maxLength: 100),
            ContentType = t.Column<string>(maxLength: 100),
            Size = t.Column<long>(),
            Sha256 = t.Column<string>(maxLength: 64),
            UploadedById = t.Column<int>(nullable: true),
            UploadedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_StoredFiles", x => x.Id);
            c.ForeignKey("FK_StoredFiles_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_StoredFiles_Users_UploadedById", x => x.UploadedById, "Users", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_StoredFiles_SiteId", "StoredFiles", "SiteId");
        m.CreateIndex("IX_StoredFiles_UploadedById", "StoredFiles", "UploadedById");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("StoredFiles");
}
