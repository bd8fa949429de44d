using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>
/// One write path (issue 15): pending revisions of published items, the version each trail step
/// acted on, the item's picture, one placement per column, notices and the outbox, the platform
/// audit log and users' e-mail addresses. Existing data keeps its meaning: a published item's
/// current version is its published one; an item shown twice in one column keeps its first
/// placement (references to the second are moved to the first).
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122170000_WritePath")]
public sealed class WritePath : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var postgres = ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;

        m.AddColumn<string>("ImageUrl", "LibraryItems", nullable: true);
        m.AddColumn<int>("PublishedVersion", "LibraryItems", nullable: true);
        m.AddColumn<string>("RevisionKind", "LibraryItems", maxLength: 32, nullable: true);
        m.AddColumn<string>("RevisionStatus", "LibraryItems", maxLength: 32, nullable: true);
        m.AddColumn<int>("RevisionLevel", "LibraryItems", nullable: false, defaultValue: 0);
        m.AddColumn<int>("RevisionVersion", "LibraryItems", nullable: true);
        m.AddColumn<int>("RevisedById", "LibraryItems", nullable: true);
        m.AddColumn<int>("RevisionSubmittedById", "LibraryItems", nullable: true);
        m.Sql("""UPDATE "LibraryItems" SET "PublishedVersion" = "VersionNumber" WHERE "Status" = 'Published'""");
        // The picture lived on the article; the item's own placement had it.
        m.Sql("""
            UPDATE "LibraryItems" SET "ImageUrl" = (SELECT a."ImageUrl" FROM "Articles" a
                WHERE a."ItemId" = "LibraryItems"."Id" AND a."SiteId" = "LibraryItems"."OwnerSiteId" AND a."ImageUrl" IS NOT NULL ORDER BY a."Id" LIMIT 1)
            """);

        // Adding columns fires no row trigger, so the append-only trail takes them as it stands.
        m.AddColumn<int>("Version", "ItemTransitions", nullable: true);
        m.AddColumn<bool>("Revision", "ItemTransitions", nullable: false, defaultValue: false);

        // One item, one place per column: a second placement of an item in a column gives way to the first.
        const string duplicates = """
            SELECT "Id" FROM "Articles" WHERE "ItemId" IS NOT NULL AND "Id" NOT IN
                (SELECT MIN("Id") FROM "Articles" WHERE "ItemId" IS NOT NULL GROUP BY "ItemId", "ColumnId")
            """;
        const string first = """
            (SELECT MIN(k."Id") FROM "Articles" d JOIN "Articles" k ON k."ItemId" = d."ItemId" AND k."ColumnId" = d."ColumnId" WHERE d."Id" = {0})
            """;
        m.Sql($"""UPDATE "PlacementRequests" SET "ArticleId" = {string.Format(System.Globalization.CultureInfo.InvariantCulture, first, "\"PlacementRequests\".\"ArticleId\"")} WHERE "ArticleId" IN ({duplicates})""");
        m.Sql($"""UPDATE "Articles" SET "InterpretsId" = {string.Format(System.Globalization.CultureInfo.InvariantCulture, first, "\"Articles\".\"InterpretsId\"")} WHERE "InterpretsId" IN ({duplicates})""");
        m.Sql($"""DELETE FROM "Articles" WHERE "Id" IN ({duplicates})""");
        m.DropIndex("IX_Articles_ItemId", "Articles");
        m.CreateIndex("IX_Articles_ItemId_ColumnId", "Articles", ["ItemId", "ColumnId"], unique: true);

        m.AddColumn<string>("Email", "Users", maxLength: 254, nullable: true);

        m.CreateTable("Notices", t => new
        {
            Id = LongId(t),
            UserId = t.Column<int>(),
            SiteId = t.Column<int>(nullable: true),
            Key = t.Column<string>(maxLength: 200),
            Kind = t.Column<string>(maxLength: 32),
            Title = t.Column<string>(maxLength: 300),
            Text = t.Column<string>(nullable: true),
            Link = t.Column<string>(maxLength: 500, nullable: true),
            CreatedAt = t.Column<DateTime>(),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Notices", x => x.Id);
            c.ForeignKey("FK_Notices_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Notices_UserId_Key", "Notices", ["UserId", "Key"], unique: true);
        m.CreateIndex("IX_Notices_UserId_ReadAt", "Notices", ["UserId", "ReadAt"]);

        m.CreateTable("OutboxMessages", t => new
        {
            Id = LongId(t),
            Channel = t.Column<string>(maxLength: 32),
            Recipient = t.Column<string>(maxLength: 254),
            RecipientName = t.Column<string>(maxLength: 100, nullable: true),
            Subject = t.Column<string>(maxLength: 300),
            Body = t.Column<string>(),
            Status = t.Column<string>(maxLength: 32),
            Attempts = t.Column<int>(),
            NextAttemptAt = t.Column<DateTime>(),
            CreatedAt = t.Column<DateTime>(),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(nullable: true),
            NoticeId = t.Column<long>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_OutboxMessages", x => x.Id));
        m.CreateIndex("IX_OutboxMessages_Channel_Status_NextAttemptAt", "OutboxMessages", ["Channel", "Status", "NextAttemptAt"]);

        m.CreateTable("AuditEntries", t => new
        {
            Id = LongId(t),
            At = t.Column<DateTime>(),
            UserId = t.Column<int>(nullable: true),
            UserName = t.Column<string>(maxLength: 64),
            Action = t.Column<string>(maxLength: 32),
            Target = t.Column<string>(maxLength: 300),
            SiteId = t.Column<int>(nullable: true),
            Detail = t.Column<string>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        m.CreateIndex("IX_AuditEntries_Action_At", "AuditEntries", ["Action", "At"]);
        // The audit log only grows, like the content trail (govsite_append_only comes from the Library migration).
        if (postgres)
        {
            m.Sql("""
                CREATE TRIGGER "TR_AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION govsite_append_only();
                """);
        }
        else
        {
            m.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
                """);
            m.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("AuditEntries");
        m.DropTable("OutboxMessages");
        m.DropTable("Notices");
        m.DropColumn("Email", "Users");
        m.DropIndex("IX_Articles_ItemId_ColumnId", "Articles");
        m.CreateIndex("IX_Articles_ItemId", "Articles", "ItemId");
        m.DropColumn("Version", "ItemTransitions");
        m.DropColumn("Revision", "ItemTransitions");
        foreach (var column in new[] { "ImageUrl", "PublishedVersion", "RevisionKind", "RevisionStatus", "RevisionLevel", "RevisionVersion", "RevisedById",
                     "RevisionSubmittedById" })
        {
            m.DropColumn(column, "LibraryItems");
        }
    }

    private static OperationBuilder<AddColumnOperation> LongId(ColumnsBuilder t) =>
        t.Column<long>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
