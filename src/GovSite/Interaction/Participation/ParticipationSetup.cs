using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.PublicSite;
using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using System.Net.ServerSentEvents;

namespace GovSite.Interaction.Participation;

/// <summary>Settings under "Participation" in configuration.</summary>
public sealed class ParticipationOptions
{
    /// <summary>
    /// Calendar days after a consultation closes within which its 采纳情况 is due. No national
    /// text fixes the number; 30 days matches the usual minimum comment period (重大行政决策程序
    /// 暂行条例 asks for at least 30 days of comment), so feedback takes no longer than the asking did.
    /// </summary>
    public int SummaryDueDays { get; set; } = 30;

    /// <summary>Responses to one survey from one address: offices and schools share addresses behind NAT.</summary>
    public int MaxResponsesPerAddress { get; set; } = 50;

    /// <summary>How often each open interview page's feed reads the database.</summary>
    public int LivePollMilliseconds { get; set; } = 1000;
}

public static class ParticipationSetup
{
    public static WebApplicationBuilder AddParticipation(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ParticipationOptions>(builder.Configuration.GetSection("Participation"));
        builder.Services.AddScoped<ConsultationService>();
        builder.Services.AddScoped<SurveyService>();
        builder.Services.AddScoped<InterviewService>();
        builder.Services.AddScoped<ParticipationFigures>();
        builder.Services.AddSingleton<VoterToken>();
        return builder;
    }

    public static IEndpointRouteBuilder MapParticipation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/interviews/{id:int}/live", LiveAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Server-Sent Events for an open interview page. Each connection reads the database on its
    /// own, so an answer saved on any node reaches readers on every node.
    /// </summary>
    private static async Task<IResult> LiveAsync(int id, long? since, CurrentSite current, InterviewService interviews,
        HttpRequest request, IOptions<ParticipationOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        if (current.Site is not { } site || await interviews.PublicAsync(site.Id, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var cursor = long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last
            : since ?? 0;
        return TypedResults.ServerSentEvents(StreamAsync(interviews, id, new DateTime(Math.Clamp(cursor, InterviewService.FeedOverlap.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc),
            TimeSpan.FromMilliseconds(Math.Max(options.Value.LivePollMilliseconds, 100)), clock, ct, lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<SseItem<LiveQuestion?>> StreamAsync(InterviewService interviews, int id, DateTime cursor,
        TimeSpan poll, TimeProvider clock, [EnumeratorCancellation] CancellationToken aborted, CancellationToken stopping)
    {
        // A node shutting down ends its feeds at once (the browser reconnects to another node)
        // instead of holding the shutdown until the host's timeout.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var ct = linked.Token;
        // EventSource reconnects by itself; ending now and then frees the connection and scope.
        var until = clock.GetUtcNow().AddMinutes(30);
        var sent = new Dictionary<int, DateTime>();
        // Sent at once so the response starts (headers out) before there is news, and every
        // quarter minute after, so proxies do not close a quiet connection. The page ignores both.
        yield return new SseItem<LiveQuestion?>(null, "ready");
        var quietSince = Environment.TickCount64;
        while (!ct.IsCancellationRequested && clock.GetUtcNow() < until)
        {
            // Re-read a short overlap: a transaction that committed late, or a node whose clock
            // runs behind, may carry a ChangedAt just before the cursor. What this connection
            // already sent is skipped; the page also ignores repeats.
            var changes = await interviews.ChangesSinceAsync(id, cursor - InterviewService.FeedOverlap, ct);
            foreach (var change in changes)
            {
                if (change.ChangedAt > cursor)
                {
                    cursor = change.ChangedAt;
                }
                if (sent.TryGetValue(change.Id, out var version) && version == change.ChangedAt)
                {
                    continue;
                }
                sent[change.Id] = change.ChangedAt;
                quietSince = Environment.TickCount64;
                yield return new SseItem<LiveQuestion?>(change, "question") { EventId = cursor.Ticks.ToString(CultureInfo.InvariantCulture) };
            }
            if (Environment.TickCount64 - quietSince > 15_000)
            {
                quietSince = Environment.TickCount64;
                yield return new SseItem<LiveQuestion?>(null, "ping");
            }
            if (!await WaitAsync(poll, ct))
            {
                yield break;
            }
        }
    }

    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Moderation is for the site's editors and admins; supervisors may look but not decide.</summary>
    public static bool CanModerate(this SiteAccess access, int siteId) =>
        access.HasRole(siteId, Role.SiteAdmin) || access.HasRole(siteId, Role.Editor);

    public static DateOnly TodayInChina(this TimeProvider clock) =>
        DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>A hash of the client address within one scope: lets us count per address without keeping addresses.</summary>
    public static string ClientHash(HttpContext context, string scope)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"govsite-participation|{scope}|{address}")));
    }

    /// <summary>A text area people write in: kept exactly as typed (pages encode it); null when empty.</summary>
    public static string? CleanText(string? text) => Common.TypedText.Block(text);

    /// <summary>A one-line field (a name, a contact): kept as typed but for the spaces around it; null when empty.</summary>
    public static string? CleanLine(string? text) => Common.TypedText.Line(text);
}
