using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Demo;
using GovSite.Interaction.Participation;
using GovSite.Security;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction;

public static class InteractionSetup
{
    public static WebApplicationBuilder AddInteraction(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InteractionOptions>(builder.Configuration.GetSection("Interaction"));
        builder.Services.AddSingleton<Attachments>();
        builder.Services.AddScoped<MessageService>();
        builder.Services.AddScoped<MessageStatistics>();
        builder.Services.AddScoped<FaqMatcher>();
        builder.Services.AddScoped<IDeadlineWatch, MessageDeadlines>();
        builder.Services.AddSingleton<DeadlineAlerts>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineAlerts>());
        builder.Services.AddHostedService<InteractionDemo>();
        builder.AddParticipation();
        return builder;
    }

    public static IEndpointRouteBuilder MapInteraction(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Interaction").AllowAnonymous();
        api.MapPost("/sites/{code}/messages", SubmitAsync).WithSummary("提交留言（公开接口）")
            .WithDescription("公众向网站的领导信箱、咨询、投诉或建议渠道提交留言：channel 为 leaderMailbox、consultation、complaint 或 suggestion；姓名、手机号、标题、内容必填；isPublic 表示是否同意公开。返回编号、查询码和答复期限（7 个工作日）。有频率限制。").DisableAntiforgery()
            .LimitPerAddressAnd(RateLimitOptions.Letters, RateLimitOptions.LettersPerPhone, (MessageInput m) => m.Phone);
        api.MapGet("/messages/{ticket}", LookupAsync).WithSummary("凭编号和查询码查询留言办理状态")
            .WithDescription("留言人凭编号和查询码（queryCode）查询办理状态、答复期限和答复内容；查询码不对时答复 404。公开接口。").LimitPerAddress(RateLimitOptions.Lookups);
        api.MapGet("/sites/{code}/faq/suggest", SuggestAsync).WithSummary("智能问答：与留言草稿匹配的常见问题")
            .WithDescription("根据留言草稿的文字（q）返回网站常见问题中最相近的几条，供公众在提交前先看答案。公开接口。").LimitPerAddress(RateLimitOptions.Search);
        app.MapGet("/admin/messages/{id:int}/attachment", AttachmentAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapInteractionFigures();
        app.MapParticipation();
        return app;
    }

    public sealed record ReceiptBody(string Ticket, string QueryCode, string DueDate);

    public sealed record StatusBody(MessageStatus Status, string DueDate, string? Reply);

    private static async Task<Results<Created<ReceiptBody>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitAsync(
        string code, MessageInput input, SiteDirectory sites, MessageService messages, HttpContext http, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        var outcome = await messages.SubmitAsync(site.Id, input, null, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.RateLimited)
        {
            return TypedResults.Problem(string.Join(" ", outcome.Errors.All.SelectMany(e => e.Value)), statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
        }
        if (outcome.Receipt is not { } r)
        {
            var errors = outcome.Errors.ToDictionary().ToDictionary(kv => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value);
            return TypedResults.ValidationProblem(errors, title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");
        }
        await Citizens.CitizensSetup.LinkSubmissionAsync(http, (page, citizenId) => page.ClaimMessageAsync(citizenId, r.Ticket, r.QueryCode, ct));
        return TypedResults.Created($"/api/v1/messages/{r.Ticket}", new ReceiptBody(r.Ticket, r.QueryCode, Format(r.DueDate)));
    }

    private static async Task<Results<Ok<StatusBody>, NotFound>> LookupAsync(string ticket, string? queryCode, MessageService messages, CancellationToken ct)
    {
        var m = await messages.LookupAsync(ticket, queryCode, ct);
        return m is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new StatusBody(m.Status, Format(m.DueDate), MessageService.AnswerForCitizen(m)));
    }

    private static async Task<Results<Ok<List<FaqSuggestion>>, NotFound>> SuggestAsync(string code, string? q, SiteDirectory sites, FaqMatcher faq, CancellationToken ct)
    {
        if (sites.FindByCode(code) is not { } site)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await faq.SuggestAsync(site.Id, q is { Length: > 2000 } ? q[..2000] : q, 3, ct));
    }

    private static async Task<IResult> AttachmentAsync(int id, GovSiteDb db, Attachments files, SiteAccess access, CancellationToken ct)
    {
        // The query filter hides only other sites' unpublished messages: a published message's
        // attachment (never shown to the public) is still its own site's, so the site is checked here.
        var m = await db.Messages.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.SiteId, x.AttachmentFile, x.AttachmentType, x.AttachmentName }).FirstOrDefaultAsync(ct);
        if (m?.AttachmentFile is null || !access.CanSee(m.SiteId) || !File.Exists(files.PathOf(m.AttachmentFile)))
        {
            return Results.NotFound();
        }
        return Results.File(files.PathOf(m.AttachmentFile), m.AttachmentType ?? "application/octet-stream", m.AttachmentName ?? m.AttachmentFile);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<MessageChannel>(e =>
        {
            e.HasIndex(x => new { x.SiteId, x.Kind }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Description).HasMaxLength(500);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Message>(e =>
        {
            e.HasIndex(x => x.Ticket).IsUnique();
            e.Property(x => x.Ticket).HasMaxLength(20);
            e.Property(x => x.QueryCodeHash).HasMaxLength(64);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.SubmitterIp).HasMaxLength(45);
            e.HasIndex(x => new { x.SiteId, x.Status, x.ReceivedAt });
            e.HasIndex(x => new { x.HandlingSiteId, x.Status });
            e.HasIndex(x => new { x.Status, x.DueDate });
            e.HasIndex(x => new { x.Phone, x.ReceivedAt });
            e.HasIndex(x => new { x.SubmitterIp, x.ReceivedAt });
            e.HasIndex(x => new { x.ReplySiteId, x.RepliedAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MessageChannel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsClosed);
            // Staff see their own sites' messages (received, handled or handed to them); everyone
            // sees what is published with the writer's consent.
            e.HasQueryFilter(m => db.Access.Unrestricted || db.Access.SiteIds.Contains(m.SiteId)
                || db.Access.SiteIds.Contains(m.HandlingSiteId)
                || (m.TransferSiteId != null && db.Access.SiteIds.Contains(m.TransferSiteId.Value))
                || (m.Status == MessageStatus.Published && m.AllowPublic));
        });
        b.Entity<MessageAlert>(e =>
        {
            e.HasIndex(x => new { x.MessageId, x.Kind, x.DueDate }).IsUnique();
            e.HasIndex(x => new { x.SiteId, x.CreatedAt });
            e.HasOne<Message>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => db.Access.Unrestricted || db.Access.SiteIds.Contains(a.SiteId));
        });
        b.Entity<DeadlineAlert>(e =>
        {
            e.Property(x => x.Work).HasMaxLength(32);
            e.Property(x => x.Number).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Link).HasMaxLength(200);
            e.HasIndex(x => new { x.Work, x.ItemId, x.Kind, x.DueDate }).IsUnique();
            e.HasIndex(x => new { x.SiteId, x.CreatedAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => db.Access.Unrestricted || db.Access.SiteIds.Contains(a.SiteId));
        });
        b.Entity<FaqEntry>(e =>
        {
            e.HasIndex(x => x.SiteId);
            e.Property(x => x.Question).HasMaxLength(200);
            e.Property(x => x.Keywords).HasMaxLength(200);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
