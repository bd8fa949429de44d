using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace GovSite.Data.Migrations;

/// <summary>
/// 千人千网: citizen and enterprise accounts, their one-time codes, saved items, claimed messages
/// and subscriptions.
/// </summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261206300100_Citizens")]
public sealed class CitizensAndSubscriptions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Citizens", t => new
        {
            Id = t.Id(),
            Kind = t.Column<string>(maxLength: 32),
            Mobile = t.Column<string>(maxLength: 20),
            Name = t.Column<string>(maxLength: 200),
            CreditCode = t.Column<string>(maxLength: 18, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            PasswordHash = t.Column<string>(nullable: true),
            FailedLoginCount = t.Column<int>(),
            LockoutEnd = t.Column<DateTime>(nullable: true),
            Events = t.Column<string>(maxLength: 500),
            CreatedAt = t.Column<DateTime>(),
            LastSignInAt = t.Column<DateTime>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_Citizens", x => x.Id));
        m.CreateIndex("IX_Citizens_Mobile", "Citizens", "Mobile", unique: true);
        m.CreateIndex("IX_Citizens_CreditCode", "Citizens", "CreditCode", unique: true);

        m.CreateTable("CitizenCodes", t => new
        {
            Id = LongId(t),
            Mobile = t.Column<string>(maxLength: 20),
            CodeHash = t.Column<string>(maxLength: 64),
            CreatedAt = t.Column<DateTime>(),
            ExpiresAt = t.Column<DateTime>(),
            Attempts = t.Column<int>(),
            UsedAt = t.Column<DateTime>(nullable: true),
        }, constraints: c => c.PrimaryKey("PK_CitizenCodes", x => x.Id));
        m.CreateIndex("IX_CitizenCodes_Mobile_CreatedAt", "CitizenCodes", ["Mobile", "CreatedAt"]);

        m.CreateTable("SavedEntries", t => new
        {
            Id = LongId(t),
            CitizenId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Target = t.Column<string>(maxLength: 64),
            SiteId = t.Column<int>(),
            Title = t.Column<string>(maxLength: 300),
            SavedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_SavedEntries", x => x.Id);
            c.ForeignKey("FK_SavedEntries_Citizens_CitizenId", x => x.CitizenId, "Citizens", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_SavedEntries_CitizenId_Kind_SiteId_Target", "SavedEntries", ["CitizenId", "Kind", "SiteId", "Target"], unique: true);

        m.CreateTable("CitizenMessages", t => new
        {
            CitizenId = t.Column<int>(),
            MessageId = t.Column<int>(),
            AddedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_CitizenMessages", x => new { x.CitizenId, x.MessageId });
            c.ForeignKey("FK_CitizenMessages_Citizens_CitizenId", x => x.CitizenId, "Citizens", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_CitizenMessages_Messages_MessageId", x => x.MessageId, "Messages", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CitizenMessages_MessageId", "CitizenMessages", "MessageId");

        m.CreateTable("Subscriptions", t => new
        {
            Id = LongId(t),
            CitizenId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            SiteId = t.Column<int>(),
            Target = t.Column<string>(maxLength: 100),
            Title = t.Column<string>(maxLength: 200),
            Channel = t.Column<string>(maxLength: 32),
            Since = t.Column<DateTime>(),
            Token = t.Column<string>(maxLength: 64),
            Origin = t.Column<string>(maxLength: 300),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Subscriptions", x => x.Id);
            c.ForeignKey("FK_Subscriptions_Citizens_CitizenId", x => x.CitizenId, "Citizens", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Subscriptions_Token", "Subscriptions", "Token", unique: true);
        m.CreateIndex("IX_Subscriptions_CitizenId", "Subscriptions", "CitizenId");
    }

    private static OperationBuilder<AddColumnOperation> LongId(ColumnsBuilder t) =>
        t.Column<long>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Subscriptions", "CitizenMessages", "SavedEntries", "CitizenCodes", "Citizens" })
        {
            m.DropTable(table);
        }
    }
}
