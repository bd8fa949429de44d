using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task A_database_at_the_first_migration_upgrades_to_the_latest_without_losing_data()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var db = test.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122000001_Initial");
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(["20261122000001_Initial"]);
            var created = new DateTime(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Regions" ("Code", "Name", "Level") VALUES ('330100', '杭州市', 'City')""");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Sites" ("Code", "Name", "Type", "Level", "Status", "RegionId", "CreatedAt", "UpdatedAt")
                VALUES ('3301000001', '旧网站', 'Portal', 'City', 'Online', 1, {created}, {created})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Columns" ("SiteId", "Name", "Type", "SortOrder", "IsVisible", "IsSubSite")
                VALUES (1, '政策文件', 'Policy', 10, true, false)
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Articles" ("SiteId", "ColumnId", "Title", "Body", "Status", "PublishedAt", "CreatedAt", "UpdatedAt")
                VALUES (1, 1, '升级前发布的文件', '<p>正文</p>', 'Published', {created}, {created}, {created})
                """);
        }

        await using (var db = test.NewContext())
        {
            await DataSetup.MigrateAsync(db);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            var article = await db.Articles.SingleAsync();
            article.Title.ShouldBe("升级前发布的文件");
            article.PublishedAt.ShouldBe(new DateTime(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc));
            article.DocNumber.ShouldBeNull();
            // The article became a library item of its own, with one version and the same content.
            var item = await db.LibraryItems.SingleAsync();
            article.ItemId.ShouldBe(item.Id);
            item.Title.ShouldBe("升级前发布的文件");
            item.Status.ShouldBe(GovSite.Publishing.Library.ItemStatus.Published);
            item.OwnerSiteId.ShouldBe(article.SiteId);
            (await db.ItemVersions.SingleAsync()).Body.ShouldBe("<p>正文</p>");
            // New items after the upgrade get fresh ids (PostgreSQL's identity was moved past the copied ones).
            var fresh = GovSite.Publishing.Library.LibraryService.FromArticle(article);
            db.LibraryItems.Add(fresh);
            await db.SaveChangesAsync();
            fresh.Id.ShouldBeGreaterThan(item.Id);
            article.DocNumber = "旧政发〔2025〕1号";
            article.WrittenDate = new DateOnly(2025, 2, 27);
            await db.SaveChangesAsync();
        }

        await using (var db = test.NewContext())
        {
            var article = await db.Articles.SingleAsync();
            article.DocNumber.ShouldBe("旧政发〔2025〕1号");
            article.WrittenDate.ShouldBe(new DateOnly(2025, 2, 27));
        }
    }

    [Fact]
    public async Task Running_the_migrations_twice_changes_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var db = test.NewContext();
        await DataSetup.MigrateAsync(db);
        await DataSetup.MigrateAsync(db);
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(db.Database.GetMigrations().Count());
    }

    /// <summary>The hand-written migrations must build exactly the schema the model describes.</summary>
    [Fact]
    public async Task Migrations_match_the_model()
    {
        await using var migratedDb = await TestDatabase.CreateAsync();
        await using var createdDb = await TestDatabase.CreateAsync();
        await using var migrated = migratedDb.NewContext();
        await using var created = createdDb.NewContext();
        await DataSetup.MigrateAsync(migrated);
        await created.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaAsync(migrated);
        var fromModel = await SchemaAsync(created);
        fromMigrations.Except(fromModel).ShouldBeEmpty("in the migrations but not in the model");
        fromModel.Except(fromMigrations).ShouldBeEmpty("in the model but not in the migrations");
    }

    private static async Task<List<string>> SchemaAsync(GovSiteDb db)
    {
        var sql = db.Database.IsNpgsql()
            ? """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
              UNION ALL
              SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
              """
            : """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" FROM sqlite_master m, pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\' AND m.name NOT LIKE 'sqlite%'
              UNION ALL
              SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite%' AND tbl_name NOT LIKE '\_\_EF%' ESCAPE '\'
              """;
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order()];
    }
}
