using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

public static class LibraryModel
{
    public static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<LibraryItem>(e =>
        {
            e.ToTable("LibraryItems");
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Subtitle).HasMaxLength(500);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.DocNumber).HasMaxLength(100);
            e.Property(x => x.Issuer).HasMaxLength(200);
            e.Property(x => x.SubjectClass).HasMaxLength(100);
            e.Property(x => x.GenreClass).HasMaxLength(100);
            e.Property(x => x.DisclosureReason).HasMaxLength(500);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.OwnerSiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.HomeColumnId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.InterpretsItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.OwnerSiteId, x.Status });
            e.HasIndex(x => x.InterpretsItemId);
            e.Ignore(x => x.IsPolicy);
            e.Ignore(x => x.HasRevision);
            // Staff see their own sites' items; everyone else sees only what is published.
            e.HasQueryFilter(i => db.Access.Unrestricted || db.Access.SiteIds.Contains(i.OwnerSiteId) || i.Status == ItemStatus.Published);
        });
        b.Entity<ItemVersion>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.CreatedByName).HasMaxLength(64);
            e.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ItemId, x.Number }).IsUnique();
        });
        b.Entity<ItemTransition>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(32);
            e.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ItemId);
        });
        b.Entity<PlacementRequest>(e =>
        {
            e.Property(x => x.RequestedByName).HasMaxLength(64);
            e.Property(x => x.DecidedByName).HasMaxLength(64);
            e.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<ReprintOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ColumnSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.SiteId, x.Status });
            e.HasIndex(x => new { x.ItemId, x.SiteId });
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.SubscriptionId);
            e.HasIndex(x => x.ColumnId);
        });
        b.Entity<ColumnSubscription>(e =>
        {
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.SourceColumnId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ColumnId, x.SourceColumnId }).IsUnique();
            e.HasIndex(x => x.SourceColumnId);
        });
        b.Entity<ReprintOrder>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasOne<LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.IssuerSiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ItemId);
            e.HasIndex(x => x.IssuerSiteId);
        });
        b.Entity<PublishingSettings>(e =>
        {
            e.HasKey(x => x.SiteId);
            e.Property(x => x.IndexNumberPattern).HasMaxLength(100);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndexNumberCounter>(e =>
        {
            e.HasKey(x => new { x.SiteId, x.Year });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Classification>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.Scheme, x.Code }).IsUnique();
        });
    }
}
