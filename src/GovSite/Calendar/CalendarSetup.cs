using System.Globalization;
using GovSite.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Calendar;

public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CalendarOptions>(builder.Configuration.GetSection("Calendar"));
        builder.Services.AddSingleton<CalendarService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar").AllowAnonymous();
        api.MapGet("/add-working-days", AddWorkingDays)
            .WithSummary("加上 N 个工作日（默认自次日起算）")
            .WithDescription("按平台的节假日和调休安排，从 from 日期加上 days 个工作日，返回到期日。办理期限（如留言 7 个工作日、依申请公开 20 个工作日）都按此计算。公开接口。");
        api.MapGet("/working-days", WorkingDays)
            .WithSummary("两个日期之间的工作日数（默认不含起始日，含结束日）")
            .WithDescription("按平台的节假日和调休安排计算 from 与 to 之间的工作日数。公开接口。");
        return app;
    }

    public sealed record DateBody(string Date);

    public sealed record DaysBody(int Days);

    private static Results<Ok<DateBody>, ValidationProblem> AddWorkingDays(string? from, int? days, CalendarService calendar)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseDate(from, "from", errors);
        if (days is not (>= 0 and <= 3650))
        {
            errors["days"] = ["days 应为 0 到 3650 之间的整数"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "参数有误");
        }
        var date = calendar.Current.AddWorkingDays(start!.Value, days!.Value);
        return TypedResults.Ok(new DateBody(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static Results<Ok<DaysBody>, ValidationProblem> WorkingDays(string? from, string? to, CalendarService calendar)
    {
        var errors = new Dictionary<string, string[]>();
        var a = ParseDate(from, "from", errors);
        var b = ParseDate(to, "to", errors);
        if (a is { } x && b is { } y && Math.Abs(y.DayNumber - x.DayNumber) > 36600)
        {
            errors["to"] = ["两个日期相距不能超过 100 年"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "参数有误");
        }
        return TypedResults.Ok(new DaysBody(calendar.Current.WorkingDaysBetween(a!.Value, b!.Value)));
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[name] = [$"{name} 应为 YYYY-MM-DD 格式的日期"];
        return null;
    }

    internal static void ConfigureModel(Microsoft.EntityFrameworkCore.ModelBuilder b) =>
        b.Entity<CalendarDay>(e =>
        {
            e.HasIndex(x => x.Date).IsUnique();
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Source).HasMaxLength(16);
        });

    /// <summary>`govsite calendar-import FILE`: stores a holiday-cn file's dates.</summary>
    public static async Task<(int Count, string? Error)> ImportFileAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        var (days, error) = HolidayCnFile.Parse(await File.ReadAllTextAsync(path, ct));
        if (error is not null)
        {
            return (0, error);
        }
        var db = services.GetRequiredService<GovSiteDb>();
        var count = await services.GetRequiredService<CalendarService>().StoreAsync(db, days, "import", ct);
        return (count, null);
    }
}
