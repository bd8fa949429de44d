using Microsoft.EntityFrameworkCore;

namespace GovSite.Audit;

public static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }

    internal static void ConfigureModel(ModelBuilder b) =>
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Target).HasMaxLength(300);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.Action, x.At });
        });
}
