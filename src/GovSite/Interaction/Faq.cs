using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction;

public sealed record FaqSuggestion(int Id, string Question, string Answer);

/// <summary>
/// 智能问答: answers from the site's knowledge base that match what a person is writing. A question
/// matches when enough of its character pairs occur in the draft, or one of its keywords does.
/// </summary>
public sealed class FaqMatcher(GovSiteDb db)
{
    public const double Threshold = 0.35;

    public async Task<List<FaqSuggestion>> SuggestAsync(int siteId, string? draft, int max, CancellationToken ct)
    {
        var text = PlainText.Normalise(draft ?? "");
        if (text.Length < 2)
        {
            return [];
        }
        var entries = await db.FaqEntries.AsNoTracking().Where(f => f.SiteId == siteId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id).Take(500).ToListAsync(ct);
        var draftShingles = PlainText.Shingles(text);
        return [.. entries
            .Select(f => (Entry: f, Score: Score(f, text, draftShingles)))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .Take(max)
            .Select(x => new FaqSuggestion(x.Entry.Id, x.Entry.Question, x.Entry.Answer))];
    }

    public static double Score(FaqEntry entry, string normalisedDraft, HashSet<string> draftShingles)
    {
        var keywords = (entry.Keywords ?? "").Split([',', '，', ' ', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
        if (keywords.Any(k => PlainText.Normalise(k) is { Length: >= 2 } n && normalisedDraft.Contains(n, StringComparison.Ordinal)))
        {
            return 1;
        }
        var question = PlainText.Shingles(entry.Question);
        return question.Count == 0 ? 0 : (double)question.Count(draftShingles.Contains) / question.Count;
    }
}
