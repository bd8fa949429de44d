using GovSite.Accounts;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Interaction;

/// <summary>A clock the test moves by hand; everything else in GovSite is real.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>China time (UTC+8) on a given day and hour.</summary>
    public void SetChina(int year, int month, int day, int hour = 10) =>
        _now = new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}

/// <summary>
/// The platform with two sites that have their channels open (a portal and a department) and
/// staff for each; the clock is a <see cref="ManualClock"/>.
/// </summary>
public class InteractionFactory : EmptyPlatformFactory
{
    public const string PortalCode = "3502000011";
    public const string DepartmentCode = "3502000022";
    public const string Password = "Staff12345x";

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Site Portal { get; private set; } = null!;
    public Site Department { get; private set; } = null!;

    protected virtual bool FakeClock => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal = await CreateSiteAsync(PortalCode, "测试互动市人民政府", SiteType.Portal, "www.hd.test.gov.cn");
        Department = await CreateSiteAsync(DepartmentCode, "测试互动市住房和城乡建设局", SiteType.Department, "zjj.hd.test.gov.cn");
        await AsSystemAsync(async sp =>
        {
            var messages = sp.GetRequiredService<MessageService>();
            await messages.EnsureChannelsAsync(Portal.Id, default);
            await messages.EnsureChannelsAsync(Department.Id, default);
            return 0;
        });
        await CreateUserAsync("portal-admin", Password, (Role.SiteAdmin, Portal.Id));
        await CreateUserAsync("portal-editor", Password, (Role.Editor, Portal.Id));
        await CreateUserAsync("dept-editor", Password, (Role.Editor, Department.Id));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Generous limits for the suite; the limit tests set their own through the service options.
        builder.UseSetting("Interaction:MessagesPerIpPerHour", "1000");
        if (FakeClock)
        {
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>Runs work as a signed-in staff member (their grants, not system access).</summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<GovSite.Data.GovSiteDb>().Users
            .Include(u => u.Grants).SingleAsync(u => u.UserName == userName);
        var access = sp.GetRequiredService<SiteAccess>();
        access.SetUser(user.Id, user.UserName, false, user.Grants.Where(g => g.SiteId is not null).Select(g => (g.SiteId!.Value, g.Role)), [], []);
        return await work(sp);
    }

    public async Task<Receipt> SubmitAsync(int siteId, string subject, string text, string phone = "13900001111", bool isPublic = true, string name = "李四")
    {
        var outcome = await AsSystemAsync(sp => sp.GetRequiredService<MessageService>().SubmitAsync(siteId, new MessageInput
        {
            Channel = ChannelKind.Consultation,
            Name = name,
            Phone = phone,
            Subject = subject,
            Text = text,
            IsPublic = isPublic,
        }, null, "10.1.2.3", default));
        outcome.Errors.IsValid.ShouldBeTrue(string.Join("; ", outcome.Errors.All.SelectMany(e => e.Value)));
        return outcome.Receipt!;
    }

    public Task<Message> MessageAsync(string ticket) =>
        AsSystemAsync(sp => sp.GetRequiredService<GovSite.Data.GovSiteDb>().Messages.AsNoTracking().SingleAsync(m => m.Ticket == ticket));

    /// <summary>The portal's open consultation on a draft regulation and its live interview (started an hour ago), as posting tests need them.</summary>
    public Task<(int Consultation, int Interview)> OpenConsultationAndInterviewAsync() => AsSystemAsync(async sp =>
    {
        var consultation = await sp.GetRequiredService<GovSite.Interaction.Participation.ConsultationService>().SaveAsync(Portal.Id, null,
            new GovSite.Interaction.Participation.ConsultationInput
            {
                Title = "关于城市管理条例（草案）公开征求意见", Body = "<p>草案全文。</p>", OpensOn = new DateOnly(2020, 1, 1), ClosesOn = new DateOnly(2099, 12, 31),
                IsPublished = true,
            });
        var now = GovSite.Common.ChinaTime.ToLocal(DateTime.UtcNow);
        var interview = await sp.GetRequiredService<GovSite.Interaction.Participation.InterviewService>().SaveAsync(Portal.Id, null,
            new GovSite.Interaction.Participation.InterviewInput
            {
                Title = "市民政局局长谈社会救助", Guests = "市民政局局长", StartsAt = now.AddHours(-1), EndsAt = now.AddDays(2), IsPublished = true,
            });
        return (consultation.Value!.Id, interview.Value!.Id);
    });
}

/// <summary>The same platform on a clock the tests move.</summary>
public sealed class ClockedInteractionFactory : InteractionFactory
{
    protected override bool FakeClock => true;
}
