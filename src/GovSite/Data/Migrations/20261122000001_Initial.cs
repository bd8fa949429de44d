using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

// Migrations are written by hand (the dotnet-ef design tools are not available here) with
// provider-neutral MigrationBuilder calls, so the same history runs on SQLite and PostgreSQL.
// Each identity column carries both providers' annotations; each provider reads its own.
// MigrationsMatchModel in the tests fails when the model and this history drift apart.
[DbContext(typeof(GovSiteDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Regions", t => new
        {
            Id = t.Id(),
            Code = t.Column<string>(maxLength: 12),
            Name = t.Column<string>(maxLength: 100),
            Level = t.Column<string>(maxLength: 32),
            ParentId = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Regions", x => x.Id);
            c.ForeignKey("FK_Regions_Regions_ParentId", x => x.ParentId, "Regions", "Id");
        });
        m.CreateIndex("IX_Regions_Code", "Regions", "Code", unique: true);
        m.CreateIndex("IX_Regions_ParentId", "Regions", "ParentId");

        m.CreateTable("Organisations", t => new
        {
            Id = t.Id(),
            Name = t.Column<string>(maxLength: 200),
            RegionId = t.Column<int>(),
            Phone = t.Column<string>(nullable: true),
            Address = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Organisations", x => x.Id);
            c.ForeignKey("FK_Organisations_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Organisations_RegionId", "Organisations", "RegionId");

        m.CreateTable("Sites", t => new
        {
            Id = t.Id(),
            Code = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 200),
            Type = t.Column<string>(maxLength: 32),
            Level = t.Column<string>(maxLength: 32),
            Status = t.Column<string>(maxLength: 32),
            ParentId = t.Column<int>(nullable: true),
            RegionId = t.Column<int>(),
            CompetentUnitId = t.Column<int>(nullable: true),
            HostUnitId = t.Column<int>(nullable: true),
            OperatorUnitId = t.Column<int>(nullable: true),
            IcpNumber = t.Column<string>(nullable: true),
            PoliceRecordNumber = t.Column<string>(nullable: true),
            ContactPhone = t.Column<string>(nullable: true),
            ContactEmail = t.Column<string>(nullable: true),
            Address = t.Column<string>(nullable: true),
            Description = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Sites", x => x.Id);
            c.ForeignKey("FK_Sites_Sites_ParentId", x => x.ParentId, "Sites", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_Sites_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_Sites_Organisations_CompetentUnitId", x => x.CompetentUnitId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_Sites_Organisations_HostUnitId", x => x.HostUnitId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_Sites_Organisations_OperatorUnitId", x => x.OperatorUnitId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Sites_Code", "Sites", "Code", unique: true);
        foreach (var fk in new[] { "ParentId", "RegionId", "CompetentUnitId", "HostUnitId", "OperatorUnitId" })
        {
            m.CreateIndex($"IX_Sites_{fk}", "Sites", fk);
        }

        m.CreateTable("SiteDomains", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Host = t.Column<string>(maxLength: 253),
            IsMain = t.Column<bool>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SiteDomains", x => x.Id);
            c.ForeignKey("FK_SiteDomains_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SiteDomains_Host", "SiteDomains", "Host", unique: true);
        m.CreateIndex("IX_SiteDomains_SiteId", "SiteDomains", "SiteId");

        m.CreateTable("Columns", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            ParentId = t.Column<int>(nullable: true),
            Name = t.Column<string>(maxLength: 100),
            Type = t.Column<string>(maxLength: 32),
            SortOrder = t.Column<int>(),
            IsVisible = t.Column<bool>(),
            Description = t.Column<string>(nullable: true),
            Keywords = t.Column<string>(nullable: true),
            IsSubSite = t.Column<bool>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Columns", x => x.Id);
            c.ForeignKey("FK_Columns_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_Columns_Columns_ParentId", x => x.ParentId, "Columns", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Columns_ParentId", "Columns", "ParentId");
        m.CreateIndex("IX_Columns_SiteId_ParentId", "Columns", ["SiteId", "ParentId"]);

        m.CreateTable("Articles", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            ColumnId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 500),
            Body = t.Column<string>(),
            Summary = t.Column<string>(nullable: true),
            Source = t.Column<string>(nullable: true),
            Author = t.Column<string>(nullable: true),
            Keywords = t.Column<string>(nullable: true),
            ImageUrl = t.Column<string>(nullable: true),
            Status = t.Column<string>(maxLength: 32),
            PublishedAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
            CreatedById = t.Column<int>(nullable: true),
            UpdatedById = t.Column<int>(nullable: true),
            InterpretsId = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Articles", x => x.Id);
            c.ForeignKey("FK_Articles_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_Articles_Columns_ColumnId", x => x.ColumnId, "Columns", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_Articles_Articles_InterpretsId", x => x.InterpretsId, "Articles", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Articles_ColumnId_Status_PublishedAt", "Articles", ["ColumnId", "Status", "PublishedAt"]);
        m.CreateIndex("IX_Articles_SiteId_Status_PublishedAt", "Articles", ["SiteId", "Status", "PublishedAt"]);
        m.CreateIndex("IX_Articles_InterpretsId", "Articles", "InterpretsId");

        m.CreateTable("Users", t => new
        {
            Id = t.Id(),
            UserName = t.Column<string>(maxLength: 64),
            DisplayName = t.Column<string>(),
            PasswordHash = t.Column<string>(),
            IsActive = t.Column<bool>(),
            FailedLoginCount = t.Column<int>(),
            LockoutEnd = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_Users", x => x.Id));
        m.CreateIndex("IX_Users_UserName", "Users", "UserName", unique: true);

        m.CreateTable("RoleGrants", t => new
        {
            Id = t.Id(),
            UserId = t.Column<int>(),
            Role = t.Column<string>(maxLength: 32),
            SiteId = t.Column<int>(nullable: true),
            RegionId = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RoleGrants", x => x.Id);
            c.ForeignKey("FK_RoleGrants_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_RoleGrants_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_RoleGrants_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Cascade);
        });
        foreach (var fk in new[] { "UserId", "SiteId", "RegionId" })
        {
            m.CreateIndex($"IX_RoleGrants_{fk}", "RoleGrants", fk);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "RoleGrants", "Users", "Articles", "Columns", "SiteDomains", "Sites", "Organisations", "Regions" })
        {
            m.DropTable(table);
        }
    }
}

internal static class ColumnsBuilderExtensions
{
    /// <summary>An auto-increment integer key on either database.</summary>
    public static OperationBuilder<AddColumnOperation> Id(this ColumnsBuilder t) =>
        t.Column<int>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
