namespace GovSite.Tests.Monitoring.Farm;

public enum FarmLayout { Classic, Table, Modern }

public enum DateStyle { Iso, Slash, Chinese, Bracket, TimeTag }

public enum ColumnContent { Articles, Guides, Messages, Page }

/// <summary>A column of a farm site. Item i (0 = newest) is dated NewestDaysAgo + i × Spacing days before the check date.</summary>
public sealed record FarmColumn(string Name, string Type, int Items, int NewestDaysAgo, int Spacing = 3, ColumnContent Content = ColumnContent.Articles);

/// <summary>A planted message: days before the check date it was posted and (if at all) answered.</summary>
public sealed record FarmMessage(int PostedDaysAgo, int? RepliedDaysAgo, string Status);

/// <summary>
/// One generated government site of the test farm, with its planted defects. Everything the
/// checker should find is derived here from the model, not from the checker's reading of HTML.
/// </summary>
public sealed class FarmSite
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Code { get; init; }
    public FarmLayout Layout { get; init; }
    public DateStyle Dates { get; init; }
    public int PageSize { get; init; } = 10;
    public required List<FarmColumn> Columns { get; init; }
    public bool Unreachable { get; init; }
    public List<string> Misspellings { get; init; } = [];
    public List<FarmMessage> Messages { get; init; } = [];

    /// <summary>For each guide, how many of the ten elements it lacks.</summary>
    public List<int> GuideLacks { get; init; } = [];
    public List<string> MissingFooter { get; init; } = [];
    public bool InvalidCode { get; init; }
    public bool MissingMeta { get; init; }
    public bool SlowPage { get; init; }

    /// <summary>The interaction column answers 404: a channel that does not work.</summary>
    public bool ChannelGone { get; init; }

    /// <summary>The homepage links to the region's interaction platform, off the site.</summary>
    public bool OffsiteChannel { get; init; }

    /// <summary>The homepage links to the region's service platform, off the site.</summary>
    public bool OffsiteServices { get; init; }

    /// <summary>A government's own site (…人民政府): it must offer services.</summary>
    public bool IsPortal => Name.EndsWith("人民政府", StringComparison.Ordinal) || Name.EndsWith("人民政府门户网站", StringComparison.Ordinal);

    /// <summary>Broken links planted: internal missing pages and images, external gone pages.</summary>
    public int BrokenInternal { get; init; }
    public int BrokenExternal { get; init; }

    public string Root => $"/f/{Slug}/";
    public string ColumnPath(int c) => $"{Root}c{c}/";
    public string ListPath(int c, int page) => page == 1 ? ColumnPath(c) : $"{Root}c{c}/index_{page}.html";
    public string ItemPath(int c, int i) => $"{Root}c{c}/a{i}.html";
    public int Pages(int c) => Math.Max(1, (Columns[c].Items + PageSize - 1) / PageSize);
    public DateOnly ItemDate(DateOnly asOf, int c, int i) => Columns[c].Content == ColumnContent.Messages
        ? asOf.AddDays(-SortedMessages[i].PostedDaysAgo)
        : asOf.AddDays(-(Columns[c].NewestDaysAgo + i * Columns[c].Spacing));

    public List<FarmMessage> SortedMessages => [.. Messages.OrderBy(m => m.PostedDaysAgo)];

    public IEnumerable<string> BrokenUrls(string origin)
    {
        for (var k = 0; k < BrokenInternal; k++)
        {
            yield return k % 2 == 0 ? $"{origin}{Root}missing/page{k}.html" : $"{origin}{Root}images/missing{k}.png";
        }
        for (var k = 0; k < BrokenExternal; k++)
        {
            yield return $"{origin}/ext/gone/{Slug}-{k}";
        }
        if (ChannelGone)
        {
            foreach (var c in Enumerable.Range(0, Columns.Count).Where(c => Columns[c].Content == ColumnContent.Messages))
            {
                yield return origin + ColumnPath(c);
            }
        }
    }

    /// <summary>Columns whose newest items the homepage shows in blocks.</summary>
    public IEnumerable<int> HomeBlocks() => Enumerable.Range(0, Columns.Count)
        .Where(c => Columns[c].Content is ColumnContent.Articles && Columns[c].Type is "news" or "notice" or "policy" or "interpretation").Take(6);

    public Expected Expect(DateOnly asOf)
    {
        var vetoes = new SortedSet<string>(StringComparer.Ordinal);
        if (Unreachable)
        {
            vetoes.Add("site_unreachable");
            return new Expected(vetoes, [], []);
        }
        var columns = new List<ExpectedColumn>();
        for (var c = 0; c < Columns.Count; c++)
        {
            var col = Columns[c];
            var items = col.Content == ColumnContent.Page ? 0 : col.Items;
            DateOnly? latest = items > 0 ? ItemDate(asOf, c, 0) : null;
            var staleAfter = col.Type switch { "news" => 14, "notice" or "policy" => 183, "personnel" or "planning" => 365, _ => (int?)null };
            var isStale = latest is { } l && staleAfter is { } s && asOf.DayNumber - l.DayNumber > s;
            // A column whose address answers 404 is a broken link (and, for a channel, no channel), not an empty column.
            var gone = ChannelGone && col.Content == ColumnContent.Messages;
            columns.Add(new ExpectedColumn(col.Name, col.Type, latest, items, isStale, items == 0 && col.Content != ColumnContent.Page && !gone));
        }
        var homeNewest = HomeBlocks().Where(c => Columns[c].Items > 0).Select(c => ItemDate(asOf, c, 0)).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (asOf.DayNumber - homeNewest.DayNumber > 14)
        {
            vetoes.Add("homepage_stale");
        }
        var stale = columns.Where(c => c.Stale).ToList();
        if (stale.Count(c => c.Type is "news" or "notice" or "policy") >= 5 || stale.Count >= 10)
        {
            vetoes.Add("columns_stale");
        }
        if (columns.Count(c => c.Empty) >= 5)
        {
            vetoes.Add("columns_empty");
        }
        if (Misspellings.Count > 0)
        {
            vetoes.Add("serious_error");
        }
        var channel = OffsiteChannel || (!ChannelGone && Columns.Any(c => c.Type == "interaction"));
        if (!channel || Messages.Any(m => Unanswered(m, asOf)))
        {
            vetoes.Add("interaction_unresponsive");
        }
        if (IsPortal && !OffsiteServices && !Columns.Any(c => c.Type == "service"))
        {
            vetoes.Add("service_guide_incomplete");
        }
        if (GuideLacks.Count(n => n >= 4) >= 5)
        {
            vetoes.Add("service_guide_incomplete");
        }
        return new Expected(vetoes, columns, []);
    }

    private static bool Unanswered(FarmMessage m, DateOnly asOf)
    {
        var posted = asOf.AddDays(-m.PostedDaysAgo);
        if (posted < asOf.AddYears(-1) || m.Status.Contains("无效", StringComparison.Ordinal))
        {
            return false;
        }
        // domain.md: a message answered late is answered (a deduction, not a veto); 办理中 is not an answer.
        return m.RepliedDaysAgo is null && asOf.DayNumber - posted.DayNumber > 92;
    }
}

public sealed record ExpectedColumn(string Name, string Type, DateOnly? Latest, int Items, bool Stale, bool Empty);

public sealed record Expected(SortedSet<string> Vetoes, List<ExpectedColumn> Columns, List<string> Unused)
{
    public string Verdict => Vetoes.Count > 0 ? "fail" : "pass";
}
