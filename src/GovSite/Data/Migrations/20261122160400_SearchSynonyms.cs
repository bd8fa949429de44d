using GovSite.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// The synonym table (通俗语言 → official terms) moves from a file into the database, so platform
/// admins edit it in the back office. It starts with the shipped list, once: a rule an admin
/// deletes stays deleted.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122160400_SearchSynonyms")]
public sealed class SearchSynonyms : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SearchSynonyms", t => new
        {
            Id = t.Id(),
            Everyday = t.Column<string>(maxLength: 64),
            Official = t.Column<string>(maxLength: 500),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_SearchSynonyms", x => x.Id));
        m.CreateIndex("IX_SearchSynonyms_Everyday", "SearchSynonyms", "Everyday", unique: true);

        // Column types spelled out: a migration has no model to look them up in.
        string[] types = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? ["character varying(64)", "character varying(500)", "timestamp with time zone"]
            : ["TEXT", "TEXT", "TEXT"];
        var seeded = new DateTime(2026, 11, 22, 16, 4, 0, DateTimeKind.Utc);
        foreach (var (everyday, official) in SearchVocabulary.ShippedRules())
        {
            m.InsertData("SearchSynonyms", ["Everyday", "Official", "UpdatedAt"], types, [everyday, official, seeded]);
        }
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("SearchSynonyms");
}
