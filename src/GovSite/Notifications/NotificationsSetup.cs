using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Notifications;

public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Mail:Smtp"));
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<ReminderSweep>();
        builder.Services.AddSingleton<IOutboxSender, SmtpSender>();
        builder.Services.Configure<SmsOptions>(builder.Configuration.GetSection("Sms"));
        builder.Services.AddHttpClient(SmsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<IOutboxSender, SmsSender>();
        builder.Services.AddSingleton<OutboxDrain>();
        if (!JobQueueSetup.WorkersDisabled(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDrain>());
        }
        return builder;
    }

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<Notice>(e =>
        {
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Link).HasMaxLength(500);
            e.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.ReadAt });
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            // Each person reads only their own notices; system work (the sweeps) sees all.
            e.HasQueryFilter(n => db.Access.Unrestricted || n.UserId == db.Access.UserId);
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.Property(x => x.Recipient).HasMaxLength(254);
            e.Property(x => x.RecipientName).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.HasIndex(x => new { x.Channel, x.Status, x.NextAttemptAt });
        });
    }
}
