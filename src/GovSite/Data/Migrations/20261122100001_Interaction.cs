using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovSite.Data.Migrations;

/// <summary>The working-day calendar's stored dates, and messages with their channels, alerts and FAQ.</summary>
[DbContext(typeof(GovSiteDb))]
[Migration("20261122100001_Interaction")]
public sealed class Interaction : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("CalendarDays", t => new
        {
            Id = t.Id(),
            Date = t.Column<DateOnly>(),
            IsOffDay = t.Column<bool>(),
            Name = t.Column<string>(maxLength: 50),
            Source = t.Column<string>(maxLength: 16),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c => c.PrimaryKey("PK_CalendarDays", x => x.Id));
        m.CreateIndex("IX_CalendarDays_Date", "CalendarDays", "Date", unique: true);

        m.CreateTable("MessageChannels", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            Name = t.Column<string>(maxLength: 50),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            IsOpen = t.Column<bool>(),
            SortOrder = t.Column<int>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MessageChannels", x => x.Id);
            c.ForeignKey("FK_MessageChannels_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MessageChannels_SiteId_Kind", "MessageChannels", ["SiteId", "Kind"], unique: true);

        m.CreateTable("Messages", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            HandlingSiteId = t.Column<int>(),
            TransferSiteId = t.Column<int>(nullable: true),
            TransferNote = t.Column<string>(nullable: true),
            ChannelId = t.Column<int>(),
            Ticket = t.Column<string>(maxLength: 20),
            QueryCodeHash = t.Column<string>(maxLength: 64),
            Name = t.Column<string>(maxLength: 50),
            Phone = t.Column<string>(maxLength: 20),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Subject = t.Column<string>(maxLength: 100),
            Text = t.Column<string>(),
            AllowPublic = t.Column<bool>(),
            AttachmentName = t.Column<string>(nullable: true),
            AttachmentFile = t.Column<string>(nullable: true),
            AttachmentType = t.Column<string>(nullable: true),
            ContentHash = t.Column<string>(maxLength: 64),
            SubmitterIp = t.Column<string>(maxLength: 45, nullable: true),
            Status = t.Column<string>(maxLength: 32),
            ReceivedAt = t.Column<DateTime>(),
            DueDate = t.Column<DateOnly>(),
            Extended = t.Column<bool>(),
            ExtensionReason = t.Column<string>(nullable: true),
            InvalidReason = t.Column<string>(nullable: true),
            DuplicateOfId = t.Column<int>(nullable: true),
            CannotHandleExplanation = t.Column<string>(nullable: true),
            Reply = t.Column<string>(nullable: true),
            ReplyBy = t.Column<string>(nullable: true),
            ReplySiteId = t.Column<int>(nullable: true),
            RepliedAt = t.Column<DateTime>(nullable: true),
            ReplyIsBoilerplate = t.Column<bool>(),
            BoilerplateMatches = t.Column<int>(),
            BoilerplateOverrideReason = t.Column<string>(nullable: true),
            PublishedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_Messages", x => x.Id);
            c.ForeignKey("FK_Messages_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            c.ForeignKey("FK_Messages_MessageChannels_ChannelId", x => x.ChannelId, "MessageChannels", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Messages_Ticket", "Messages", "Ticket", unique: true);
        m.CreateIndex("IX_Messages_ChannelId", "Messages", "ChannelId");
        m.CreateIndex("IX_Messages_SiteId_Status_ReceivedAt", "Messages", ["SiteId", "Status", "ReceivedAt"]);
        m.CreateIndex("IX_Messages_HandlingSiteId_Status", "Messages", ["HandlingSiteId", "Status"]);
        m.CreateIndex("IX_Messages_Status_DueDate", "Messages", ["Status", "DueDate"]);
        m.CreateIndex("IX_Messages_Phone_ReceivedAt", "Messages", ["Phone", "ReceivedAt"]);
        m.CreateIndex("IX_Messages_SubmitterIp_ReceivedAt", "Messages", ["SubmitterIp", "ReceivedAt"]);
        m.CreateIndex("IX_Messages_ReplySiteId_RepliedAt", "Messages", ["ReplySiteId", "RepliedAt"]);

        m.CreateTable("MessageAlerts", t => new
        {
            Id = t.Id(),
            MessageId = t.Column<int>(),
            SiteId = t.Column<int>(),
            Kind = t.Column<string>(maxLength: 32),
            DueDate = t.Column<DateOnly>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_MessageAlerts", x => x.Id);
            c.ForeignKey("FK_MessageAlerts_Messages_MessageId", x => x.MessageId, "Messages", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MessageAlerts_MessageId_Kind_DueDate", "MessageAlerts", ["MessageId", "Kind", "DueDate"], unique: true);
        m.CreateIndex("IX_MessageAlerts_SiteId_CreatedAt", "MessageAlerts", ["SiteId", "CreatedAt"]);

        m.CreateTable("FaqEntries", t => new
        {
            Id = t.Id(),
            SiteId = t.Column<int>(),
            Question = t.Column<string>(maxLength: 200),
            Answer = t.Column<string>(),
            Keywords = t.Column<string>(maxLength: 200, nullable: true),
            SortOrder = t.Column<int>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: c =>
        {
            c.PrimaryKey("PK_FaqEntries", x => x.Id);
            c.ForeignKey("FK_FaqEntries_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_FaqEntries_SiteId", "FaqEntries", "SiteId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("FaqEntries");
        m.DropTable("MessageAlerts");
        m.DropTable("Messages");
        m.DropTable("MessageChannels");
        m.DropTable("CalendarDays");
    }
}
