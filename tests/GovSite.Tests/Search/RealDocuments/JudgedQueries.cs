using System.Text.Json;

namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// One judged query: what a person types, and the documents a reader says answer it, by key or by
/// what they are about. <see cref="About"/> lists alternatives; in one alternative, tags joined by
/// " + " must all be among an article's tags. <see cref="Site"/> limits search and answers to one site.
/// </summary>
public sealed record JudgedQuery(string Query, string Kind, string? Site, IReadOnlyList<string> Keys,
    IReadOnlyList<string> About, string Why)
{
    public IReadOnlyList<IReadOnlyList<string>> Alternatives =>
        [.. About.Select(a => (IReadOnlyList<string>)[.. a.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)])];

    public bool IsRelevant(CorpusArticle article) =>
        (Site is null || article.SiteCode == Site) &&
        (Keys.Contains(article.Key) || Alternatives.Any(all => all.All(article.About.Contains)));

    public List<CorpusArticle> Relevant(IEnumerable<CorpusArticle> corpus) => [.. corpus.Where(IsRelevant)];
}

public static class JudgedQueries
{
    public const string File = "Search/RealDocuments/judged-queries.json";

    private sealed record Entry(string Query, string Kind, string? Site, string[]? Keys, string[]? About, string Why);

    private sealed record Document(string Description, Entry[] Queries);

    public static IReadOnlyList<JudgedQuery> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, File);
        var document = JsonSerializer.Deserialize<Document>(System.IO.File.ReadAllText(path),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path} is empty.");
        return [.. document.Queries.Select(e => new JudgedQuery(e.Query, e.Kind, e.Site, e.Keys ?? [], e.About ?? [], e.Why))];
    }
}
