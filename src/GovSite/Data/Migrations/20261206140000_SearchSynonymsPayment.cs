using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// Two shipped synonym rules reach databases made before them (a new database already has them
/// from the shipped list): 交 as a word of its own means paying (交社保 → 缴纳社会保险), and
/// 退休金 is also 养老金. A rule an admin already has for 交 stays as it is, and 退休金 changes only
/// while it is still the shipped 养老保险.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206140000_SearchSynonymsPayment")]
public sealed class SearchSynonymsPayment : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var now = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? "TIMESTAMPTZ '2026-12-06 14:00:00+00'"
            : "'2026-12-06 14:00:00'";
        m.Sql($"""
            INSERT INTO "SearchSynonyms" ("Everyday", "Official", "UpdatedAt")
            SELECT '交', '缴纳|缴费', {now}
            WHERE NOT EXISTS (SELECT 1 FROM "SearchSynonyms" WHERE "Everyday" = '交')
            """);
        m.Sql($"""
            UPDATE "SearchSynonyms" SET "Official" = '养老金|养老保险', "UpdatedAt" = {now}
            WHERE "Everyday" = '退休金' AND "Official" = '养老保险'
            """);
    }

    // The rules stay: by then an admin may have edited them, and the older reading is no better.
    protected override void Down(MigrationBuilder m)
    {
    }
}
