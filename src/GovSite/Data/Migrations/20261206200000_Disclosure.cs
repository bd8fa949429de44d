using System.Globalization;
using GovSite.Disclosure;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>
/// 政府信息公开: 公开方式 on library items and their placements (with 体裁分类 copied to placements
/// for the catalogue), information requests with their trail and letters, the guide's versions,
/// the statutory categories, annual reports, and the shared table of deadline alerts.
/// Existing items become 主动公开 only when they are published policies (文号 or 发文机关) or were
/// written for a disclosure column; all others stay unmarked and out of the catalogue until someone
/// marks them.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206200000_Disclosure")]
public sealed class Disclosure : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Disclosure", "LibraryItems", maxLength: 32, nullable: true);
        m.AddColumn<string>("DisclosureReason", "LibraryItems", maxLength: 500, nullable: true);
        m.AddColumn<string>("Disclosure", "Articles", maxLength: 32, nullable: true);
        m.AddColumn<string>("GenreClass", "Articles", maxLength: 100, nullable: true);
        m.Sql("""
            UPDATE "LibraryItems" SET "Disclosure" = 'Proactive'
            WHERE "Status" = 'Published' AND ("DocNumber" IS NOT NULL OR "Issuer" IS NOT NULL
                OR "HomeColumnId" IN (SELECT "Id" FROM "Columns" WHERE "Type" = 'Disclosure'))
            """);
        m.Sql("""
            UPDATE "Articles" SET
                "Disclosure" = (SELECT i."Disclosure" FROM "LibraryItems" i WHERE i."Id" = "Articles"."ItemId"),
                "GenreClass" = (SELECT i."GenreClass" FROM "LibraryItems" i WHERE i."Id" = "Articles"."ItemId")
            WHERE "ItemId" IS NOT NULL
            """);
        m.CreateIndex("IX_Articles_SiteId_Disclosure_Status_PublishedAt", "Articles", ["SiteId", "Disclosure", "Status", "PublishedAt"]);
        for (var i = 0; i < Taxonomy.DisclosureGenres.Length; i++)
        {
            var code = "gk" + (i + 1).ToString("D2", CultureInfo.InvariantCulture);
            var name = Taxonomy.DisclosureGenres[i];
            m.Sql($"""
                INSERT INTO "Classifications" ("Scheme", "Code", "Name", "SortOrder")
                SELECT 'Genre', '{code}', '{name}', {1000 + i} WHERE NOT EXISTS (SELECT 1 FROM "Classifications" WHERE "Scheme" = 'Genre' AND "Name" = '{name}')
                """);
        }

        m.CreateTable("DeadlineAlerts", t => new
        {
            Id = t.Column<long>().Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            Work = t.Column<string>(maxLength: 32),
            ItemId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            DueDate = t.Column<DateOnly>(),
            CreatedAt = t.Column<DateTime>(),
            Number = t.Column<string>(maxLength: 40),
            Title = t.Column<string>(maxLength: 200),
            Link = t.Column<string>(maxLength: 200),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_DeadlineAlerts", x => x.Id);
            c.ForeignKey("FK_DeadlineAlerts_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DeadlineAlerts_Work_ItemId_Kind_DueDate", "DeadlineAlerts", ["Work", "ItemId", "Kind", "DueDate"], unique: true);
        m.CreateIndex("IX_DeadlineAlerts_SiteId_CreatedAt", "DeadlineAlerts", ["SiteId", "CreatedAt"]);

        m.CreateTable("InformationRequests", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Number = t.Column<string>(maxLength: 20),
            QueryCodeHash = t.Column<string>(maxLength: 64),
            ApplicantKind = t.Column<string>(maxLength: 32),
            Name = t.Column<string>(maxLength: 100),
            IdKind = t.Column<string>(maxLength: 32),
            IdNumber = t.Column<string>(maxLength: 30),
            ApplicantKey = t.Column<string>(maxLength: 30),
            WorkUnit = t.Column<string>(maxLength: 100, nullable: true),
            LegalRepresentative = t.Column<string>(maxLength: 50, nullable: true),
            ContactName = t.Column<string>(maxLength: 50, nullable: true),
            Phone = t.Column<string>(maxLength: 30),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Address = t.Column<string>(maxLength: 200, nullable: true),
            PostalCode = t.Column<string>(maxLength: 10, nullable: true),
            Fax = t.Column<string>(maxLength: 30, nullable: true),
            Description = t.Column<string>(),
            InformationName = t.Column<string>(maxLength: 200, nullable: true),
            Purpose = t.Column<string>(nullable: true),
            Delivery = t.Column<string>(maxLength: 32),
            IdFileId = t.Column<int>(nullable: true),
            Channel = t.Column<string>(maxLength: 32),
            ReceivedOn = t.Column<DateOnly>(),
            RecordedAt = t.Column<DateTime>(),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: true),
            SubmitterIp = t.Column<string>(maxLength: 45, nullable: true),
            Office = t.Column<string>(maxLength: 100, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            DueDate = t.Column<DateOnly>(nullable: true),
            Extended = t.Column<bool>(),
            AnswerType = t.Column<string>(maxLength: 32, nullable: true),
            AnswerGround = t.Column<string>(maxLength: 32, nullable: true),
            AnswerDetail = t.Column<string>(nullable: true),
            AnswerText = t.Column<string>(nullable: true),
            AnsweredOn = t.Column<DateOnly>(nullable: true),
            AnsweredOnTime = t.Column<bool>(nullable: true),
            AnswerFiles = t.Column<string>(),
            CloseReason = t.Column<string>(maxLength: 32, nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            FeeMethod = t.Column<string>(maxLength: 32, nullable: true),
            FeePages = t.Column<int>(nullable: true),
            FeeAmount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_InformationRequests", x => x.Id);
            c.ForeignKey("FK_InformationRequests_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_InformationRequests_Number", "InformationRequests", "Number", unique: true);
        m.CreateIndex("IX_InformationRequests_SiteId_ReceivedOn", "InformationRequests", ["SiteId", "ReceivedOn"]);
        m.CreateIndex("IX_InformationRequests_Status_DueDate", "InformationRequests", ["Status", "DueDate"]);
        m.CreateIndex("IX_InformationRequests_SiteId_ApplicantKey_ReceivedOn", "InformationRequests", ["SiteId", "ApplicantKey", "ReceivedOn"]);
        m.CreateIndex("IX_InformationRequests_SubmitterIp_RecordedAt", "InformationRequests", ["SubmitterIp", "RecordedAt"]);

        m.CreateTable("RequestEvents", t => new
        {
            Id = t.Column<long>().Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RequestId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            OccurredOn = t.Column<DateOnly>(),
            RecordedAt = t.Column<DateTime>(),
            UserName = t.Column<string>(maxLength: 64),
            Text = t.Column<string>(nullable: true),
            ApprovedBy = t.Column<string>(maxLength: 50, nullable: true),
            Days = t.Column<int>(nullable: true),
            Amount = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
            Pages = t.Column<int>(nullable: true),
            FeeMethod = t.Column<string>(maxLength: 32, nullable: true),
            Party = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RequestEvents", x => x.Id);
            c.ForeignKey("FK_RequestEvents_InformationRequests_RequestId", x => x.RequestId, "InformationRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RequestEvents_RequestId", "RequestEvents", "RequestId");

        m.CreateTable("RequestLetters", t => new
        {
            Id = t.Id(),
            RequestId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Reference = t.Column<string>(maxLength: 100),
            Title = t.Column<string>(maxLength: 100),
            Addressee = t.Column<string>(maxLength: 100),
            Body = t.Column<string>(),
            Issuer = t.Column<string>(maxLength: 200),
            IssuedOn = t.Column<DateOnly>(),
            ToApplicant = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_RequestLetters", x => x.Id);
            c.ForeignKey("FK_RequestLetters_InformationRequests_RequestId", x => x.RequestId, "InformationRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RequestLetters_RequestId", "RequestLetters", "RequestId");
        m.CreateIndex("IX_RequestLetters_SiteId_Reference", "RequestLetters", ["SiteId", "Reference"], unique: true);

        m.CreateTable("DisclosureGuides", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Version = t.Column<int>(),
            Office = t.Column<string>(maxLength: 100),
            Address = t.Column<string>(maxLength: 200),
            PostalCode = t.Column<string>(maxLength: 10, nullable: true),
            Hours = t.Column<string>(maxLength: 200),
            Phone = t.Column<string>(maxLength: 50),
            Fax = t.Column<string>(maxLength: 50, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            LetterPrefix = t.Column<string>(maxLength: 40),
            Fees = t.Column<string>(nullable: true),
            Remedies = t.Column<string>(),
            Notes = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(),
            CreatedBy = t.Column<string>(maxLength: 64),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_DisclosureGuides", x => x.Id);
            c.ForeignKey("FK_DisclosureGuides_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DisclosureGuides_SiteId_Version", "DisclosureGuides", ["SiteId", "Version"], unique: true);

        m.CreateTable("StatutoryCategories", t => new
        {
            Id = t.Id(),
            SiteType = t.Column<string>(maxLength: 32),
            Name = t.Column<string>(maxLength: 50),
            Genres = t.Column<string>(maxLength: 200, nullable: true),
            Columns = t.Column<string>(maxLength: 200, nullable: true),
            FreshDays = t.Column<int>(nullable: true),
            SortOrder = t.Column<int>(),
        }, constraints: c => c.PrimaryKey("PK_StatutoryCategories", x => x.Id));
        m.CreateIndex("IX_StatutoryCategories_SiteType", "StatutoryCategories", "SiteType");
        // The starting rules; platform administrators change them in the back office.
        foreach (var r in StatutoryContent.Defaults())
        {
            static string Text(string? v) => v is null ? "NULL" : $"'{v.Replace("'", "''", StringComparison.Ordinal)}'";
            m.Sql($"""
                INSERT INTO "StatutoryCategories" ("SiteType", "Name", "Genres", "Columns", "FreshDays", "SortOrder")
                VALUES ('{r.SiteType}', {Text(r.Name)}, {Text(r.Genres)}, {Text(r.Columns)}, {(r.FreshDays is int d ? d.ToString(CultureInfo.InvariantCulture) : "NULL")}, {r.SortOrder.ToString(CultureInfo.InvariantCulture)})
                """);
        }

        m.CreateTable("DisclosureReports", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Year = t.Column<int>(),
            Status = t.Column<string>(maxLength: 32),
            Manual = t.Column<string>(),
            Overview = t.Column<string>(nullable: true),
            Problems = t.Column<string>(nullable: true),
            Other = t.Column<string>(nullable: true),
            Snapshot = t.Column<string>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            PublishedBy = t.Column<string>(maxLength: 64, nullable: true),
            ItemId = t.Column<int>(nullable: true),
            UpdatedAt = t.Column<DateTime>(),
            UpdatedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_DisclosureReports", x => x.Id);
            c.ForeignKey("FK_DisclosureReports_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DisclosureReports_SiteId_Year", "DisclosureReports", ["SiteId", "Year"], unique: true);
        m.CreateIndex("IX_DisclosureReports_Year_Status", "DisclosureReports", ["Year", "Status"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("DisclosureReports");
        m.DropTable("StatutoryCategories");
        m.DropTable("DisclosureGuides");
        m.DropTable("RequestLetters");
        m.DropTable("RequestEvents");
        m.DropTable("InformationRequests");
        m.DropTable("DeadlineAlerts");
        m.DropIndex("IX_Articles_SiteId_Disclosure_Status_PublishedAt", "Articles");
        m.DropColumn("GenreClass", "Articles");
        m.DropColumn("Disclosure", "Articles");
        m.DropColumn("DisclosureReason", "LibraryItems");
        m.DropColumn("Disclosure", "LibraryItems");
    }
}
