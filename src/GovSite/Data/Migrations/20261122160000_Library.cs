using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>
/// The unified library: items, versions, the append-only trail, placement requests, reprint
/// orders and subscriptions, per-site publishing settings and the taxonomy. Every existing
/// article becomes a library item with the same id and one version, so upgrading loses nothing.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122160000_Library")]
public sealed class Library : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var postgres = ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        m.CreateTable("LibraryItems", t => new
        {
            Id = t.Id(),
            OwnerSiteId = t.Column<int>(),
            HomeColumnId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 500),
            Subtitle = t.Column<string>(maxLength: 500, nullable: true),
            Summary = t.Column<string>(nullable: true),
            Body = t.Column<string>(),
            Keywords = t.Column<string>(nullable: true),
            Source = t.Column<string>(nullable: true),
            Author = t.Column<string>(nullable: true),
            Issuer = t.Column<string>(maxLength: 200, nullable: true),
            DocNumber = t.Column<string>(maxLength: 100, nullable: true),
            WrittenDate = t.Column<DateOnly>(nullable: true),
            SubjectClass = t.Column<string>(maxLength: 100, nullable: true),
            GenreClass = t.Column<string>(maxLength: 100, nullable: true),
            Language = t.Column<string>(maxLength: 16),
            Validity = t.Column<string>(maxLength: 32, nullable: true),
            ValidityDate = t.Column<DateOnly>(nullable: true),
            InterpretsItemId = t.Column<int>(nullable: true),
            InterpretationKind = t.Column<string>(maxLength: 32, nullable: true),
            Attachments = t.Column<string>(),
            Status = t.Column<string>(maxLength: 32),
            ReviewLevel = t.Column<int>(),
            PublishAt = t.Column<DateTime>(nullable: true),
            WithdrawAt = t.Column<DateTime>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            VersionNumber = t.Column<int>(),
            CreatedAt = t.Column<DateTime>(),
            CreatedById = t.Column<int>(nullable: true),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedById = t.Column<int>(nullable: true),
            SubmittedById = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_LibraryItems", x => x.Id);
            c.ForeignKey("FK_LibraryItems_Sites_OwnerSiteId", x => x.OwnerSiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_LibraryItems_Columns_HomeColumnId", x => x.HomeColumnId, "Columns", "Id", onDelete: ReferentialAction.Restrict);
            c.ForeignKey("FK_LibraryItems_LibraryItems_InterpretsItemId", x => x.InterpretsItemId, "LibraryItems", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_LibraryItems_OwnerSiteId_Status", "LibraryItems", ["OwnerSiteId", "Status"]);
        m.CreateIndex("IX_LibraryItems_InterpretsItemId", "LibraryItems", "InterpretsItemId");
        m.CreateIndex("IX_LibraryItems_HomeColumnId", "LibraryItems", "HomeColumnId");

        m.CreateTable("ItemVersions", t => new
        {
            Id = LongId(t),
            ItemId = t.Column<int>(),
            Number = t.Column<int>(),
            Title = t.Column<string>(maxLength: 500),
            Body = t.Column<string>(),
            Content = t.Column<string>(),
            CreatedAt = t.Column<DateTime>(),
            CreatedById = t.Column<int>(nullable: true),
            CreatedByName = t.Column<string>(maxLength: 64, nullable: true),
            Note = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ItemVersions", x => x.Id);
            c.ForeignKey("FK_ItemVersions_LibraryItems_ItemId", x => x.ItemId, "LibraryItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ItemVersions_ItemId_Number", "ItemVersions", ["ItemId", "Number"], unique: true);

        m.CreateTable("ItemTransitions", t => new
        {
            Id = LongId(t),
            ItemId = t.Column<int>(),
            At = t.Column<DateTime>(),
            UserId = t.Column<int>(nullable: true),
            UserName = t.Column<string>(maxLength: 64),
            From = t.Column<string>(maxLength: 32),
            To = t.Column<string>(maxLength: 32),
            Level = t.Column<int>(nullable: true),
            Action = t.Column<string>(maxLength: 32),
            Comment = t.Column<string>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ItemTransitions", x => x.Id);
            c.ForeignKey("FK_ItemTransitions_LibraryItems_ItemId", x => x.ItemId, "LibraryItems", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ItemTransitions_ItemId", "ItemTransitions", "ItemId");
        // 谁发布谁负责: the trail only grows, whoever writes to the database.
        if (postgres)
        {
            m.Sql("""
                CREATE FUNCTION govsite_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
                CREATE TRIGGER "TR_ItemTransitions_AppendOnly" BEFORE UPDATE OR DELETE ON "ItemTransitions"
                FOR EACH ROW EXECUTE FUNCTION govsite_append_only();
                """);
        }
        else
        {
            m.Sql("""
                CREATE TRIGGER "TR_ItemTransitions_NoUpdate" BEFORE UPDATE ON "ItemTransitions"
                BEGIN SELECT RAISE(ABORT, 'ItemTransitions is append-only'); END;
                """);
            m.Sql("""
                CREATE TRIGGER "TR_ItemTransitions_NoDelete" BEFORE DELETE ON "ItemTransitions"
                BEGIN SELECT RAISE(ABORT, 'ItemTransitions is append-only'); END;
                """);
        }

        m.CreateTable("ColumnSubscriptions", t => new
        {
            Id = t.Id(),
            ColumnId = t.Column<int>(),
            SiteId = t.Column<int>(),
            SourceColumnId = t.Column<int>(),
            SourceSiteId = t.Column<int>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ColumnSubscriptions", x => x.Id);
            c.ForeignKey("FK_ColumnSubscriptions_Columns_ColumnId", x => x.ColumnId, "Columns", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_ColumnSubscriptions_Columns_SourceColumnId", x => x.SourceColumnId, "Columns", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ColumnSubscriptions_ColumnId_SourceColumnId", "ColumnSubscriptions", ["ColumnId", "SourceColumnId"], unique: true);
        m.CreateIndex("IX_ColumnSubscriptions_SourceColumnId", "ColumnSubscriptions", "SourceColumnId");

        m.CreateTable("ReprintOrders", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            IssuerSiteId = t.Column<int>(),
            DeadlineUtc = t.Column<DateTime>(),
            Note = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(),
            CreatedById = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_ReprintOrders", x => x.Id);
            c.ForeignKey("FK_ReprintOrders_LibraryItems_ItemId", x => x.ItemId, "LibraryItems", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_ReprintOrders_Sites_IssuerSiteId", x => x.IssuerSiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReprintOrders_ItemId", "ReprintOrders", "ItemId");
        m.CreateIndex("IX_ReprintOrders_IssuerSiteId", "ReprintOrders", "IssuerSiteId");

        m.CreateTable("PlacementRequests", t => new
        {
            Id = t.Id(),
            ItemId = t.Column<int>(),
            SiteId = t.Column<int>(),
            ColumnId = t.Column<int>(nullable: true),
            Kind = t.Column<string>(maxLength: 32),
            OrderId = t.Column<int>(nullable: true),
            SubscriptionId = t.Column<int>(nullable: true),
            Status = t.Column<string>(maxLength: 32),
            RequestedAt = t.Column<DateTime>(),
            RequestedById = t.Column<int>(nullable: true),
            RequestedByName = t.Column<string>(maxLength: 64, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecidedById = t.Column<int>(nullable: true),
            DecidedByName = t.Column<string>(maxLength: 64, nullable: true),
            Comment = t.Column<string>(nullable: true),
            ArticleId = t.Column<int>(nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_PlacementRequests", x => x.Id);
            c.ForeignKey("FK_PlacementRequests_LibraryItems_ItemId", x => x.ItemId, "LibraryItems", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_PlacementRequests_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_PlacementRequests_Columns_ColumnId", x => x.ColumnId, "Columns", "Id", onDelete: ReferentialAction.SetNull);
            c.ForeignKey("FK_PlacementRequests_ReprintOrders_OrderId", x => x.OrderId, "ReprintOrders", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_PlacementRequests_ColumnSubscriptions_SubscriptionId", x => x.SubscriptionId, "ColumnSubscriptions", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_PlacementRequests_SiteId_Status", "PlacementRequests", ["SiteId", "Status"]);
        m.CreateIndex("IX_PlacementRequests_ItemId_SiteId", "PlacementRequests", ["ItemId", "SiteId"]);
        m.CreateIndex("IX_PlacementRequests_OrderId", "PlacementRequests", "OrderId");
        m.CreateIndex("IX_PlacementRequests_SubscriptionId", "PlacementRequests", "SubscriptionId");
        m.CreateIndex("IX_PlacementRequests_ColumnId", "PlacementRequests", "ColumnId");

        m.CreateTable("PublishingSettings", t => new
        {
            SiteId = t.Column<int>(),
            IndexNumberPattern = t.Column<string>(maxLength: 100),
            InterpretationDays = t.Column<int>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_PublishingSettings", x => x.SiteId);
            c.ForeignKey("FK_PublishingSettings_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateTable("IndexNumberCounters", t => new
        {
            SiteId = t.Column<int>(),
            Year = t.Column<int>(),
            Next = t.Column<int>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_IndexNumberCounters", x => new { x.SiteId, x.Year });
            c.ForeignKey("FK_IndexNumberCounters_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateTable("Classifications", t => new
        {
            Id = t.Id(),
            Scheme = t.Column<string>(maxLength: 32),
            Code = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 100),
            SortOrder = t.Column<int>(),
        }, constraints: c => c.PrimaryKey("PK_Classifications", x => x.Id));
        m.CreateIndex("IX_Classifications_Scheme_Code", "Classifications", ["Scheme", "Code"], unique: true);
        // The taxonomy as it stood at this migration; later changes are data, made in the back office.
        var order = 0;
        foreach (var (scheme, names) in new[] { ("Subject", Taxonomy.Subjects), ("Genre", Taxonomy.Genres) })
        {
            for (var i = 0; i < names.Length; i++)
            {
                // Plain SQL: a hand-written migration has no model for InsertData to take column types from.
                var code = (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                var sort = (order++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                m.Sql($"""INSERT INTO "Classifications" ("Scheme", "Code", "Name", "SortOrder") VALUES ('{scheme}', '{code}', '{names[i].Replace("'", "''", StringComparison.Ordinal)}', {sort})""");
            }
        }

        // Workflow per column; placements of items on articles.
        m.AddColumn<int>("ReviewLevels", "Columns", nullable: false, defaultValue: 0);
        m.AddColumn<bool>("RequiresConfidentialityReview", "Columns", nullable: false, defaultValue: false);
        if (postgres)
        {
            m.AddColumn<int>("ItemId", "Articles", nullable: true);
            m.AddColumn<int>("ReprintedFromSiteId", "Articles", nullable: true);
        }
        else
        {
            // SQLite cannot add a foreign key to a table afterwards, but can add a column that carries one.
            m.Sql("""ALTER TABLE "Articles" ADD COLUMN "ItemId" INTEGER NULL REFERENCES "LibraryItems" ("Id") ON DELETE CASCADE""");
            m.Sql("""ALTER TABLE "Articles" ADD COLUMN "ReprintedFromSiteId" INTEGER NULL REFERENCES "Sites" ("Id") ON DELETE SET NULL""");
        }
        m.AddColumn<string>("OriginalUrl", "Articles", nullable: true);

        // Every article so far becomes an item of its own site, with the same id and one version.
        m.Sql("""
            INSERT INTO "LibraryItems" ("Id", "OwnerSiteId", "HomeColumnId", "Title", "Summary", "Body", "Keywords", "Source", "Author",
                "Issuer", "DocNumber", "WrittenDate", "SubjectClass", "Language", "Validity", "Attachments", "Status", "ReviewLevel",
                "PublishedAt", "VersionNumber", "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById")
            SELECT "Id", "SiteId", "ColumnId", "Title", "Summary", "Body", "Keywords", "Source", "Author",
                "Issuer", "DocNumber", "WrittenDate", "SubjectCategory", 'zh-CN', "Validity", '[]', "Status", 0,
                "PublishedAt", 1, "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById"
            FROM "Articles"
            """);
        m.Sql("""
            UPDATE "LibraryItems" SET "InterpretsItemId" = (SELECT a."InterpretsId" FROM "Articles" a WHERE a."Id" = "LibraryItems"."Id")
            """);
        m.Sql("""UPDATE "Articles" SET "ItemId" = "Id" """);
        m.Sql("""
            INSERT INTO "ItemVersions" ("ItemId", "Number", "Title", "Body", "Content", "CreatedAt", "CreatedById", "Note")
            SELECT "Id", 1, "Title", "Body", '{}', "UpdatedAt", "UpdatedById", '升级时由原文章生成' FROM "Articles"
            """);
        if (postgres)
        {
            m.Sql("""SELECT setval(pg_get_serial_sequence('"LibraryItems"', 'Id'), COALESCE((SELECT MAX("Id") FROM "LibraryItems"), 0) + 1, false)""");
        }
        // 索引号 becomes unique per site; a duplicate from before keeps its text with the article id appended.
        m.Sql("""
            UPDATE "Articles" SET "IndexNumber" = "IndexNumber" || '-' || CAST("Id" AS TEXT)
            WHERE "IndexNumber" IS NOT NULL AND "Id" NOT IN
                (SELECT MIN("Id") FROM "Articles" WHERE "IndexNumber" IS NOT NULL GROUP BY "SiteId", "IndexNumber")
            """);
        m.CreateIndex("IX_Articles_SiteId_IndexNumber", "Articles", ["SiteId", "IndexNumber"], unique: true);
        m.CreateIndex("IX_Articles_ItemId", "Articles", "ItemId");
        m.CreateIndex("IX_Articles_ReprintedFromSiteId", "Articles", "ReprintedFromSiteId");
        if (postgres)
        {
            m.AddForeignKey("FK_Articles_LibraryItems_ItemId", "Articles", "ItemId", "LibraryItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            m.AddForeignKey("FK_Articles_Sites_ReprintedFromSiteId", "Articles", "ReprintedFromSiteId", "Sites", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropForeignKey("FK_Articles_LibraryItems_ItemId", "Articles");
        m.DropForeignKey("FK_Articles_Sites_ReprintedFromSiteId", "Articles");
        m.DropIndex("IX_Articles_SiteId_IndexNumber", "Articles");
        m.DropIndex("IX_Articles_ItemId", "Articles");
        m.DropIndex("IX_Articles_ReprintedFromSiteId", "Articles");
        m.DropColumn("ItemId", "Articles");
        m.DropColumn("ReprintedFromSiteId", "Articles");
        m.DropColumn("OriginalUrl", "Articles");
        m.DropColumn("ReviewLevels", "Columns");
        m.DropColumn("RequiresConfidentialityReview", "Columns");
        foreach (var table in new[] { "Classifications", "IndexNumberCounters", "PublishingSettings", "PlacementRequests", "ReprintOrders",
                     "ColumnSubscriptions", "ItemTransitions", "ItemVersions", "LibraryItems" })
        {
            m.DropTable(table);
        }
    }

    private static OperationBuilder<AddColumnOperation> LongId(ColumnsBuilder t) =>
        t.Column<long>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
