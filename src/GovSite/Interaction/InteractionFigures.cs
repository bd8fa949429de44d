using GovSite.Accounts;
using GovSite.Common;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovSite.Interaction;

/// <summary>
/// Every 互动交流 count of the annual report (政府网站工作年度报表) for one site and period:
/// messages (received, closed, average working days, published replies) joined with
/// consultations, surveys and interviews.
/// </summary>
public sealed record InteractionFiguresBody(string SiteCode, string From, string To, MessageFigures Messages, ParticipationReport Participation);

public static class InteractionFigures
{
    public static IEndpointRouteBuilder MapInteractionFigures(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sites/{code}/interaction/figures", GetAsync)
            .WithTags("Interaction")
            .WithSummary("互动交流年度报表数字（留言、征集、调查、访谈），按网站和时间段")
            .WithDescription("工作年度报表中互动交流部分的数字：收到和办结的留言数、平均办理天数、公开答复数，征集调查期数和收到意见数，在线访谈期数和网民提问、答复数；本站工作人员和主管单位可用。")
            .RequireAuthorization(AccountsSetup.Writer);
        return app;
    }

    private static async Task<Results<Ok<InteractionFiguresBody>, NotFound, ValidationProblem>> GetAsync(
        string code, DateOnly? from, DateOnly? to, SiteDirectory sites, SiteAccess access, MessageStatistics messages,
        ParticipationFigures participation, TimeProvider clock, CancellationToken ct)
    {
        // Another site's figures do not exist for this caller, as with its drafts.
        if (sites.FindByCode(code) is not { } site || !access.CanSee(site.Id))
        {
            return TypedResults.NotFound();
        }
        var year = ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;
        var start = from ?? new DateOnly(year, 1, 1);
        var end = to ?? new DateOnly(year, 12, 31);
        if (end < start)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["结束日期不能早于开始日期"] });
        }
        return TypedResults.Ok(new InteractionFiguresBody(site.Code, start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            await messages.ForSiteAsync(site.Id, start, end, ct), await participation.ForSiteAsync(site.Id, start, end, ct)));
    }
}
