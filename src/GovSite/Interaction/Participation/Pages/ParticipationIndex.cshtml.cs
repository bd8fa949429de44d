using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Interaction.Participation.Pages;

public sealed record Listed<T>(T Item, string Label);

/// <summary>Not output-cached: the states (征集中, 已结束) change with the clock, not with a publish event.</summary>
public sealed class ParticipationIndexModel(CurrentSite current, SiteContent content, ConsultationService consultations,
    SurveyService surveys, InterviewService interviews) : PublicPageModel(current, content)
{
    public List<Listed<Consultation>> Consultations { get; private set; } = [];
    public List<Listed<Survey>> Surveys { get; private set; } = [];
    public List<Listed<Interview>> Interviews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"公众参与 - {Site.Name}";
        // Reached from the main navigation, so crawlers and supervisors treat it as a column.
        AddMeta("ColumnName", "公众参与");
        AddMeta("ColumnDescription", $"{Site.Name}意见征集、网上调查和在线访谈");
        AddMeta("ColumnKeywords", "意见征集,网上调查,在线访谈");
        AddMeta("ColumnType", GovSite.Sites.StandardColumns.Label(GovSite.Publishing.ColumnType.Interaction));
        var today = consultations.Today;
        Consultations = [.. (await consultations.PublicListAsync(Site.Id, ct)).Select(c => new Listed<Consultation>(c, PublicLabels.Of(c, today)))];
        Surveys = [.. (await surveys.PublicListAsync(Site.Id, ct)).Select(s => new Listed<Survey>(s,
            SurveyService.IsOpen(s, today) ? "进行中" : today < s.OpensOn ? "未开始" : "已结束"))];
        Interviews = [.. (await interviews.PublicListAsync(Site.Id, ct)).Select(i => new Listed<Interview>(i, PublicLabels.Of(interviews.Phase(i))))];
        return Page();
    }
}

public static class PublicLabels
{
    public static string Of(Consultation c, DateOnly today) => ConsultationService.Phase(c, today) switch
    {
        ConsultationPhase.NotYetOpen => "未开始",
        ConsultationPhase.Open => "征集中",
        _ => c.SummaryPublishedAt is null ? "已截止" : "已公布采纳情况",
    };

    public static string Of(InterviewPhase phase) => phase switch
    {
        InterviewPhase.Upcoming => "预告",
        InterviewPhase.Live => "正在直播",
        _ => "已结束",
    };
}
